/**
 * The book's HTML: one layout (top bar, sidebar table of contents, content, previous/next) for
 * the index, the chapters and the exercise pages. Everything it links is local (assets/).
 */
import type { Chapter } from './chapter';
import { plainTitle } from './chapter';
import type { Exercise } from './exercises';
import { THEMES } from '../../src/plot/figure';
import { escapeHtml, highlight } from './markdown';
import { PLOTLY_ASSET } from './assets';
import { scriptJson } from './outputs';
import type { GradeSettings } from './checks/where';

/** The book's name, in the top bar and page titles. */
export const BOOK_TITLE = 'Descent';

export interface Site {
  chapters: Chapter[];
  exercises: Map<string, Exercise[]>;
  /** Commands students run (`npm run lab`…), shown in hints. */
  hasGradeScript: boolean;
  student: boolean;
  /** Exercises whose page can Check them in the browser (they have a public grader), with the grading settings. */
  checks?: { exercises: ReadonlySet<string>; settings: GradeSettings };
}

interface Layout {
  title: string;
  /** '' for pages at the root, '../' for pages in a folder. */
  base: string;
  /** The chapter slug to mark as current in the sidebar ('' for none). */
  current: string;
  main: string;
  figures: number;
  /** Code cells the live editor runs (chapter pages): loads plotly.js and live.js. */
  liveCells?: number;
  /** Scripts of the page's own (the exercise page's Check), before book.js. */
  pageScripts?: string;
  site: Site;
}

const code = (s: string): string => `<code>${escapeHtml(s)}</code>`;

function sidebar(site: Site, current: string, base: string): string {
  const items = site.chapters.map((c) => {
    const here = c.slug === current;
    const sub = here && c.headings.length > 0
      ? `<ol class="toc-sections">${c.headings.filter((h) => h.level === 2)
        .map((h) => `<li><a href="${base}${c.slug}.html#${h.id}">${h.html}</a></li>`).join('')}</ol>`
      : '';
    return `<li${here ? ' class="current"' : ''}><a href="${base}${c.slug}.html"${here ? ' aria-current="page"' : ''}>${c.titleHtml}</a>${sub}</li>`;
  }).join('\n');
  return `<nav id="sidebar" class="sidebar" aria-label="Table of contents">
<p class="sidebar-title"><a href="${base}index.html">${BOOK_TITLE}</a></p>
<ol class="toc">${items}</ol>
</nav>`;
}

function layout(p: Layout): string {
  const live = (p.liveCells ?? 0) > 0;
  // Deferred: the live editor first (its worker loads the library meanwhile), then book.js, which
  // loads plotly.js (data-plotly) when a figure is to be drawn, those near the screen first.
  const plots = p.figures > 0 || live;
  const scripts = (live ? `<script defer src="${p.base}assets/live.js"></script>\n` : '') + (p.pageScripts ?? '')
    + (plots ? `<script type="application/json" id="descent-plot-themes">${scriptJson(THEMES)}</script>\n` : '')
    + `<script defer src="${p.base}assets/book.js"${plots ? ` data-plotly="${p.base}${PLOTLY_ASSET}"` : ''}></script>`;
  return `<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${p.title}</title>
<link rel="icon" href="${p.base}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${p.base}assets/katex/katex.min.css">
<link rel="stylesheet" href="${p.base}assets/highlight.css">
<link rel="stylesheet" href="${p.base}assets/book.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="topbar">
<button type="button" class="menu-toggle" aria-controls="sidebar" aria-expanded="false"><span aria-hidden="true">☰ </span>Contents</button>
<a class="brand" href="${p.base}index.html">${BOOK_TITLE}</a>
</header>
<div class="layout">
${sidebar(p.site, p.current, p.base)}
<main id="main" class="content" tabindex="-1">
${p.main}
</main>
</div>
${scripts}
</body>
</html>
`;
}

function exerciseHint(site: Site, exercises: Exercise[], base: string): string {
  if (exercises.length === 0) return '';
  return exercises.map((e) => {
    const grade = site.hasGradeScript ? `, or ${code('npm run grade')} in a terminal` : '';
    return `<p><span class="hint-label">Your exercise</span> <a href="${base}exercises/${e.name}.html">${code(`exercises/${e.name}.ts`)}</a>: `
      + `edit it in any editor, then check it with ${code(`await check('${e.name}')`)} in the notebook${grade}.</p>`;
  }).join('\n');
}

function runHint(site: Site, chapter: Chapter): string {
  return `<aside class="run-hint" aria-label="Run this chapter">
<p><span class="hint-label">Open in JupyterLab</span> ${code('npm run lab')}, then open ${code(chapter.notebook)}${chapter.codeCells > 0 ? ' and run the cells top to bottom (Shift+Enter)' : ''}.</p>
${exerciseHint(site, site.exercises.get(chapter.slug) ?? [], '')}
</aside>`;
}

