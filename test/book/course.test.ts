/**
 * The book of the real course, from the notebooks executed once with the stub exercises (shared
 * with the browser test): the student book holds no line of solution code, every chapter has a
 * summary, every formula typesets, its Korean pages (build/book/ko/) are the Korean notebooks with
 * Korean words and summaries, every page links to its twin in the other language, and a rebuild from the executed notebooks alone (no kernel) writes
 * every chapter again (its time is printed, never asserted: DEVELOPERS.md).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBook, type BookResult } from '../../kit/book/build';
import { EXERCISES_ASSET, SCRIPTS } from '../../kit/book/bundle';
import { CHECK_SCRIPT } from '../../kit/book/checks/bundle';
import { EXECUTED_DIR, EXERCISES_DIR, ROOT, SOLUTIONS_DIR } from '../../kit/book/files';
import { courseNotebooks, executedWithStubs, EXECUTION_TIMEOUT_MS } from './shared';
import { englishChrome, twinLinks } from './page-checks';
import { HANGUL_CSS } from '../../kit/book/fonts';
import { posix } from 'path';

/** The limit the issue sets for building from executed notebooks. */
const work = mkdtempSync(join(tmpdir(), 'descent-course-book-'));
let book: BookResult;

beforeAll(async () => {
  await executedWithStubs('both');
  book = await buildBook({ out: join(work, 'student'), executedDir: EXECUTED_DIR, exercisesDir: EXERCISES_DIR, student: true });
}, EXECUTION_TIMEOUT_MS);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** What a reader (or a copy-paste) gets from a page: tags dropped, entities decoded. */
function text(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(?:0?39|x27);/g, "'").replace(/&amp;/g, '&');
}

const lines = (source: string): string[] => source.split('\n').map((l) => l.trim());
const isCode = (l: string): boolean => l !== '' && !/^(\/\/|\/?\*)/.test(l);

/** Every line of the committed notebooks (what students get anyway). */
function notebookLines(): Set<string> {
  return new Set(courseNotebooks().flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { cells: Array<{ source: string | string[] }> }).cells
    .flatMap((c) => lines(Array.isArray(c.source) ? c.source.join('') : c.source))));
}

/**
 * What only the solutions contain, per file: single lines not in the stub nor in any notebook
 * (long enough to be specific), and every run of 3 consecutive code lines not in the stub.
 */
function solutionOnly(): Map<string, { lines: string[]; runs: string[] }> {
  const inNotebooks = notebookLines();
  const map = new Map<string, { lines: string[]; runs: string[] }>();
  for (const f of readdirSync(SOLUTIONS_DIR).filter((n) => n.endsWith('.ts'))) {
    const stub = new Set(lines(readFileSync(join(EXERCISES_DIR, f), 'utf8')));
    const code = lines(readFileSync(join(SOLUTIONS_DIR, f), 'utf8')).filter(isCode);
    const own = code.map((l) => !stub.has(l));
    const runs: string[] = [];
    for (let i = 0; i + 3 <= code.length; i++) if (own[i] && own[i + 1] && own[i + 2]) runs.push(code.slice(i, i + 3).join('\n'));
    map.set(f, { lines: code.filter((l, i) => own[i] && l.length >= 20 && !inNotebooks.has(l)), runs });
  }
  return map;
}

