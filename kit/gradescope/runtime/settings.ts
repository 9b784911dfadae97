/**
 * The autograder's settings, chosen by the instructor in the `gradescope` section of
 * course.config.json and written into the zip as `gradescope.json`:
 *
 *   "gradescope": { "hiddenVisibility": "after_published", "seed": 12345, "studentTimeout": 600 }
 *
 * - `hiddenVisibility`: when students see the hidden graders' checks — one of Gradescope's
 *   `hidden`, `after_due_date`, `after_published`, `visible` (default: `after_published`).
 *   Their points always count in the total; Gradescope hides the total too while a test is hidden.
 * - `seed`: the seed of the hidden graders' randomized cases (default: a random one drawn when the
 *   zip is built, so that nobody can know the cases from the kit alone).
 * - `studentTimeout`: wall-clock limit of one grading, in seconds (default: 600).
 */
import { checkOptions, expected } from '../../../src/util/validate';
import type { Visibility } from '../../grade/report/gradescope';
import { isLang, LANGS, type Lang } from '../../grade/i18n/lang';

export const SETTINGS_FILE = 'gradescope.json';
export const VISIBILITIES: readonly Visibility[] = ['hidden', 'after_due_date', 'after_published', 'visible'];
/** When hidden checks are shown (default: after_published). */
export const DEFAULT_HIDDEN_VISIBILITY: Visibility = 'after_published';
/** Wall-clock limit of one grading, in seconds (default: 600, as the batch). */
export const DEFAULT_STUDENT_TIMEOUT_S = 600;

export interface GradescopeSettings {
  /** The language of the feedback (`npm run gradescope -- OUT.zip --lang ko`; default English). */
  lang?: Lang;
  hiddenVisibility: Visibility;
  seed: number;
  studentTimeout: number;
}

const KEYS = ['$comment', 'hiddenVisibility', 'seed', 'studentTimeout', 'lang'] as const;

/**
 * Validates the `gradescope` section (undefined = defaults). `randomSeed` is used when none is set.
 * @throws TypeError / RangeError naming the field, the expected and the received value.
 */
export function parseSettings(raw: unknown, randomSeed: number, where = 'course.config.json: gradescope'): GradescopeSettings {
  if (raw === undefined) raw = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new TypeError(expected(where, 'the section', 'an object', raw));
  checkOptions(where, raw, KEYS);
  const o = raw as Record<string, unknown>;
  const hiddenVisibility = o.hiddenVisibility ?? DEFAULT_HIDDEN_VISIBILITY;
  if (!VISIBILITIES.includes(hiddenVisibility as Visibility)) {
    throw new RangeError(expected(where, 'hiddenVisibility', `one of ${VISIBILITIES.join(', ')}`, hiddenVisibility));
  }
  const seed = o.seed ?? randomSeed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) throw new RangeError(expected(where, 'seed', 'an integer >= 0', seed));
  const studentTimeout = o.studentTimeout ?? DEFAULT_STUDENT_TIMEOUT_S;
  if (typeof studentTimeout !== 'number' || !Number.isInteger(studentTimeout) || studentTimeout < 1) {
    throw new RangeError(expected(where, 'studentTimeout', 'an integer number of seconds >= 1', studentTimeout));
  }
  if (o.lang !== undefined && !isLang(o.lang)) throw new RangeError(expected(where, 'lang', `one of ${LANGS.join(', ')}`, o.lang));
  return { ...(o.lang === undefined || o.lang === 'en' ? {} : { lang: o.lang as Lang }), hiddenVisibility: hiddenVisibility as Visibility, seed, studentTimeout };
}
