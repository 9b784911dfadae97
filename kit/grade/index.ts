/**
 * The grading tool's public API, for notebooks and scripts:
 *
 *   import { check } from '../kit/grade';
 *   const report = await check('mse');   // grades exercises/mse.ts like CI does
 *   report.toHtml();                     // the same table as `npm run grade`, as HTML
 *   report.toText();
 */
import path from 'path';
import { grade, GradeOptions, knownExercises } from './engine';
import { DEFAULT_EXERCISES_DIR } from './paths';
import { GradeReport } from './report';

export { grade, knownExercises } from './engine';
export type { GradeOptions } from './engine';
export { GradeReport } from './report';
export type { CheckResult, GradescopeResults, ExerciseTotal } from './report';
export { DEFAULT_LIMITS } from './sandbox/sandbox';
export type { SandboxLimits } from './sandbox/sandbox';

/**
 * Grades one exercise (e.g. 'mse' or 'mse.ts'), or all of them when `exercise` is omitted, in
 * exercises/ unless `options.dir` says otherwise. Resolves to a GradeReport with `score`,
 * `maxScore`, `results`, `toText()` and `toHtml()`.
 */
export async function check(exercise?: string, options: Omit<GradeOptions, 'only'> = {}): Promise<GradeReport> {
  if (exercise !== undefined && typeof exercise !== 'string') {
    throw new TypeError(`check: exercise must be a string such as 'mse', received ${typeof exercise}`);
  }
  const dir = options.dir ?? DEFAULT_EXERCISES_DIR;
  if (exercise !== undefined) {
    const name = path.basename(exercise).replace(/\.ts$/, '');
    const known = knownExercises(options.graders);
    if (!known.includes(name)) {
      throw new RangeError(`check: exercise must be one of ${known.join(', ')}, received ${JSON.stringify(exercise)}`);
    }
    return grade({ ...options, dir, only: [name] });
  }
  return grade({ ...options, dir });
}
