/**
 * The one place that knows the grading core's result type: a graded student of the class batch
 * (kit/grade/batch, `BatchRow`, whose `run` is the results model of kit/grade/report/model.ts, in
 * the course's points) as the gradebook's `GradebookRow`.
 */
import type { BatchRow } from '../grade/batch';
import type { GradeRun } from '../grade/report/model';
import type { GradebookRow } from './model';

export interface GradingContext {
  /** The student's folder name as submitted. */
  name: string;
  /** Their safe id (ids.ts). */
  id: string;
  /** Possible points per exercise, in the course's order (used when nothing was graded). */
  possible: Record<string, number>;
  hidden: boolean;
  seed?: number;
  /** The commit graded (deadline/), when the batch chose one. */
  commit?: string;
  /** When grading started, when the run does not say (nothing graded). */
  gradedAt: string;
  /** More lines for the instructor (the deadline used, files a commit held that were not copied). */
  notes: string[];
}

export function fromBatchRow(row: BatchRow, context: GradingContext): GradebookRow {
  const exercises: GradebookRow['exercises'] = {};
  const feedback: Record<string, string[]> = {};
  for (const [exercise, possible] of Object.entries(context.possible)) {
    const graded = row.run?.exercises.find((e) => e.exercise === exercise);
    exercises[exercise] = { points: graded?.score ?? 0, possible: graded?.maxScore ?? possible };
    const said = row.problems.filter((p) => p.startsWith(`${exercise}.ts:`));
    if (said.length > 0) feedback[exercise] = said;
  }
  const meta = row.run?.meta;
  return {
    name: context.name,
    id: context.id,
    status: row.status,
    // A row is flagged by a status other than ok; the notes of an ok row (e.g. a renamed results file) are information.
    flags: row.status === 'ok' ? [] : [...row.detail],
    exercises,
    hidden: meta?.hidden ?? context.hidden,
    seed: meta?.seed ?? context.seed,
    commit: context.commit ?? meta?.commit,
    gradedAt: meta?.gradedAt ?? context.gradedAt,
    notes: context.notes,
    feedback,
  };
}

/**
 * One folder graded on its own (`npm run grade -- DIR --out OUT`) as a row: its feedback is every
 * failing check's lines (check name first) and the type errors; `modified` are the graders that
 * differ from the manifest (the row is then flagged).
 */
export function fromRun(run: GradeRun, name: string, modified: readonly string[] = []): GradebookRow {
  const exercises: GradebookRow['exercises'] = {};
  const feedback: Record<string, string[]> = {};
  for (const e of run.exercises) {
    exercises[e.exercise] = { points: e.score, possible: e.maxScore };
    const said = [...(e.typeErrors ?? [])];
    for (const r of run.results) {
      if (r.exercise !== e.exercise || r.passed) continue;
      said.push(`${r.hidden ? '[hidden] ' : ''}${r.name}: ${r.feedback.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join(' · ')}`);
    }
    if (said.length > 0) feedback[e.exercise] = said;
  }
  return {
    name,
    id: name,
    status: modified.length === 0 ? 'ok' : 'graders modified',
    flags: [...modified],
    exercises,
    hidden: run.meta.hidden,
    seed: run.meta.seed,
    commit: run.meta.commit,
    gradedAt: run.meta.gradedAt,
    feedback,
  };
}
