/**
 * The translated edition of the whole course: for every English notebook `notebooks/<name>.ipynb`
 * its translation `notebooks/i18n/<lang>/<name>.yaml` generates `notebooks/<lang>/<name>.ipynb`.
 * `translateCourse` writes the notebooks (or, with `check`, only compares them) and lists every
 * problem: a missing or stale translation, a wrong string, changed math, a generated notebook
 * that is missing, edited by hand or orphaned.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join, relative, sep } from 'path';
import { listNotebooks, readNotebook } from '../notebook';
import { NOTEBOOKS_DIR, ROOT } from '../resolve';
import { translateNotebook } from './generate';
import { parseTranslation, type Problem } from './translation';

/** The languages of the course besides English (a new language is an entry here and its yaml files). */
export const LANGUAGES = { ko: { name: 'Korean', native: '한국어' } } as const;
export type Language = keyof typeof LANGUAGES;

export interface CourseOptions {
  lang: Language;
  /** Only compare the generated notebooks with the committed ones; write nothing. */
  check?: boolean;
  /** The English notebooks' folder (default `notebooks/`). */
  notebooksDir?: string;
}

export interface CourseResult {
  problems: Problem[];
  /** Notebooks written (or, with `check`, that would be). */
  written: string[];
  /** Notebooks generated without problems. */
  translated: string[];
}

/** Where the translations and the translated notebooks of `lang` live. */
export function languageDirs(lang: Language, notebooksDir = NOTEBOOKS_DIR): { translations: string; notebooks: string } {
  return { translations: join(notebooksDir, 'i18n', lang), notebooks: join(notebooksDir, lang) };
}

/** A path relative to the project, with forward slashes. */
export function shown(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

/** The JSON text of a notebook as the kit writes it (writeNotebook: 1-space indent, final newline). */
export function notebookText(nb: unknown): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}

export function translateCourse(options: CourseOptions): CourseResult {
  const notebooksDir = options.notebooksDir ?? NOTEBOOKS_DIR;
  const dirs = languageDirs(options.lang, notebooksDir);
  const english = listNotebooks(notebooksDir).map((f) => basename(f));
  const result: CourseResult = { problems: [], written: [], translated: [] };
  const problems = result.problems;
  for (const name of english) {
    const yamlFile = join(dirs.translations, name.replace(/\.ipynb$/, '.yaml'));
    const out = join(dirs.notebooks, name);
    if (!existsSync(yamlFile)) {
      problems.push({ file: shown(yamlFile), message: `missing: the ${LANGUAGES[options.lang].name} translation of notebooks/${name} (every English notebook has one)` });
      continue;
    }
    const before = problems.length;
    const translation = parseTranslation(readFileSync(yamlFile, 'utf8'), shown(yamlFile), problems);
    if (translation === null) continue;
    const nb = translateNotebook(readNotebook(join(notebooksDir, name)), translation, {
      lang: options.lang, name, file: shown(yamlFile), outDir: dirs.notebooks, course: english,
    }, problems);
    // nothing half-translated is written: any problem of this file keeps its notebook as it is
    if (nb === null || problems.length > before) continue;
    result.translated.push(shown(out));
    const text = notebookText(nb);
    const current = existsSync(out) ? readFileSync(out, 'utf8') : null;
    if (current === text) continue;
    result.written.push(shown(out));
    if (options.check) {
      problems.push({ file: shown(out), message: current === null ? 'missing: run npm run translations to generate it'
        : 'differs from what its translation generates (edited by hand, or not regenerated): run npm run translations' });
    } else {
      mkdirSync(dirs.notebooks, { recursive: true });
      writeFileSync(out, text);
    }
  }
  const stray = (dir: string, pattern: RegExp, what: string): void => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) {
      const m = pattern.exec(f);
      if (m && !english.includes(`${m[1]}.ipynb`)) problems.push({ file: shown(join(dir, f)), message: `${what} for notebooks/${m[1]}.ipynb, which does not exist (renamed or deleted?)` });
      else if (!m && dir === dirs.translations) problems.push({ file: shown(join(dir, f)), message: 'not a translation file (expected <English notebook name>.yaml)' });
    }
  };
  stray(dirs.translations, /^(.+)\.yaml$/, 'a translation');
  stray(dirs.notebooks, /^(.+)\.ipynb$/, 'a translated notebook');
  return result;
}
