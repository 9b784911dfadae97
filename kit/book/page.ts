/**
 * The book's HTML: one layout (top bar, sidebar table of contents, content, previous/next) for
 * the index, the chapters and the exercise pages, in the page's language (its words from the
 * catalogue in lang/). Every page links to the same page of the book's other editions (hreflang
 * and a visible link labelled in that language). Everything it links is local (assets/).
 */
import type { Chapter } from './chapter';
import { plainTitle } from './chapter';
import type { Exercise } from './exercises';
import { THEMES } from '../../src/plot/figure';
import { escapeHtml, highlight } from './markdown';
import { PLOTLY_ASSET } from './assets';
import { scriptJson } from './outputs';
import type { GradeSettings } from './checks/where';
import { CATALOGUES, fill, type Catalogue, type Language } from './lang';

/** The book's name, in the top bar and page titles. */
export const BOOK_TITLE = 'Descent';

/** One language's pages of the book: where they are, and which pages it has. */
export interface EditionPages {
  lang: Language;
  /** The edition's folder in the book: '' for the source language, `ko/` for Korean. */
  dir: string;
  /** Its pages, relative to its folder (`index.html`, `01-mse.html`, `exercises/mse.html`). */
  pages: ReadonlySet<string>;
}

export interface Site {
  chapters: Chapter[];
  exercises: Map<string, Exercise[]>;
  /** Commands students run (`npm run lab`…), shown in hints. */
  hasGradeScript: boolean;
  student: boolean;
  /** Exercises whose page can Check them in the browser (they have a public grader), with the grading settings. */
  checks?: { exercises: ReadonlySet<string>; settings: GradeSettings };
  /** The pages' language (default English). */
  lang?: Language;
  /** Every edition of the book, this one included: the language links (none when there is one edition). */
  editions?: readonly EditionPages[];
  /** What a page's `<head>` needs for the fonts of its text (fonts.ts), given the assets' folder and the page. */
  fontHead?: (assets: string, html: string, lang: Language) => string;
  /** Where the edition's notebooks are, relative to the project (`notebooks`, `notebooks/ko`). */
  notebooksDir?: string;
}

interface Layout {
  title: string;
  /** The page, relative to its edition's folder (`index.html`, `exercises/mse.html`). */
  rel: string;
  /** The chapter slug to mark as current in the sidebar ('' for none). */
  current: string;
  main: string;
  figures: number;
  /** Code cells the live editor runs (chapter pages): loads plotly.js and live.js. */
  liveCells?: number;
  /** Scripts of the page's own (the exercise page's Check), before book.js; `{assets}` is the assets' folder. */
  pageScripts?: string;
  site: Site;
}

const code = (s: string): string => `<code>${escapeHtml(s)}</code>`;
const langOf = (site: Site): Language => site.lang ?? 'en';
const wordsOf = (site: Site): Catalogue => CATALOGUES[langOf(site)];
/** '' for a page at its edition's root, '../' for one in a folder. */
const baseOf = (rel: string): string => '../'.repeat(rel.split('/').length - 1);
const dirOf = (site: Site): string => site.editions?.find((e) => e.lang === langOf(site))?.dir ?? '';

/** The href from page `rel` of `site` to the same page (or else the index) of `other`. */
export function twinHref(site: Site, rel: string, other: EditionPages): string {
  const toRoot = baseOf(rel) + '../'.repeat(dirOf(site).split('/').length - 1);
  return `${toRoot}${other.dir}${other.pages.has(rel) ? rel : 'index.html'}`;
}

function languageLinks(site: Site, rel: string): { head: string; nav: string } {
  const others = (site.editions ?? []).filter((e) => e.lang !== langOf(site));
  if (others.length === 0) return { head: '', nav: '' };
  const all = site.editions ?? [];
  const head = all.map((e) => `<link rel="alternate" hreflang="${e.lang}" href="${e.lang === langOf(site) ? rel.split('/').pop() : twinHref(site, rel, e)}">\n`).join('');
  const links = others.map((e) => {
    const words = CATALOGUES[e.lang];
    return `<a class="lang-link" href="${twinHref(site, rel, e)}" hreflang="${e.lang}" lang="${e.lang}" rel="alternate" title="${escapeHtml(words.page.twin)}">${escapeHtml(words.name)}</a>`;
  }).join(' ');
  return { head, nav: `<nav class="lang-switch" aria-label="${escapeHtml(wordsOf(site).page.languages)}">${links}</nav>` };
}

