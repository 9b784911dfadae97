/**
 * The one place that knows the grading core's result type: a graded student as the gradebook's
 * `GradebookRow`. Today's core is the batch of kit/release/batch.ts (`BatchRow`, points already in
 * the course's scale); when grading moves to one results model, only this function changes.
 */
import type { BatchRow } from '../release/batch';
import type { GradebookRow } from './model';

export interface GradingContext {
  /** The student's folder name as submitted. */
  name: string;
  /** Their safe id (ids.ts). */
  id: string;
  /** Possible points per exercise, in the course's order. */
  possible: Record<string, number>;
  hidden: boolean;
  seed?: number;
  commit?: string;
  gradedAt: string;
  /** More lines for the instructor (the deadline used, files a commit held that were not copied). */
  notes: string[];
}

export function fromBatchRow(row: BatchRow, context: GradingContext): GradebookRow {
  const exercises: GradebookRow['exercises'] = {};
  const feedback: Record<string, string[]> = {};
  for (const [exercise, possible] of Object.entries(context.possible)) {
    exercises[exercise] = { points: row.scores[exercise] ?? 0, possible };
    const said = row.problems.filter((p) => p.startsWith(`${exercise}.ts:`));
    if (said.length > 0) feedback[exercise] = said;
  }
  return {
    name: context.name,
    id: context.id,
    status: row.status,
    // A row is flagged by a status other than ok; the notes of an ok row (e.g. a renamed results file) are information.
    flags: row.status === 'ok' ? [] : [...row.detail],
    exercises,
    hidden: context.hidden,
    seed: context.seed,
    commit: context.commit,
    gradedAt: context.gradedAt,
    notes: context.notes,
    feedback,
  };
}
