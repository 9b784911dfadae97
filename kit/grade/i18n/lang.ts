/**
 * The languages the grader speaks, and how the student's is chosen: `--lang` (or the `lang` option),
 * else the `"language"` key of course.config.json, else English. No Node API here (the book's check
 * worker imports it).
 */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language named by `value`. @throws RangeError naming the argument, the languages and the value. */
export function parseLang(value: unknown, where = 'lang'): Lang {
  if (isLang(value)) return value;
  throw new RangeError(`${where} must be one of ${LANGS.join(', ')}, received ${JSON.stringify(value)}`);
}

/** The first language given: an explicit choice, then the course's, then English. */
export function chooseLang(...choices: Array<Lang | undefined>): Lang {
  return choices.find((c) => c !== undefined) ?? DEFAULT_LANG;
}