function sidebar(site: Site, current: string, base: string): string {
  const items = site.chapters.map((c) => {
    const here = c.slug === current;
    const sub = here && c.headings.length > 0
      ? `<ol class="toc-sections">${c.headings.filter((h) => h.level === 2)
        .map((h) => `<li><a href="${base}${c.slug}.html#${h.id}">${h.html}</a></li>`).join('')}</ol>`
      : '';
    return `<li${here ? ' class="current"' : ''}><a href="${base}${c.slug}.html"${here ? ' aria-current="page"' : ''}>${c.titleHtml}</a>${sub}</li>`;
  }).join('\n');
  return `<nav id="sidebar" class="sidebar" aria-label="${escapeHtml(wordsOf(site).page.toc)}">
<p class="sidebar-title"><a href="${base}index.html">${BOOK_TITLE}</a></p>
<ol class="toc">${items}</ol>
</nav>`;
}

function layout(p: Layout): string {
  const words = wordsOf(p.site).page;
  const base = baseOf(p.rel);
  // The assets are the book's, shared by its editions (one plotly.js, one worker for all).
  const assets = `${base}${'../'.repeat(dirOf(p.site).split('/').length - 1)}assets/`;
  const live = (p.liveCells ?? 0) > 0;
  // Deferred: the live editor first (its worker loads the library meanwhile), then book.js, which
  // loads plotly.js (data-plotly) when a figure is to be drawn, those near the screen first.
  const plots = p.figures > 0 || live;
  const scripts = (live ? `<script defer src="${assets}live.js"></script>\n` : '') + (p.pageScripts ?? '').replaceAll('{assets}', assets)
    + (plots ? `<script type="application/json" id="descent-plot-themes">${scriptJson(THEMES)}</script>\n` : '')
    + `<script defer src="${assets}book.js"${plots ? ` data-plotly="${assets}${PLOTLY_ASSET.replace(/^assets\//, '')}"` : ''}></script>`;
  const languages = languageLinks(p.site, p.rel);
  const body = `<body>
<a class="skip-link" href="#main">${words.skipLink}</a>
<header class="topbar">
<button type="button" class="menu-toggle" aria-controls="sidebar" aria-expanded="false"><span aria-hidden="true">☰ </span>${words.menu}</button>
<a class="brand" href="${base}index.html">${BOOK_TITLE}</a>
${languages.nav}
</header>
<div class="layout">
${sidebar(p.site, p.current, base)}
<main id="main" class="content" tabindex="-1">
${p.main}
</main>
</div>
${scripts}
</body>`;
  const fonts = p.site.fontHead?.(assets, body, langOf(p.site)) ?? '';
  return `<!doctype html>
<html lang="${langOf(p.site)}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${p.title}</title>
${languages.head}<link rel="icon" href="${assets}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${assets}katex/katex.min.css">
<link rel="stylesheet" href="${assets}highlight.css">
<link rel="stylesheet" href="${assets}book.css">
${fonts}</head>
${body}
</html>
`;
}

function exerciseHint(site: Site, exercises: Exercise[], base: string): string {
  if (exercises.length === 0) return '';
  const words = wordsOf(site).page;
  return exercises.map((e) => {
    const grade = site.hasGradeScript ? fill(words.exerciseHintGrade, { cmd: code('npm run grade') }) : '';
    const file = `<a href="${base}exercises/${e.name}.html">${code(`exercises/${e.name}.ts`)}</a>`;
    return `<p><span class="hint-label">${words.yourExercise}</span> ${fill(words.exerciseHint, { file, check: code(`await check('${e.name}')`), grade })}</p>`;
  }).join('\n');
}

function runHint(site: Site, chapter: Chapter): string {
  const words = wordsOf(site).page;
  const open = fill(chapter.codeCells > 0 ? words.openNotebookRun : words.openNotebook, { lab: code('npm run lab'), notebook: code(chapter.notebook) });
  return `<aside class="run-hint" aria-label="${escapeHtml(words.runHint)}">
<p><span class="hint-label">${words.openInLab}</span> ${open}</p>
${exerciseHint(site, site.exercises.get(chapter.slug) ?? [], '')}
</aside>`;
}

function pagerLink(kind: 'prev' | 'next', href: string, dir: string, title: string): string {
  return `<a class="pager-${kind}" rel="${kind}" href="${href}"><span class="pager-dir">${dir}</span><span class="pager-title">${title}</span></a>`;
}

function pager(site: Site, index: number, base: string): string {
  const words = wordsOf(site).page;
  const prev = index > 0 ? site.chapters[index - 1] : null;
  const next = index + 1 < site.chapters.length ? site.chapters[index + 1] : null;
  const prevLink = prev ? pagerLink('prev', `${base}${prev.slug}.html`, words.previous, prev.titleHtml)
    : pagerLink('prev', `${base}index.html`, words.previous, words.contents);
  const nextLink = next ? pagerLink('next', `${base}${next.slug}.html`, words.next, next.titleHtml) : '';
  return `<nav class="pager" aria-label="${escapeHtml(words.pager)}">${prevLink}${nextLink}</nav>`;
}

