/**
 * The grading tool's API for notebooks and scripts:
 *
 *   import { check } from '../kit/grade';
 *   const report = await check('mse');   // grades exercises/mse.ts as `npm run grade` does
 *   report.toHtml();                     // the same table, as HTML; report.toText(), report.score
 *
 * Points are the course's (course.config.json), as everywhere else; the language is `options.lang`
 * ('en' or 'ko'), else course.config.json's "language", else English.
 */
import path from 'path';
import { readProjectConfig } from './config';
import { exerciseNames } from './course';
import { grade, type GradeOptions } from './engine';
import { parseLang } from './i18n/lang';
import type { GradeReport } from './report/report';
import { PROJECT_ROOT } from '../shared/root';

export { DEFAULT_SEED, grade } from './engine';
export type { GradeOptions } from './engine';
export { LANGS, type Lang } from './i18n/lang';
export { exerciseNames, listExercises } from './course';
export type { Exercise } from './course';
export { GradeReport } from './report/report';
export type { CheckResult, ExerciseResult, GradeRun, RunMeta } from './report/model';
export type { GradescopeResults } from './report/gradescope';
export { DEFAULT_LIMITS } from './sandbox/sandbox';
export type { SandboxLimits } from './sandbox/sandbox';

/**
 * Grades one exercise (e.g. 'mse' or 'mse.ts'), or all of them when `exercise` is omitted, in
 * exercises/ unless `options.dir` says otherwise, in the course's points. Resolves to a GradeReport
 * with `score`, `maxScore`, `results`, `toText()` and `toHtml()`.
 */
export async function check(exercise?: string, options: Omit<GradeOptions, 'only'> = {}): Promise<GradeReport> {
  if (exercise !== undefined && typeof exercise !== 'string') {
    throw new TypeError(`check: exercise must be a string such as 'mse', received ${typeof exercise}`);
  }
  const root = options.root ?? PROJECT_ROOT;
  const known = exerciseNames(root);
  const name = exercise === undefined ? undefined : path.basename(exercise).replace(/\.ts$/, '');
  if (name !== undefined && !known.includes(name)) {
    throw new RangeError(`check: exercise must be one of ${known.join(', ')}, received ${JSON.stringify(exercise)}`);
  }
  const course = readProjectConfig(root);
  const lang = options.lang === undefined ? course.language : parseLang(options.lang, 'check: lang');
  return grade({ course, ...options, root, ...(lang === undefined ? {} : { lang }), ...(name === undefined ? {} : { only: [name] }) });
}
