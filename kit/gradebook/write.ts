/**
 * Writes the gradebook of one graded class into a folder:
 *
 *   scores.csv            the instructor's sheet (export/scores.ts)
 *   canvas.csv, moodle.csv  the LMS imports (export/lms.ts)
 *   feedback/<id>.md      one readable page per student (export/feedback.ts)
 *   similarity.md, .csv   the similarity report, when it was computed (similarity/report.ts)
 *   roster.md             with --roster: folders without a roster row and rows without a folder
 *
 * Each file is written to a temporary name and renamed into place (a link planted in the folder is
 * replaced, never followed).
 */
import fs from 'fs';
import path from 'path';
import { writeFileAtomic } from '../grade/batch/output';
import { canvasCsv, moodleCsv } from './export/lms';
import { feedbackMarkdown } from './export/feedback';
import { joinRoster, RosterEntry, RosterJoin } from './export/roster';
import { scoresCsv } from './export/scores';
import { markdownInline } from './markdown';
import type { GradebookRow } from './model';
import type { SimilarityResult } from './similarity/compare';
import { similarityCsv, similarityMarkdown } from './similarity/report';

export interface GradebookInput {
  rows: GradebookRow[];
  /** Exercises in the course's order. */
  exercises: string[];
  /** The course's title (feedback pages). */
  title?: string;
  roster?: RosterEntry[];
  /** The LMS assignment's column name. */
  assignment?: string;
  similarity?: SimilarityResult;
}

export interface GradebookWritten {
  dir: string;
  files: string[];
  roster?: RosterJoin;
  /** Flagged pairs and kit matches, when the similarity report was written. */
  flagged?: { pairs: number; kit: number };
}

function rosterMarkdown(join: RosterJoin): string {
  const lines = ['# Roster check', ''];
  lines.push(`${join.matched.size} folder(s) matched a roster row.`, '');
  lines.push(`## Folders without a roster row (${join.unmatchedFolders.length})`, '');
  for (const f of join.unmatchedFolders) lines.push(`- ${markdownInline(f.folder, 200)}: ${markdownInline(f.why)}`);
  lines.push('', `## Roster rows without a folder (${join.unmatchedRoster.length})`, '', 'No submission was found for these students:', '');
  for (const r of join.unmatchedRoster) lines.push(`- line ${r.line}: ${markdownInline([r.login ?? r.folder, r.studentId, r.name, r.email].filter((x) => x !== undefined).join(', '), 300)}`);
  return `${lines.join('\n')}\n`;
}

/** Writes every gradebook file into `dir` (created if needed). */
export function writeGradebook(dir: string, input: GradebookInput): GradebookWritten {
  fs.mkdirSync(path.join(dir, 'feedback'), { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    const full = path.join(dir, name);
    writeFileAtomic(path.dirname(full), path.basename(full), text);
    files.push(name);
  };
  const join = input.roster === undefined ? undefined : joinRoster(input.rows.map((r) => r.name), input.roster);
  write('scores.csv', scoresCsv(input.rows, input.exercises, join?.matched));
  write('canvas.csv', canvasCsv(input.rows, { roster: join?.matched, assignment: input.assignment }));
  write('moodle.csv', moodleCsv(input.rows, { roster: join?.matched, assignment: input.assignment }));
  for (const row of input.rows) write(`feedback/${row.id}.md`, feedbackMarkdown(row, input.exercises, input.title));
  if (input.similarity !== undefined) {
    const names = new Map(input.rows.map((r) => [r.id, r.name]));
    write('similarity.md', similarityMarkdown(input.similarity, names));
    write('similarity.csv', similarityCsv(input.similarity, names));
  }
  if (join !== undefined) write('roster.md', rosterMarkdown(join));
  const flagged = input.similarity === undefined ? undefined : { pairs: input.similarity.pairs.filter((p) => p.flagged).length, kit: input.similarity.kit.filter((k) => k.flagged).length };
  return { dir, files, roster: join, flagged };
}
