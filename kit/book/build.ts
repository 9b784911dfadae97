/**
 * Builds the course book (`build/book/`) from the executed notebooks: executes the missing or
 * stale ones first, then writes one page per notebook, the index, one page per exercise file and
 * the local assets — for every language whose notebooks exist: English from `notebooks/` into
 * `build/book/`, Korean from `notebooks/ko/` (executed into `build/notebooks/ko/`) into
 * `build/book/ko/`, each page linked to its twin in the other language. `student: true` builds the book a student release ships: from notebooks
 * executed with the stub exercises, without cells tagged `solution`; and nothing is ever read
 * from solutions/ (see files.ts).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { basename, dirname, join, posix, resolve } from 'path';
import { listNotebooks } from '../notebooks/notebook';
import type { NotebookResult } from '../notebooks/run';
import { copyAssets } from './assets';
import { bundleScripts, EXERCISES_ASSET } from './bundle';
import { loadChapter, type Chapter } from './chapter';
import { executeNotebooks, type ExecuteMode, type Progress } from './execute';
import { exercisesByChapter, findExercises } from './exercises';
import { bundleChecks } from './checks/bundle';
import { GRADE_SETTINGS, gradedExercises } from './checks/where';
import { assertNotSolution, BOOK_DIR, EXECUTED_DIR, EXERCISES_DIR, listDir, NOTEBOOKS_DIR, readJson, readText, ROOT, shown } from './files';
import { createMarkdown } from './markdown';
import { chapterPage, exercisePage, indexPage, type EditionPages, type Site } from './page';
import { copyHangulFont, hangulFaces, hangulHead } from './fonts';
import { CATALOGUES, LANGUAGES, SOURCE_LANGUAGE, type Language } from './lang';

/** The manifest every built book carries (and the marker that lets a rebuild clear the folder). */
export const MANIFEST = 'book.json';

export interface BookOptions {
  /** Where the site goes (default `build/book/`); cleared first if it holds a book. */
  out?: string;
  /** The committed notebooks, in chapter order by name (default `notebooks/`). */
  notebooksDir?: string;
  /** The executed copies (default `build/notebooks/`). */
  executedDir?: string;
  /** The exercise folder linked from the chapters (default `exercises/`; never solutions/). */
  exercisesDir?: string;
  /** The student book: notebooks executed with `exercisesDir` (the stubs), no `solution` cells. */
  student?: boolean;
  /** Which notebooks to execute first (default: the missing or stale ones). */
  execute?: ExecuteMode;
  cellTimeoutMs?: number;
  progress?: (event: Progress) => void;
  /** The languages to build (default: every language whose notebooks exist); English always. */
  languages?: readonly Language[];
}

/** One language's part of the book. */
export interface Edition {
  lang: Language;
  /** Its folder, relative to the book: '' (English) or `ko/`. */
  dir: string;
  /** Its pages, relative to the book (`ko/01-mse.html`). */
  pages: string[];
  chapters: Chapter[];
}

export interface BookResult {
  out: string;
  /** Pages written, relative to `out`, every edition's. */
  pages: string[];
  /** The English chapters. */
  chapters: Chapter[];
  /** Every language's pages and chapters, English first. */
  editions: Edition[];
  executed: NotebookResult[];
  /** Seconds spent building the site (execution excluded). */
  buildSeconds: number;
  /** Formulas KaTeX could not typeset, links to missing pages. */
  warnings: string[];
}

type ManifestChapter = { slug: string; title: string; notebook: string; figures: number; exercises: string[] };
interface Manifest { title: string; student: boolean; chapters: ManifestChapter[]; editions: Array<{ lang: Language; dir: string; chapters: ManifestChapter[] }> }

/** The languages the book is built in, with their notebooks and executed copies (English always; others when `notebooks/<lang>/` has notebooks). */
function editionSources(notebooksDir: string, executedDir: string): Array<{ lang: Language; dir: string; sources: string[]; executed: string }> {
  return LANGUAGES.flatMap((lang) => {
    const source = lang === SOURCE_LANGUAGE;
    const sources = source ? listNotebooks(notebooksDir) : existsSync(join(notebooksDir, lang)) ? listNotebooks(join(notebooksDir, lang)) : [];
    if (!source && sources.length === 0) return [];
    return [{ lang, dir: source ? '' : `${lang}/`, sources, executed: source ? executedDir : join(executedDir, lang) }];
  });
}

function clearOut(out: string): void {
  if (!existsSync(out)) return;
  if (listDir(out).length > 0 && !existsSync(join(out, MANIFEST))) {
    throw new Error(`refusing to clear ${JSON.stringify(out)}: it is not empty and holds no ${MANIFEST} (not a book built by kit/book)`);
  }
  rmSync(out, { recursive: true, force: true });
}

function hasGradeScript(): boolean {
  try {
    return typeof readJson<{ scripts?: Record<string, string> }>(join(ROOT, 'package.json')).scripts?.grade === 'string';
  } catch {
    return false;
  }
}

