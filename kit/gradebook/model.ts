/**
 * What the gradebook needs to know about one graded student — a small, explicit input, built from
 * whatever the grading core returns by one adapter (kit/gradebook/adapter.ts). Every module of
 * kit/gradebook reads only this.
 */

/** Points of one exercise, in the course's points. */
export interface ExercisePoints {
  points: number;
  possible: number;
}

export interface GradebookRow {
  /** The student's folder name exactly as submitted (any Unicode; cleaned wherever it is shown). */
  name: string;
  /** The safe, unique id (ids.ts): file names and keys. */
  id: string;
  /** 'ok', or why not ('graders modified', 'timed out', 'refused', …). */
  status: string;
  /** Lines that explain the status, and anything the instructor should look at. */
  flags: string[];
  /** Per exercise, in the course's order. */
  exercises: Record<string, ExercisePoints>;
  /** Did the hidden graders run? */
  hidden: boolean;
  /** Seed of the randomized cases, when one was given. */
  seed?: number;
  /** The commit graded (deadline/), when the submission is a git repository. */
  commit?: string;
  /** When this student was graded (ISO 8601). */
  gradedAt: string;
  /** Information for the student and the instructor that is not a flag (the deadline and commit used, …). */
  notes?: string[];
  /** Feedback lines per exercise ("mse.ts: mse([1, 2], [1, 3]) returned 1, expected 0.5"). */
  feedback?: Record<string, string[]>;
}

/** The student's total and possible points. */
export function totals(row: GradebookRow): { points: number; possible: number } {
  let points = 0;
  let possible = 0;
  for (const e of Object.values(row.exercises)) {
    points += e.points;
    possible += e.possible;
  }
  return { points, possible };
}

/** A row is flagged when its status is not 'ok' or it has flags: shown as such in every export. */
export function isFlagged(row: GradebookRow): boolean {
  return row.status !== 'ok' || row.flags.length > 0;
}