describe('the student book of the course', () => {
  it('has a page for every notebook, in order', () => {
    expect(book.chapters.map((c) => `${c.slug}.ipynb`)).toEqual(courseNotebooks().map((f) => relative(join(ROOT, 'notebooks'), f)));
  });

  it('contains no solution code (and does contain the stubs)', () => {
    const solutions = solutionOnly();
    expect([...solutions.values()].flatMap((s) => s.runs).length).toBeGreaterThan(20);
    // The scripts esbuild bundles (the library, CodeMirror, mathjs… minified; check.js: the public
    // graders) pass the solutions guard instead (build.test.ts): line by line they would match any
    // generic solution line (`throw new RangeError(`).
    const bundles = [...Object.values(SCRIPTS), CHECK_SCRIPT].map((s) => join(book.out, s));
    const pages = files(book.out).filter((f) => /\.(html|json|js|css)$/.test(f) && !f.endsWith('plotly.min.js') && !bundles.includes(f));
    // Each page as the lines a reader could copy: tags dropped, entities decoded, lines trimmed, comments dropped.
    // The live editor's exercise sources (one JSON line) are read as the files they hold.
    const read = (f: string): string => (f.endsWith(EXERCISES_ASSET) ? Object.values(JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>).join('\n') : text(readFileSync(f, 'utf8')));
    const texts = pages.map((f) => [relative(book.out, f), lines(read(f)).filter(isCode).join('\n')] as const);
    for (const [file, own] of solutions) {
      for (const snippet of [...own.lines, ...own.runs]) {
        const leaks = texts.filter(([, t]) => t.includes(snippet)).map(([p]) => p);
        expect(leaks, `solutions/${file}:\n${snippet}`).toEqual([]);
      }
    }
    // The same extraction finds code that is there: every exercise page shows its whole stub.
    const exercisePages = texts.filter(([p]) => p.startsWith('exercises/'));
    expect(exercisePages.length).toBeGreaterThan(0);
    for (const [p, t] of exercisePages) {
      const stub = lines(readFileSync(join(EXERCISES_DIR, p.replace(/^exercises\/(.*)\.html$/, '$1.ts')), 'utf8')).filter(isCode);
      expect(t, p).toContain(stub.join('\n')); // the whole stub, line after line
      expect(t, p).toContain("throw new Error('TODO");
    }
  });

  it('gives the live editor the stubs as its exercise files, never a solution file', () => {
    const sources = JSON.parse(readFileSync(join(book.out, EXERCISES_ASSET), 'utf8')) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(0);
    for (const [name, source] of Object.entries(sources)) {
      expect(source, name).toBe(readFileSync(join(EXERCISES_DIR, `${name}.ts`), 'utf8'));
      expect(source, name).toContain("throw new Error('TODO");
      if (existsSync(join(SOLUTIONS_DIR, `${name}.ts`))) expect(source, name).not.toBe(readFileSync(join(SOLUTIONS_DIR, `${name}.ts`), 'utf8'));
    }
  });

  it('gives every chapter a one-line summary on the index', () => {
    const index = readFileSync(join(book.out, 'index.html'), 'utf8');
    for (const c of book.chapters) {
      expect(c.summary, c.notebook).not.toBe('');
      expect(index).toContain(`<p class="chapter-summary">${c.summary}</p>`);
    }
  });

  it('typesets every formula of every chapter', () => {
    const errors = book.chapters.flatMap((c) => c.mathErrors.map((m) => `${c.notebook}: ${m}`));
    expect(errors).toEqual([]);
  });

  it('rebuilds from the executed notebooks alone, every chapter again (npm run book -- --execute never)', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'kit/book/cli.ts', '--execute', 'never', '--out', join(work, 'timed')],
      { cwd: ROOT, encoding: 'utf8' });
    const seconds = (Date.now() - started) / 1000;
    expect(r.status, r.stderr).toBe(0);
    console.log(`[book] built ${book.chapters.length} chapters from executed notebooks in ${seconds.toFixed(1)} s (wall clock, tsx start included); ${r.stdout.trim().split('\n').find((l) => l.startsWith('Book built'))}`);
    for (const page of book.pages) expect(existsSync(join(work, 'timed', page)), page).toBe(true);
  }, 60_000);
});

describe('the Korean pages of the student book', () => {
  const ko = (): NonNullable<BookResult['editions'][number]> => book.editions.find((e) => e.lang === 'ko') as BookResult['editions'][number];
  const hangulShare = (html: string): number => {
    const letters = text(html).replace(/[^A-Za-z\uac00-\ud7a3]/g, '');
    return letters.replace(/[A-Za-z]/g, '').length / Math.max(1, letters.length);
  };

  it('has every English page in Korean under ko/, each chapter from notebooks/ko/', () => {
    expect(ko().dir).toBe('ko/');
    expect(ko().pages.map((p) => p.replace(/^ko\//, '')).sort()).toEqual(book.editions[0].pages.slice().sort());
    expect(ko().chapters.map((c) => c.notebook)).toEqual(book.chapters.map((c) => c.notebook.replace(/^notebooks\//, 'notebooks/ko/')));
  });

  it('links every page to its twin in the other language (hreflang, the link labelled in that language), both ways', () => {
    for (const edition of book.editions) {
      const other = edition.lang === 'ko' ? 'en' : 'ko';
      for (const rel of edition.pages) {
        const html = readFileSync(join(book.out, rel), 'utf8');
        expect(html, rel).toContain(`<html lang="${edition.lang}"`);
        const href = twinLinks(html)[other];
        const twin = other === 'ko' ? `ko/${rel}` : rel.replace(/^ko\//, '');
        expect(href && posix.join(posix.dirname(rel), href), rel).toBe(twin);
        expect(html, rel).toContain(`<link rel="alternate" hreflang="${other}" href="${href}">`);
      }
    }
  });

  it('says the book\'s own words in Korean, lists the chapters with Korean summaries and links the Korean font', () => {
    expect(ko().pages.flatMap((rel) => englishChrome(readFileSync(join(book.out, rel), 'utf8')).map((w) => `${rel}: ${w}`))).toEqual([]);
    const index = readFileSync(join(book.out, 'ko/index.html'), 'utf8');
    for (const c of ko().chapters) {
      expect(c.summary, c.notebook).toMatch(/[\uac00-\ud7a3]/);
      expect(hangulShare(c.summary), `${c.notebook}: ${c.summary}`).toBeGreaterThan(0.5);
      expect(index).toContain(`<p class="chapter-summary">${c.summary}</p>`);
    }
    for (const rel of ko().pages) expect(readFileSync(join(book.out, rel), 'utf8'), rel).toContain(`assets/${HANGUL_CSS}"`);
    for (const rel of book.editions[0].pages) expect(readFileSync(join(book.out, rel), 'utf8'), rel).not.toContain(HANGUL_CSS);
  });
});
