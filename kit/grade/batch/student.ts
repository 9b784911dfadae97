/**
 * Grading one student of a batch, whatever their folder holds. Every step — finding the exercise
 * files, the integrity check, the grading itself — reads the submission through safe/paths.ts (no
 * link followed, no special file opened), and every failure becomes this student's row with a
 * reason: a refused folder ("exercises/ is a symbolic link; submit real files"), a time-out of the
 * wall-clock limit per student (the checks graded by then keep their points, the others score 0),
 * or an error. Nothing a student does can stop the batch or reach another student's row.
 */
import path from 'path';
import type { CourseConfig } from '../config';
import { grade } from '../engine';
import { checkRepository } from '../integrity';
import type { Manifest } from '../manifest';
import type { ShippedVersions } from '../shipped';
import type { GradeRun } from '../report/model';
import { checkPath, listFolder } from '../safe/paths';
import { cleanLine } from '../safe/text';
import type { Lang } from '../i18n/lang';

export type StudentStatus = 'ok' | 'graders modified' | 'no exercises' | 'refused' | 'timed out' | 'error';

export interface StudentOptions {
  /** The kit's root: its graders grade every student. */
  root: string;
  hidden?: boolean;
  seed?: number;
  timeoutMs?: number;
  budgetMs?: number;
  /** Wall-clock limit for this student, in ms. */
  wallMs: number;
  course: CourseConfig;
  /** The language of check names and feedback (default English). */
  lang?: Lang;
  /** What a repository's graders and grading tool must be: the kit's manifest, with the folders where nothing may be added. */
  expected: Pick<Manifest, 'files' | 'protected'>;
  /** Every version of the graders the kit shipped (shipped.ts): a repository released before a grader was fixed is not "modified". */
  shipped?: ShippedVersions;
}

export interface StudentOutcome {
  status: StudentStatus;
  /** Why the status is not 'ok', one line each. */
  detail: string[];
  /** The first problem of each exercise file that lost points to one ("mse.ts: timed out after 2 s"). */
  problems: string[];
  /** The run in the course's points, or null when nothing was graded. */
  run: GradeRun | null;
}

/** Most lines of `detail` and of `problems` kept per student. */
export const MAX_DETAIL_LINES = 12;
/** Most entries of a student folder looked at for .ts files (when it has no exercises/). */
const MAX_LISTED = 2_000;

function capped(lines: string[]): string[] {
  const unique = [...new Set(lines.map((l) => cleanLine(l, 300)))];
  return unique.length <= MAX_DETAIL_LINES ? unique : [...unique.slice(0, MAX_DETAIL_LINES - 1), `… and ${unique.length - MAX_DETAIL_LINES + 1} more`];
}

/** Where the exercise files are: exercises/, or the folder itself when it holds .ts files; or why neither. */
export function locateExercises(folder: string): { dir: string } | { refused: string } | { none: string } {
  const nested = checkPath(folder, 'exercises', 'folder');
  if (nested.ok) return { dir: nested.full };
  if (!nested.missing) return { refused: nested.problem };
  const listed = listFolder(folder, '', MAX_LISTED);
  if (listed.ok && listed.entries.some((e) => e.isFile() && e.name.endsWith('.ts'))) return { dir: folder };
  return { none: 'no exercises/ folder and no .ts file in the submission' };
}

/** Does the submission carry the repository's tooling (then it is checked against the kit)? */
function isRepository(folder: string): boolean {
  return ['package.json', 'course', 'kit', '.github'].some((f) => {
    const found = checkPath(folder, f, 'file');
    return found.ok || !found.missing;
  });
}

/** The first problem of each exercise file that lost points to one. */
function problemsOf(run: GradeRun): string[] {
  const byFile = new Map<string, string>();
  for (const r of run.results) if (r.problem !== undefined && !byFile.has(r.file)) byFile.set(r.file, `${r.file}: ${r.problem}`);
  return [...byFile.values()];
}

/** Grades the student folder `folder` (a real folder the caller checked) within the options' limits. */
export async function gradeStudent(folder: string, options: StudentOptions): Promise<StudentOutcome> {
  const detail: string[] = [];
  let status: StudentStatus = 'ok';
  const where = locateExercises(folder);
  if ('refused' in where) return { status: 'refused', detail: capped([where.refused]), problems: [], run: null };
  if (isRepository(folder)) {
    const modified = checkRepository(folder, options.expected, options.shipped);
    if (modified.length > 0) {
      status = 'graders modified';
      // Refusals (links, FIFOs, folders for files) first: they say the most.
      const listed = (line: string): boolean => / \((missing|changed|added)\)$/.test(line);
      detail.push(...modified.filter((l) => !listed(l)), ...modified.filter(listed));
    }
  }
  const controller = new AbortController();
  const seconds = Math.round(options.wallMs / 1000);
  const timer = setTimeout(() => controller.abort(`the submission used up the ${seconds} s a student may take`), options.wallMs);
  let run: GradeRun;
  try {
    run = (
      await grade({
        root: options.root,
        dir: 'dir' in where ? where.dir : path.join(folder, 'exercises'),
        hidden: options.hidden,
        seed: options.seed,
        course: options.course,
        ...(options.lang === undefined ? {} : { lang: options.lang }),
        limits: options.timeoutMs === undefined ? undefined : { callTimeoutMs: options.timeoutMs },
        budgetMs: options.budgetMs,
        concurrency: 1,
        signal: controller.signal,
      })
    ).toJSON();
  } finally {
    clearTimeout(timer);
  }
  if (controller.signal.aborted) {
    status = 'timed out';
    detail.unshift(`grading took more than ${seconds} s (the limit per student): the checks not graded by then score 0`);
  } else if ('none' in where) {
    status = 'no exercises';
    detail.unshift(where.none);
  }
  return { status, detail: capped(detail), problems: capped(problemsOf(run)), run };
}
