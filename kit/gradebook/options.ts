/**
 * The gradebook's command-line options, declared in this one place and added to whichever command
 * grades a class (today `npm run grade -- --batch`): `addGradebookOptions(command)`, then
 * `readGradebookOptions(command.opts())` turns them into checked values (files read and parsed,
 * errors naming the option).
 */
import { Command, InvalidArgumentError } from 'commander';
import fs from 'fs';
import { DEFAULT_ASSIGNMENT } from './export/lms';
import { parseRoster, RosterEntry } from './export/roster';
import { Extensions, parseExtensions } from './deadline/extensions';
import { parseDeadline } from './deadline/time';
import { DEFAULT_THRESHOLD } from './similarity/compare';

export interface GradebookOptions {
  /** Grade each student's last commit at or before this instant (git repositories). */
  before?: Date;
  /** Later deadlines per student (needs `before`). */
  extensions: Extensions;
  roster?: RosterEntry[];
  /** Similarity from which a match is flagged; 0 turns the report off. */
  threshold: number;
  /** The LMS assignment's column name. */
  assignment: string;
}

export const DEFAULT_GRADEBOOK_OPTIONS: GradebookOptions = { extensions: new Map(), threshold: DEFAULT_THRESHOLD, assignment: DEFAULT_ASSIGNMENT };

function threshold(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1) || value.trim() === '') throw new InvalidArgumentError(`--similarity-threshold must be a number from 0 (no report) to 1, received ${JSON.stringify(value)}`);
  return n;
}

/** Adds the gradebook's options to `command`. */
export function addGradebookOptions(command: Command): Command {
  return command
    .option('--before <time>', 'grade each student\'s last commit at or before TIME (git repositories; committer date), e.g. 2026-03-01T23:59+09:00')
    .option('--extensions <file>', 'later deadlines per student: JSON { "login": "TIME" } or CSV with student,deadline columns (with --before)')
    .option('--roster <file>', 'CSV mapping folder or GitHub login to student id, name and email (columns: login or folder, id, name, email)')
    .option('--similarity-threshold <x>', `flag pairs and kit matches scoring at least X in similarity.md (0 turns the report off; default ${DEFAULT_THRESHOLD})`, threshold)
    .option('--lms-assignment <name>', `the assignment's column name in canvas.csv and moodle.csv (default "${DEFAULT_ASSIGNMENT}")`);
}

function readText(option: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RangeError(`${option}: cannot read ${JSON.stringify(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The checked options from what commander parsed. */
export function readGradebookOptions(o: { before?: string; extensions?: string; roster?: string; similarityThreshold?: number; lmsAssignment?: string }): GradebookOptions {
  if (o.extensions !== undefined && o.before === undefined) throw new RangeError('--extensions needs --before (the deadline the extensions move)');
  return {
    before: o.before === undefined ? undefined : parseDeadline(o.before),
    extensions: o.extensions === undefined ? new Map() : parseExtensions(readText('--extensions', o.extensions), o.extensions),
    roster: o.roster === undefined ? undefined : parseRoster(readText('--roster', o.roster), o.roster),
    threshold: o.similarityThreshold ?? DEFAULT_THRESHOLD,
    assignment: o.lmsAssignment ?? DEFAULT_ASSIGNMENT,
  };
}
