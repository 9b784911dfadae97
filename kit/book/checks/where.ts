/**
 * Where the book finds what the exercise pages' Check needs — the ONE module of the book that asks
 * the grading kit about its layout, and only through kit/grade's own readers:
 * - the exercises, their public graders (`course/<exercise>/grader.ts`) and drivers
 *   (`course/<exercise>/drivers.ts`): kit/grade/course.ts's `listExercises`;
 * - the course's points: `course.config.json`, read and validated by kit/grade/config.ts (the
 *   worker resolves them with the results model, kit/grade/report/model.ts);
 * - the grading defaults: seed, call / load time limits and the per-file budget, read from
 *   kit/grade itself, so the page grades with the numbers `npm run grade` uses.
 */
import { readProjectConfig, type CourseConfig } from '../../grade/config';
import { listExercises, type Exercise } from '../../grade/course';
import { DEFAULT_SEED } from '../../grade/engine';
import { DEFAULT_LIMITS } from '../../grade/sandbox/sandbox';
import { DEFAULT_BUDGET_MS } from '../../grade/session';
import { ROOT } from '../files';

/** An exercise the page can check: its public grader, its drivers, and what a result names. */
export type GradedExercise = Pick<Exercise, 'name' | 'file' | 'chapter' | 'grader' | 'drivers'>;

/** The exercises of the course (each has a public grader), in chapter order. */
export function gradedExercises(): GradedExercise[] {
  return listExercises(ROOT).map(({ name, file, chapter, grader, drivers }) => ({ name, file, chapter, grader, drivers }));
}

/** The course's settings (title, points), validated by kit/grade's reader. */
export function coursePoints(): CourseConfig {
  return readProjectConfig(ROOT);
}

/** The numbers `npm run grade` grades with. */
export interface GradeSettings {
  seed: number;
  callTimeoutMs: number;
  loadTimeoutMs: number;
  budgetMs: number;
}

export const GRADE_SETTINGS: GradeSettings = {
  seed: DEFAULT_SEED,
  callTimeoutMs: DEFAULT_LIMITS.callTimeoutMs,
  loadTimeoutMs: DEFAULT_LIMITS.loadTimeoutMs,
  budgetMs: DEFAULT_BUDGET_MS,
};
