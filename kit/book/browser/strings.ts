/**
 * Every string the book's scripts put on a page, by language (the page's `<html lang>`): the
 * `live` part of each catalogue in `../lang/` (one file per language); `{n}`-style holes are
 * filled by `say()`.
 */
import { CATALOGUES, fill, type Language } from '../lang';

export type { Language };
export type StringKey = keyof typeof CATALOGUES.en.live;

/** The page's language if the book has it, else English. */
export function pageLanguage(doc: { documentElement: { lang: string } }): Language {
  const lang = doc.documentElement.lang.split('-')[0];
  return (lang in CATALOGUES ? lang : 'en') as Language;
}

/** The string `key` in `lang`, its `{name}` holes filled from `values`. */
export function say(lang: Language, key: StringKey, values: Record<string, string | number> = {}): string {
  return fill(CATALOGUES[lang].live[key], values);
}