/** A chapter's page. */
export function chapterPage(site: Site, index: number): string {
  const c = site.chapters[index];
  // The hint goes under the chapter's title (the first h1), or on top when there is none.
  const cut = c.body.indexOf('</h1>');
  const body = cut < 0 ? `${runHint(site, c)}\n${c.body}` : `${c.body.slice(0, cut + 5)}\n${runHint(site, c)}${c.body.slice(cut + 5)}`;
  const main = `<article class="chapter">
${body}
</article>
${pager(site, index, '')}`;
  return layout({ title: `${plainTitle(c)} · ${BOOK_TITLE}`, rel: `${c.slug}.html`, current: c.slug, main, figures: c.figures, liveCells: c.codeCells, site });
}

/** The index: the chapters in order with their one-line summaries, and how to run the course. */
export function indexPage(site: Site): string {
  const words = wordsOf(site).page;
  const first = site.chapters[0];
  const items = site.chapters.map((c) => {
    const ex = (site.exercises.get(c.slug) ?? [])
      .map((e) => `<a class="chapter-exercise" href="exercises/${e.name}.html">${fill(words.chapterExercise, { file: code(`${e.name}.ts`) })}</a>`).join(' ');
    return `<li><a class="chapter-link" href="${c.slug}.html">${c.titleHtml}</a>`
      + `${c.summary ? `<p class="chapter-summary">${c.summary}</p>` : ''}${ex ? `<p class="chapter-meta">${ex}</p>` : ''}</li>`;
  }).join('\n');
  const run = fill(words.runCourseText, {
    install: code('npm install'), start: code('npm start'), lab: code('npm run lab'),
    notebooks: code(`${site.notebooksDir ?? 'notebooks'}/*.ipynb`), exercises: code('exercises/*.ts'),
  });
  const main = `<article class="index">
<h1>${BOOK_TITLE}</h1>
<p class="lead">${words.lead}</p>
<aside class="run-hint" aria-label="${escapeHtml(words.runCourseHint)}">
<p><span class="hint-label">${words.runCourse}</span> ${run}</p>
</aside>
<h2 id="chapters">${words.chapters}</h2>
<ol class="chapter-list">
${items}
</ol>
${first ? `<nav class="pager" aria-label="${escapeHtml(words.pagerStart)}">${pagerLink('next', `${first.slug}.html`, words.start, first.titleHtml)}</nav>` : ''}
</article>`;
  return layout({ title: `${BOOK_TITLE} · ${words.indexTitle}`, rel: 'index.html', current: '', main, figures: 0, site });
}

/** An exercise file as a page (the file of the exercise folder, e.g. the stubs), with Check when it has a grader. */
export function exercisePage(site: Site, exercise: Exercise): string {
  const words = wordsOf(site).page;
  const file = code(`exercises/${exercise.name}.ts`);
  const chapter = site.chapters.find((c) => c.slug === exercise.chapter);
  const back = chapter ? `<p>${fill(words.exerciseChapter, { chapter: `<a href="../${chapter.slug}.html">${chapter.titleHtml}</a>` })}</p>` : '';
  const grade = site.hasGradeScript ? fill(words.exerciseHowGrade, { cmd: code('npm run grade') }) : '';
  const checks = site.checks?.exercises.has(exercise.name) === true ? site.checks : undefined;
  const how = fill(words.exerciseHowText, {
    file, todo: code("throw new Error('TODO: …')"), check: code(`await check('${exercise.name}')`), grade, here: checks ? words.exerciseHowHere : '',
  });
  const main = `<article class="exercise">
<h1>${fill(words.exerciseTitle, { file })}</h1>
${back}
<aside class="run-hint" aria-label="${escapeHtml(words.exerciseHow)}">
<p><span class="hint-label">${words.how}</span> ${how}</p>
</aside>
<pre class="code exercise-source" tabindex="0"><code class="hljs language-typescript">${highlight(exercise.source)}</code></pre>
</article>`;
  const data = { exercise: exercise.name, file: `${exercise.name}.ts`, settings: checks?.settings };
  const pageScripts = checks
    ? `<script type="application/json" id="descent-exercise">${scriptJson(data)}</script>\n<script defer src="{assets}exercise.js"></script>\n`
    : '';
  return layout({ title: `exercises/${exercise.name}.ts · ${BOOK_TITLE}`, rel: `exercises/${exercise.name}.html`, current: exercise.chapter, main, figures: 0, pageScripts, site });
}
