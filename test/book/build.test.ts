/**
 * `buildBook` on a small course (no kernel needed): the pages, the index with summaries in order,
 * previous/next, the sidebar, the hints and exercise pages, local assets only, the student mode,
 * and the guard that keeps solutions/ out of the book.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solutionsGuard } from '../../kit/book/bundle';
import { buildBook, MANIFEST, type BookResult } from '../../kit/book/build';
import { staleReason, STAMP_FILE } from '../../kit/book/execute';
import { copyFile, isInside, readText, ROOT, SOLUTIONS_DIR } from '../../kit/book/files';
import { FIGURE, MARKERS, writeCourse, type Course } from './fixtures';

let course: Course;
let result: BookResult;
const page = (name: string, out = course.out): string => readFileSync(join(out, name), 'utf8');
const attr = (html: string, re: RegExp): string | undefined => re.exec(html)?.[1];

beforeAll(async () => {
  course = writeCourse();
  result = await buildBook({ out: course.out, notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: course.exercises, execute: 'never' });
});
afterAll(() => rmSync(course.root, { recursive: true, force: true }));

describe('the built book', () => {
  it('has the index, a page per notebook, a page per exercise and a manifest', () => {
    expect(result.pages.sort()).toEqual(['00-intro.html', '01-alpha.html', '02-beta.html', 'exercises/alpha.html', 'index.html']);
    const manifest = JSON.parse(page(MANIFEST)) as { student: boolean; chapters: Array<{ slug: string; figures: number; exercises: string[] }> };
    expect(manifest.student).toBe(false);
    expect(manifest.chapters.map((c) => [c.slug, c.figures, c.exercises])).toEqual([
      ['00-intro', 1, []], ['01-alpha', 0, ['exercises/alpha.ts']], ['02-beta', 1, []]]);
    expect(result.buildSeconds).toBeLessThan(10);
  });

  it('warns about a formula KaTeX rejects, and about nothing else', () => {
    expect(result.warnings).toEqual([expect.stringMatching(/02-beta\.ipynb: KaTeX could not typeset "\\\\undefinedmacro\{x\}"/)]);
  });

  it('lists the chapters in order on the index, each with its one-line summary and exercise', () => {
    const index = page('index.html');
    const order = ['00-intro', '01-alpha', '02-beta'].map((s) => index.indexOf(`class="chapter-link" href="${s}.html"`));
    expect(order.every((p, k) => p > 0 && (k === 0 || p > order[k - 1]))).toBe(true);
    const summaries = [...index.matchAll(/<p class="chapter-summary">(.*?)<\/p>/g)].map((m) => m[1]);
    expect(summaries[0]).toBe('Welcome to the test course.');
    expect(summaries[1]).toBe('The mean squared error, e.g. of a line, in one line.');
    expect(summaries[2]).toMatch(/^A summary from the metadata, with <span class="katex">.*<\/span>\.$/);
    expect(index).toContain('href="exercises/alpha.html"');
    expect(index).toContain('<code>npm start</code>');
    expect(index).toContain('<code>npm run lab</code>');
  });

  it('links each chapter to the previous and the next one', () => {
    const links = (name: string) => ({ prev: attr(page(name), /rel="prev" href="([^"]+)"/), next: attr(page(name), /rel="next" href="([^"]+)"/) });
    expect(links('00-intro.html')).toEqual({ prev: 'index.html', next: '01-alpha.html' });
    expect(links('01-alpha.html')).toEqual({ prev: '00-intro.html', next: '02-beta.html' });
    expect(links('02-beta.html')).toEqual({ prev: '01-alpha.html', next: undefined });
    expect(links('index.html').next).toBe('00-intro.html');
  });

  it('has a sidebar with every chapter, the current one marked with its sections', () => {
    const alpha = page('01-alpha.html');
    const sidebar = /<nav id="sidebar"[\s\S]*?<\/nav>/.exec(alpha)?.[0] ?? '';
    expect([...sidebar.matchAll(/<li(?: class="current")?><a href="([\w-]+)\.html"/g)].map((m) => m[1])).toEqual(['00-intro', '01-alpha', '02-beta']);
    expect(sidebar).toContain('<li class="current"><a href="01-alpha.html" aria-current="page">');
    expect(sidebar).toContain('href="01-alpha.html#derivation">Derivation</a>');
    expect(sidebar).toContain('href="01-alpha.html#your-turn">Your turn</a>');
    expect(alpha).toContain('<h2 id="derivation">');
  });

  it('tells how to open the chapter in JupyterLab and links its exercise', () => {
    const alpha = page('01-alpha.html');
    expect(alpha).toMatch(/Open in JupyterLab<\/span> <code>npm run lab<\/code>, then open <code>[^<]*notebooks\/01-alpha\.ipynb<\/code>/);
    expect(alpha).toContain('<a href="exercises/alpha.html"><code>exercises/alpha.ts</code></a>');
    expect(alpha).toContain('<code>await check(&#39;alpha&#39;)</code>'); // the kit's escapeHtml escapes ' too
    expect(alpha).toContain('href="exercises/alpha.html">the exercise</a>'); // Markdown link to ../exercises/alpha.ts
    expect(alpha.indexOf('run-hint')).toBeGreaterThan(alpha.indexOf('</h1>')); // under the title
    const exercise = page('exercises/alpha.html');
    expect(exercise).toContain('<a href="../01-alpha.html">');
    expect(exercise).toContain('<span class="hljs-keyword">export</span>');
    expect(exercise).toContain('href="../assets/book.css"');
    // No public grader for this fixture's exercise: no Check on its page (the course's pages have one).
    expect(exercise).not.toContain('assets/exercise.js');
  });

  it('typesets the math at build time and leaves no TeX in the text', () => {
    for (const name of ['01-alpha.html', '02-beta.html', 'index.html']) {
      // What a sighted reader sees: KaTeX's MathML copy (hidden, for screen readers) is left out.
      const text = page(name).replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>|<script[\s\S]*?<\/script>|<pre[\s\S]*?<\/pre>|<[^>]*>/g, '');
      expect(text, name).not.toMatch(/\$\$|\\frac|\\partial/);
    }
    expect(page('01-alpha.html')).toContain('class="katex-display"');
    expect(page('01-alpha.html')).toMatch(/<span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML" display="block">/); // MathML kept
    expect(page('02-beta.html')).toMatch(/<td><span class="katex-block">/); // math inside an HTML output
    expect(page('01-alpha.html')).toContain('href="02-beta.html#second"');
  });

  it('draws figures from their plotly JSON with the local plotly.js, loaded once and only where needed', () => {
    const intro = page('00-intro.html');
    // book.js loads plotly.js on first use (data-plotly), so the page's text and editors do not wait for it.
    expect(intro.match(/assets\/plotly\.min\.js/g)).toHaveLength(1);
    expect(intro).toContain('<script defer src="assets/book.js" data-plotly="assets/plotly.min.js"></script>');
    expect(JSON.parse(attr(intro, /data-figure="figure-1">(.*?)<\/script>/) ?? '')).toEqual(FIGURE);
    expect(intro).not.toContain('plotly.js inlined'); // plotSetup()'s output is not copied
    expect(page('01-alpha.html')).toContain('plotly.min.js'); // code cells: the live editor may draw figures
    expect(page('01-alpha.html')).toContain('<script defer src="assets/live.js"></script>');
    expect(page('index.html')).not.toContain('plotly.min.js');
    expect(page('index.html')).not.toContain('live.js');
    const plotly = require.resolve('plotly.js-dist-min/plotly.min.js', { paths: [ROOT] });
    expect(statSync(join(course.out, 'assets/plotly.min.js')).size).toBe(statSync(plotly).size);
  });

  it('links nothing outside the book: every src and href is local and exists, KaTeX fonts included', () => {
    for (const name of result.pages) {
      const html = page(name);
      for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) {
        expect(m[1], `${name}: ${m[1]}`).not.toMatch(/^(https?:)?\/\//);
        const local = m[1].split('#')[0];
        if (local) expect(existsSync(join(course.out, name, '..', local)), `${name}: ${m[1]}`).toBe(true);
      }
    }
    const css = page('assets/katex/katex.min.css');
    const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(20);
    for (const f of fonts) expect(existsSync(join(course.out, 'assets/katex', f)), f).toBe(true);
    expect(page('assets/highlight.css')).toContain('@media (prefers-color-scheme: dark)');
    expect(page('assets/book.css')).toContain('@media (prefers-color-scheme: dark)');
    expect(page('assets/book.css')).toMatch(/@media \(max-width: [\d.]+px\)/);
  });

  it('honours the cell tags: remove-cell, hide-input, and keeps solution cells outside student mode', () => {
    const alpha = page('01-alpha.html');
    expect(alpha).not.toContain(MARKERS.removed);
    expect(alpha).toMatch(new RegExp(`<details class="cell-input"><summary>Show code</summary>.*${MARKERS.hidden}`, 's'));
    expect(alpha).toContain(MARKERS.solution);
  });
});

describe('the student book', () => {
  it('drops the cells tagged "solution" and says it is a student book', async () => {
    const out = join(course.root, 'student');
    // Student mode insists on copies executed with the exercise folder; these fixtures are stamped by hand.
    const stamp = Object.fromEntries(readdirSync(course.executed).filter((f) => f.endsWith('.ipynb'))
      .map((f) => [f, { exercises: course.exercises, mtimeMs: statSync(join(course.executed, f)).mtimeMs }]));
    writeFileSync(join(course.executed, STAMP_FILE), JSON.stringify(stamp));
    const r = await buildBook({ out, notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: course.exercises, student: true, execute: 'stale' });
    expect(r.executed).toEqual([]);
    const alpha = page('01-alpha.html', out);
    expect(alpha).not.toContain(MARKERS.solution);
    expect(alpha).toContain(MARKERS.hidden);
    expect(JSON.parse(page(MANIFEST, out)).student).toBe(true);
  });

  it('refuses an exercise folder inside solutions/', async () => {
    await expect(buildBook({ out: join(course.root, 'x'), notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: SOLUTIONS_DIR, student: true, execute: 'never' }))
      .rejects.toThrow(/the book builder never reads the solutions: refused ".*solutions"/);
  });
});

describe('staleness of executed copies', () => {
  it('needs a run when the copy is missing, older than its source, or of unknown exercise folder', () => {
    const source = join(course.notebooks, '01-alpha.ipynb');
    const options = { executedDir: course.executed };
    expect(staleReason(join(course.notebooks, 'nope.ipynb'), options)).toBe('not executed yet');
    const copy = join(course.executed, '01-alpha.ipynb');
    const t = statSync(copy).mtime;
    utimesSync(source, t, new Date(t.getTime() + 5000));
    expect(staleReason(source, options)).toBe('changed since it was executed');
    utimesSync(source, t, new Date(t.getTime() - 5000));
    expect(staleReason(source, options)).toBeNull();
    expect(staleReason(source, { ...options, exercisesDir: course.exercises }, {})).toBe('executed outside the book builder (exercise folder unknown)');
    const stamp = { '01-alpha.ipynb': { exercises: '/elsewhere/solutions', mtimeMs: statSync(copy).mtimeMs } };
    expect(staleReason(source, { ...options, exercisesDir: course.exercises }, stamp)).toBe('executed with /elsewhere/solutions');
    stamp['01-alpha.ipynb'].exercises = course.exercises;
    expect(staleReason(source, { ...options, exercisesDir: course.exercises }, stamp)).toBeNull();
  });

  it('needs a run when the last one stopped at a failing cell', () => {
    const source = join(course.notebooks, '02-beta.ipynb');
    const copy = join(course.executed, '02-beta.ipynb');
    const saved = readFileSync(copy, 'utf8');
    const nb = JSON.parse(saved) as { cells: Array<{ cell_type: string; execution_count?: number | null }> };
    nb.cells.filter((c) => c.cell_type === 'code').forEach((c) => { c.execution_count = null; });
    writeFileSync(copy, JSON.stringify(nb));
    utimesSync(source, new Date(0), new Date(0));
    try {
      expect(staleReason(source, { executedDir: course.executed })).toBe('its last run stopped at a failing cell');
    } finally {
      writeFileSync(copy, saved);
    }
    expect(staleReason(source, { executedDir: course.executed })).toBeNull();
  });
});

describe('the output folder', () => {
  it('is rebuilt over a previous book, but a folder that is not a book is never cleared', async () => {
    writeFileSync(join(course.out, 'stale.html'), 'old');
    await buildBook({ out: course.out, notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: course.exercises, execute: 'never' });
    expect(existsSync(join(course.out, 'stale.html'))).toBe(false);
    const precious = join(course.root, 'precious');
    mkdirSync(precious);
    writeFileSync(join(precious, 'thesis.tex'), 'x');
    await expect(buildBook({ out: precious, notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: course.exercises, execute: 'never' }))
      .rejects.toThrow(`refusing to clear "${precious}": it is not empty and holds no book.json`);
    expect(existsSync(join(precious, 'thesis.tex'))).toBe(true);
  });
});

describe('no file from solutions/ is ever read by the book builder', () => {
  it('refuses to read or copy a solution, also through a symlink', () => {
    const solution = join(SOLUTIONS_DIR, 'mse.ts');
    expect(() => readText(solution)).toThrow(`the book builder never reads the solutions: refused ${JSON.stringify(solution)}`);
    expect(() => copyFile(solution, join(course.root, 'copy.ts'))).toThrow(/never reads the solutions/);
    const link = join(course.root, 'innocent.ts');
    symlinkSync(solution, link);
    expect(isInside(link, SOLUTIONS_DIR)).toBe(true);
    expect(() => readText(link)).toThrow(/never reads the solutions/);
    expect(isInside(join(ROOT, 'solutions-notes.md'), SOLUTIONS_DIR)).toBe(false);
  });

  it('never bundles a file from solutions/ into the book\'s scripts', async () => {
    const { build } = await import('esbuild');
    await expect(build({ entryPoints: [join(SOLUTIONS_DIR, 'mse.ts')], bundle: true, write: false, logLevel: 'silent', plugins: [solutionsGuard] }))
      .rejects.toThrow(/never reads the solutions/);
  });

  it('reads files only through kit/book/files.ts (which has the guard)', () => {
    const dir = join(ROOT, 'kit', 'book');
    const reads = /\b(readFileSync|readFile|createReadStream|copyFileSync|cpSync|readdirSync|opendirSync|openSync)\b/;
    const offenders = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'files.ts')
      .filter((f) => reads.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
