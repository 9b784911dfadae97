/**
 * The book's languages: one catalogue file each (`en.ts`, `ko.ts`), listed here. English is the
 * source edition (`notebooks/`, `build/book/`); every other language's chapters are
 * `notebooks/<lang>/` and its pages `build/book/<lang>/`. A third language is a new catalogue file
 * (typed by `Catalogue`, so no key can be missing) and its line below.
 */
import { en, type Catalogue } from './en';
import { ko } from './ko';

export type { Catalogue };

export const CATALOGUES = { en, ko } satisfies Record<string, Catalogue>;

export type Language = keyof typeof CATALOGUES;

/** The source edition's language. */
export const SOURCE_LANGUAGE: Language = 'en';

/** The languages, source first. */
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/** The text of `template` with its `{name}` holes filled from `values` (unknown holes are kept). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