function pager(site: Site, index: number, base: string): string {
  const prev = index > 0 ? site.chapters[index - 1] : null;
  const next = index + 1 < site.chapters.length ? site.chapters[index + 1] : null;
  const prevLink = prev
    ? `<a class="pager-prev" rel="prev" href="${base}${prev.slug}.html"><span class="pager-dir">Previous</span><span class="pager-title">${prev.titleHtml}</span></a>`
    : `<a class="pager-prev" rel="prev" href="${base}index.html"><span class="pager-dir">Previous</span><span class="pager-title">Contents</span></a>`;
  const nextLink = next
    ? `<a class="pager-next" rel="next" href="${base}${next.slug}.html"><span class="pager-dir">Next</span><span class="pager-title">${next.titleHtml}</span></a>`
    : '';
  return `<nav class="pager" aria-label="Previous and next chapter">${prevLink}${nextLink}</nav>`;
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
  return layout({ title: `${plainTitle(c)} · ${BOOK_TITLE}`, base: '', current: c.slug, main, figures: c.figures, liveCells: c.codeCells, site });
}

/** The index: the chapters in order with their one-line summaries, and how to run the course. */
export function indexPage(site: Site): string {
  const first = site.chapters[0];
  const items = site.chapters.map((c) => {
    const ex = (site.exercises.get(c.slug) ?? [])
      .map((e) => `<a class="chapter-exercise" href="exercises/${e.name}.html">exercise: ${code(`${e.name}.ts`)}</a>`).join(' ');
    return `<li><a class="chapter-link" href="${c.slug}.html">${c.titleHtml}</a>`
      + `${c.summary ? `<p class="chapter-summary">${c.summary}</p>` : ''}${ex ? `<p class="chapter-meta">${ex}</p>` : ''}</li>`;
  }).join('\n');
  const main = `<article class="index">
<h1>${BOOK_TITLE}</h1>
<p class="lead">The foundations of deep learning in TypeScript: loss functions, gradient descent, backpropagation and optimizers — derived, plotted and run, chapter by chapter.</p>
<aside class="run-hint" aria-label="How to run the course">
<p><span class="hint-label">Run the course</span> ${code('npm install')} once, then ${code('npm start')} executes every chapter and serves this book; ${code('npm run lab')} opens the notebooks in JupyterLab (${code('notebooks/*.ipynb')}); your exercises are ${code('exercises/*.ts')}.</p>
</aside>
<h2 id="chapters">Chapters</h2>
<ol class="chapter-list">
${items}
</ol>
${first ? `<nav class="pager" aria-label="Next chapter"><a class="pager-next" rel="next" href="${first.slug}.html"><span class="pager-dir">Start</span><span class="pager-title">${first.titleHtml}</span></a></nav>` : ''}
</article>`;
  return layout({ title: `${BOOK_TITLE} · contents`, base: '', current: '', main, figures: 0, site });
}

/** An exercise file as a page (the file of the exercise folder, e.g. the stubs), with Check when it has a grader. */
export function exercisePage(site: Site, exercise: Exercise): string {
  const chapter = site.chapters.find((c) => c.slug === exercise.chapter);
  const back = chapter ? `<p>Chapter: <a href="../${chapter.slug}.html">${chapter.titleHtml}</a></p>` : '';
  const grade = site.hasGradeScript ? ` or ${code('npm run grade')}` : '';
  const checks = site.checks?.exercises.has(exercise.name) === true ? site.checks : undefined;
  const here = checks ? ', or right here: the editor below checks it in this page (scripts on)' : '';
  const main = `<article class="exercise">
<h1>Exercise ${code(`exercises/${exercise.name}.ts`)}</h1>
${back}
<aside class="run-hint" aria-label="How to work on this exercise">
<p><span class="hint-label">How</span> open ${code(`exercises/${exercise.name}.ts`)} in your editor, replace each ${code("throw new Error('TODO: …')")}, save, and check it with ${code(`await check('${exercise.name}')`)} in the chapter's notebook${grade}${here}.</p>
</aside>
<pre class="code exercise-source" tabindex="0"><code class="hljs language-typescript">${highlight(exercise.source)}</code></pre>
</article>`;
  const data = { exercise: exercise.name, file: `${exercise.name}.ts`, settings: checks?.settings };
  const pageScripts = checks
    ? `<script type="application/json" id="descent-exercise">${scriptJson(data)}</script>\n<script defer src="../assets/exercise.js"></script>\n`
    : '';
  return layout({ title: `exercises/${exercise.name}.ts · ${BOOK_TITLE}`, base: '../', current: exercise.chapter, main, figures: 0, pageScripts, site });
}
