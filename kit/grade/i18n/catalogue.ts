/**
 * One catalogue per language (en.ts, ko.ts, …) and the localizable text type used by the grading
 * API: a `Text` is a plain string (already in the student's language, e.g. an exercise's own hint
 * from course/<exercise>/messages.ts) or a function of the catalogue, rendered when the language is
 * known (the check's feedback, the report). No Node API here.
 */
import { en, type Catalogue } from './en';
import { ko } from './ko';
import { DEFAULT_LANG, type Lang } from './lang';

export type { Catalogue } from './en';
export * from './lang';

const CATALOGUES: Record<Lang, Catalogue> = { en, ko };

/** The messages of `lang` (English when omitted). */
export function messages(lang: Lang = DEFAULT_LANG): Catalogue {
  return CATALOGUES[lang];
}

/** A sentence in the language it will be shown in: fixed, or chosen from the catalogue. */
export type Text = string | ((m: Catalogue) => string);

/** The text in the catalogue's language. */
export function render(text: Text, m: Catalogue = en): string {
  return typeof text === 'string' ? text : text(m);
}

/** Terminal columns of a text: Hangul and other wide characters take two (to align tables). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    width += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return width;
}

/** `text` padded with spaces to `width` terminal columns. */
export function padDisplay(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** `text` cut to `width` terminal columns, ending in `…` when cut. */
export function cutDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
