/**
 * The gradebook alongside a class's grading, in three calls the grading loop makes:
 *
 *   const book = new GradebookSession(options, kit);
 *   per student:  const at = book.prepare(folder, name)   → the folder to grade (the commit at the
 *                 deadline, copied out, with --before), or why it cannot be graded;
 *                 … grade at.folder …;  book.record(name, row, at)   (reads the exercise files for
 *                 the similarity report, then removes the copy);
 *   at the end:   book.write(dir)   → scores.csv, canvas.csv, moodle.csv, feedback/, similarity.*, roster.md.
 *
 * Exercise files are read for the similarity report through safe/paths.ts, like the grader reads
 * them (no link followed, at most MAX_SOURCE_BYTES each).
 */
import path from 'path';
import type { BatchRow } from '../grade/batch';
import { listExercises } from '../grade/course';
import { locateExercises } from '../grade/batch/student';
import { readFileInside } from '../grade/safe/paths';
import { fromBatchRow } from './adapter';
import { deadlineFor } from './deadline/extensions';
import { checkoutAtDeadline } from './deadline/git';
import { safeIds } from './ids';
import type { GradebookRow } from './model';
import type { GradebookOptions } from './options';
import { compareSubmissions } from './similarity/compare';
import { kitSources, STUB_DIR } from './similarity/kit-sources';
import { GradebookWritten, writeGradebook } from './write';

/** Largest exercise file read for the similarity report (as the grader's limit). */
export const MAX_SOURCE_BYTES = 1_000_000;

export interface KitFacts {
  title: string;
  /** Possible points per exercise, in the course's order. */
  points: Record<string, number>;
  /** The kit whose graders grade the class: its shipped sources and stubs are read from here (similarity/kit-sources.ts). */
  root: string;
  /** Did the hidden graders run? Their sources (graders, oracles) are then compared too. */
  hidden: boolean;
  seed?: number;
}

export interface Prepared {
  /** The folder to grade. */
  folder?: string;
  /** Why this student cannot be graded (no commit before the deadline, not a repository, …). */
  refused?: string;
  commit?: string;
  notes: string[];
  cleanup: () => void;
}

/** The exercise's stub in the kit (every student's starting point), if there is one. */
function readStub(root: string, exercise: string): string | undefined {
  const read = readFileInside(root, `${STUB_DIR}${exercise}.ts`, MAX_SOURCE_BYTES, 'a stub');
  return read.ok ? read.data.toString('utf8') : undefined;
}

export class GradebookSession {
  private readonly rows = new Map<string, GradebookRow>();
  private readonly sources = new Map<string, Record<string, string>>();
  private ids = new Map<string, string>();

  constructor(readonly options: GradebookOptions, readonly kit: KitFacts) {}

  /** The folder to grade for the student in `folder` (named `name`). */
  prepare(folder: string, name: string): Prepared {
    if (this.options.before === undefined) return { folder, notes: [], cleanup: () => undefined };
    let deadline: Date;
    let extended: boolean;
    try {
      ({ deadline, extended } = deadlineFor(name, this.options.before, this.options.extensions));
    } catch (error) {
      return { refused: error instanceof Error ? error.message : String(error), notes: [], cleanup: () => undefined };
    }
    const done = checkoutAtDeadline(folder, deadline);
    if (!done.ok) return { refused: done.problem, notes: [], cleanup: () => undefined };
    const notes = [
      `Graded commit ${done.commit} (committed ${done.committed?.toISOString()}), the last at or before ${extended ? 'the extended deadline ' : ''}${deadline.toISOString()}.`,
      ...(done.skipped.length === 0 ? [] : [`Not copied from that commit: ${done.skipped.slice(0, 5).join(', ')}${done.skipped.length > 5 ? ', …' : ''}`]),
    ];
    return { folder: done.dir, commit: done.commit, notes, cleanup: done.cleanup };
  }

  /** Records a graded student (and reads their exercise files); removes the prepared copy. */
  record(name: string, row: BatchRow, prepared: Prepared): void {
    try {
      if (prepared.folder !== undefined && this.options.threshold > 0) this.sources.set(name, this.readSources(prepared.folder));
    } finally {
      prepared.cleanup();
    }
    const context = { name, id: '', possible: this.kit.points, hidden: this.kit.hidden, seed: this.kit.seed, commit: prepared.commit, gradedAt: new Date().toISOString(), notes: prepared.notes };
    this.rows.set(name, fromBatchRow(row, context));
  }

  private readSources(folder: string): Record<string, string> {
    const where = locateExercises(folder);
    const out: Record<string, string> = {};
    if (!('dir' in where)) return out;
    const rel = path.relative(folder, where.dir).split(path.sep).join('/');
    for (const exercise of Object.keys(this.kit.points)) {
      const read = readFileInside(folder, rel === '' ? `${exercise}.ts` : `${rel}/${exercise}.ts`, MAX_SOURCE_BYTES, 'an exercise file');
      if (read.ok) out[exercise] = read.data.toString('utf8');
    }
    return out;
  }

  /** Writes the gradebook into `dir`, rows in `order` (folder names; students never recorded are left out). */
  write(dir: string, order: readonly string[]): GradebookWritten {
    const names = order.filter((n) => this.rows.has(n));
    this.ids = safeIds(names);
    const rows = names.map((n) => ({ ...(this.rows.get(n) as GradebookRow), id: this.ids.get(n) as string }));
    const exercises = Object.keys(this.kit.points);
    const notCompared = new Map(listExercises(this.kit.root).flatMap((e) => (e.notCompared === undefined ? [] : [[e.name, e.notCompared] as const])));
    const similarity =
      this.options.threshold > 0
        ? compareSubmissions(
            exercises.map((exercise) => ({
              exercise,
              stub: readStub(this.kit.root, exercise),
              notCompared: notCompared.get(exercise),
              files: names.filter((n) => this.sources.get(n)?.[exercise] !== undefined).map((n) => ({ student: this.ids.get(n) as string, source: this.sources.get(n)![exercise] })),
            })),
            kitSources(this.kit.root, this.kit.hidden),
            { threshold: this.options.threshold },
          )
        : undefined;
    return writeGradebook(dir, { rows, exercises, title: this.kit.title, roster: this.options.roster, assignment: this.options.assignment, similarity });
  }
}