/** Local links (`x.html`, `../x.html#y`) of the written pages that point to no file. */
export function brokenLinks(out: string, pages: readonly string[]): string[] {
  const broken: string[] = [];
  for (const page of pages) {
    const html = readText(join(out, page));
    for (const m of html.matchAll(/\b(?:href|src|data-plotly)="([^"#?:]+)(?:[#?][^"]*)?"/g)) {
      const target = posix.join(posix.dirname(page), m[1]);
      if (!existsSync(join(out, target))) broken.push(`${page}: link to missing ${m[1]}`);
    }
  }
  return [...new Set(broken)];
}

/** Builds the book; resolves with what was written. @throws NotebookError when a cell fails while executing. */
export async function buildBook(options: BookOptions = {}): Promise<BookResult> {
  const out = resolve(options.out ?? BOOK_DIR);
  const notebooksDir = resolve(options.notebooksDir ?? NOTEBOOKS_DIR);
  const executedDir = resolve(options.executedDir ?? EXECUTED_DIR);
  const exercisesDir = resolve(options.exercisesDir ?? EXERCISES_DIR);
  const student = options.student === true;
  for (const dir of [out, notebooksDir, executedDir, exercisesDir]) assertNotSolution(dir);

  const sourceList = editionSources(notebooksDir, executedDir)
    .filter((e) => e.lang === SOURCE_LANGUAGE || options.languages === undefined || options.languages.includes(e.lang));
  if (sourceList[0].sources.length === 0) throw new Error(`no notebooks in ${shown(notebooksDir)}`);
  const executed: NotebookResult[] = [];
  for (const edition of sourceList) {
    mkdirSync(edition.executed, { recursive: true });
    executed.push(...await executeNotebooks(edition.sources, {
      executedDir: edition.executed,
      mode: options.execute ?? 'stale',
      // A student book must come from runs with the stubs; otherwise any up-to-date copy will do.
      exercisesDir: student || options.exercisesDir !== undefined ? exercisesDir : undefined,
      cellTimeoutMs: options.cellTimeoutMs,
      progress: options.progress,
    }));
  }

  const started = Date.now();
  const allExercises = findExercises(exercisesDir);
  // The exercises the page can Check: those with a public grader (checks/where.ts knows where).
  const graded = new Set(gradedExercises().map((e) => e.name));
  const faces = hangulFaces();
  const editions = sourceList.map(({ lang, dir, sources, executed: copies }) => {
    const words = CATALOGUES[lang];
    const md = createMarkdown(words);
    const chapters = sources.map((source) => {
      const copy = join(copies, basename(source));
      if (!existsSync(copy)) throw new Error(`${shown(copy)} is missing: execute the notebooks first (npm run ${lang === SOURCE_LANGUAGE ? 'notebooks' : 'book'})`);
      return loadChapter(copy, shown(source), { md, student, words });
    });
    // The exercises of the chapters in the book (an exercise whose chapter is not written yet waits).
    const exercises = allExercises.filter((e) => chapters.some((c) => c.slug === e.chapter));
    const rels = ['index.html', ...chapters.map((c) => `${c.slug}.html`), ...exercises.map((e) => `exercises/${e.name}.html`)];
    return { lang, dir, chapters, exercises, rels, notebooks: shown(sources.length > 0 ? dirname(sources[0]) : notebooksDir) };
  });
  const twins: EditionPages[] = editions.map((e) => ({ lang: e.lang, dir: e.dir, pages: new Set(e.rels) }));
  const checked = new Set(editions.flatMap((e) => e.exercises).map((e) => e.name).filter((name) => graded.has(name)));

  clearOut(out);
  const pages: string[] = [];
  const write = (rel: string, html: string): void => {
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    writeFileSync(join(out, rel), html);
    pages.push(rel);
  };
  const written: Edition[] = editions.map(({ lang, dir, chapters, exercises, notebooks }) => {
    const site: Site = {
      chapters, exercises: exercisesByChapter(exercises), hasGradeScript: hasGradeScript(), student,
      checks: { exercises: checked, settings: GRADE_SETTINGS },
      lang, editions: twins, fontHead: hangulHead(faces), notebooksDir: notebooks,
    };
    const before = pages.length;
    write(`${dir}index.html`, indexPage(site));
    chapters.forEach((c, k) => write(`${dir}${c.slug}.html`, chapterPage(site, k)));
    for (const e of exercises) write(`${dir}exercises/${e.name}.html`, exercisePage(site, e));
    return { lang, dir, pages: pages.slice(before), chapters };
  });
  const { chapters, exercises } = editions[0];
  copyAssets(out);
  copyHangulFont(out, faces);
  await Promise.all([bundleScripts(out), bundleChecks(out, [...checked])]);
  // The exercise folder's files (the stubs in a student book), for the live editor's descent/exercises.
  writeFileSync(join(out, EXERCISES_ASSET), `${JSON.stringify(Object.fromEntries(exercises.map((e) => [e.name, e.source])), null, 1)}\n`);
  const byChapter = exercisesByChapter(exercises);
  const listed = (list: Chapter[]): ManifestChapter[] => list.map((c) => ({
    slug: c.slug, title: c.title, notebook: c.notebook, figures: c.figures,
    exercises: (byChapter.get(c.slug) ?? []).map((e) => `exercises/${e.name}.ts`),
  }));
  const manifest: Manifest = {
    title: 'Descent',
    student,
    chapters: listed(chapters),
    editions: written.map((e) => ({ lang: e.lang, dir: e.dir, chapters: listed(e.chapters) })),
  };
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);

  const warnings = [
    ...written.flatMap((e) => e.chapters).flatMap((c) => c.mathErrors.map((m) => `${c.notebook}: KaTeX could not typeset ${JSON.stringify(m)}`)),
    ...brokenLinks(out, pages),
  ];
  return { out, pages, chapters, editions: written, executed, buildSeconds: (Date.now() - started) / 1000, warnings };
}
