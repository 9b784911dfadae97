/** Where the grading tool finds things. */
import path from 'path';

/** The project root (kit/grade/../..). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
/** The folder graded by default: the student's stubs. */
export const DEFAULT_EXERCISES_DIR = path.join(PROJECT_ROOT, 'exercises');
/** The visible graders, one vitest suite per exercise file. */
export const GRADERS_DIR = path.join(PROJECT_ROOT, 'test', 'graders');
/** The hidden graders (instructor and CI only). */
export const HIDDEN_GRADERS_DIR = path.join(PROJECT_ROOT, 'test', 'hidden');
/** Environment variable naming the folder the graders grade when run by vitest. */
export const GRADE_DIR_ENV = 'DESCENT_GRADE_DIR';
/** Environment variable with the seed of randomized (hidden) cases. */
export const GRADE_SEED_ENV = 'DESCENT_GRADE_SEED';
/** Seed of randomized cases when none is given. */
export const DEFAULT_SEED = 20240607;

/** The folder to grade under vitest: $DESCENT_GRADE_DIR (relative to the working directory) or exercises/. */
export function gradeDirFromEnv(): string {
  const fromEnv = process.env[GRADE_DIR_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : DEFAULT_EXERCISES_DIR;
}

/** The seed under vitest: $DESCENT_GRADE_SEED or the default. */
export function seedFromEnv(): number {
  const fromEnv = Number(process.env[GRADE_SEED_ENV]);
  return Number.isInteger(fromEnv) ? fromEnv : DEFAULT_SEED;
}
