/**
 * One executed notebook → one chapter of the book: its title and one-line summary (from
 * `metadata.descent.summary`, else the first Markdown cell: its sentence "This chapter …", else its
 * first sentence), its cells as HTML, its headings for
 * the sidebar, its exercise file, and the formulas KaTeX could not typeset.
 */
import type { ICell, INotebookContent, IOutput } from '@jupyterlab/nbformat';
import { basename } from 'path';
import { readJson } from './files';
import { CATALOGUES, fill, type Catalogue } from './lang';
import { escapeHtml, highlight, newPageEnv, type Heading, type Markdown } from './markdown';
import { renderOutputs, PLOTLY_MIME } from './outputs';

/** Cell tags the book honours (the Jupyter Book names), and `solution`, dropped from student books. */
export const TAGS = {
  removeCell: 'remove-cell',
  removeInput: 'remove-input',
  removeOutput: 'remove-output',
  hideInput: 'hide-input',
  solution: 'solution',
} as const;

export interface Chapter {
  /** The page's name without extension: the notebook's name (`01-mse`). */
  slug: string;
  /** The committed notebook, relative to the project (`notebooks/01-mse.ipynb`). */
  notebook: string;
  /** The title as written (Markdown source). */
  title: string;
  /** The title as inline HTML (math typeset). */
  titleHtml: string;
  /** One line of inline HTML (math typeset). */
  summary: string;
  body: string;
  headings: Heading[];
  figures: number;
  /** Code cells shown or run (0 for a reading-only notebook such as the glossary). */
  codeCells: number;
  /** Formulas KaTeX could not typeset (shown in red on the page). */
  mathErrors: string[];
}

export interface ChapterOptions {
  md: Markdown;
  /** Drop cells tagged `solution`. */
  student: boolean;
  /** The words of the page's language (default English): summaries, "Show code", figure captions. */
  words?: Catalogue;
}

/** How sentences end in a language, and which one says what a chapter does (see lang/en.ts). */
export type SentenceRule = Catalogue['summary'];

function source(cell: ICell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
}

function tags(cell: ICell): string[] {
  const t = (cell.metadata as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** The title (the first `# ` heading) and the paragraphs of a Markdown cell (lists, tables, quotes, code and display math left out). */
export function titleAndParagraphs(markdown: string): { title: string | null; paragraphs: string[] } {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== '');
  const h1 = blocks.find((b) => /^#\s/.test(b));
  const title = h1 ? h1.replace(/^#\s+/, '').split('\n')[0].trim() : null;
  const paragraphs = blocks.filter((b) => !/^(#|\||>|```|~~~|<|\$\$|[-*+]\s|\d+\.\s)/.test(b)).map((b) => b.replace(/\s*\n\s*/g, ' '));
  return { title, paragraphs };
}

/**
 * The sentences of a paragraph: a sentence ends at . ! ? outside `code` and $math$ where the
 * language's rule says (English: before a space and a capital, not after e.g.).
 */
export function sentences(paragraph: string, rule: SentenceRule = CATALOGUES.en.summary): string[] {
  const found: string[] = [];
  let inCode = false;
  let inMath = false;
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === '`') inCode = !inCode;
    else if (c === '$' && !inCode) inMath = !inMath;
    else if (!inCode && !inMath && /[.!?]/.test(c) && rule.next.test(paragraph.slice(i + 1))
      && !rule.notAfter.test(paragraph.slice(0, i))) {
      found.push(paragraph.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = paragraph.slice(start).trim();
  return rest ? [...found, rest] : found;
}

/** The first sentence of a paragraph. */
export function firstSentence(paragraph: string): string {
  return sentences(paragraph)[0] ?? '';
}

/**
 * A one-line summary from the first Markdown cell: its first complete sentence that says what the
 * chapter does, else its first sentence.
 */
export function summaryOf(paragraphs: readonly string[], rule: SentenceRule = CATALOGUES.en.summary): string {
  for (const p of paragraphs) {
    const list = sentences(p, rule);
    for (const [k, s] of list.entries()) {
      if (!rule.says.test(s) || !/[.!?]$/.test(s)) continue;
      if (s.length >= rule.short) return s;
      if (k + 1 < list.length) return `${s} ${list[k + 1]}`;
    }
  }
  return paragraphs.flatMap((p) => sentences(p, rule))[0] ?? '';
}

function hasFigure(outputs: readonly IOutput[]): number {
  return outputs.filter((o) => (o.data as Record<string, unknown> | undefined)?.[PLOTLY_MIME] !== undefined).length;
}

function codeCell(cell: ICell, index: number, html: string, hide: boolean, showInput: boolean, words: Catalogue): string {
  const count = typeof cell.execution_count === 'number' ? cell.execution_count : ' ';
  const code = `<pre class="code" tabindex="0"><code class="hljs language-typescript">${highlight(source(cell))}</code></pre>`;
  // A cell whose input the book hides still runs in the live editor: its source rides along.
  const input = !showInput ? `<script type="text/x-typescript" class="cell-source">${source(cell).replace(/<\/(script)/gi, '<\\/$1')}</script>`
    : hide ? `<details class="cell-input"><summary>${words.page.showCode}</summary>${code}</details>`
      : `<div class="cell-input"><span class="prompt" aria-hidden="true">[${count}]</span>${code}</div>`;
  const outputs = `<div class="cell-outputs">${html}</div>`;
  return `<section class="cell code-cell" data-cell="${index}" aria-label="${fill(words.page.codeCell, { n: index + 1 })}">${input}${outputs}</section>`;
}

/** Builds a chapter from an executed notebook; `notebook` is the committed notebook's path for hints. */
export function loadChapter(executedPath: string, notebook: string, options: ChapterOptions): Chapter {
  const nb = readJson<INotebookContent>(executedPath);
  if (nb === null || typeof nb !== 'object' || !Array.isArray(nb.cells)) {
    throw new Error(`${executedPath}: expected an nbformat 4 notebook with a cells array`);
  }
  const slug = basename(executedPath).replace(/\.ipynb$/, '');
  const env = newPageEnv();
  const words = options.words ?? CATALOGUES.en;
  const ctx = { md: options.md, env, figures: 0, words };
  const parts: string[] = [];
  let figures = 0;
  let codeCells = 0;
  for (const cell of nb.cells) {
    const t = tags(cell);
    if (t.includes(TAGS.removeCell) || (options.student && t.includes(TAGS.solution))) continue;
    if (cell.cell_type === 'markdown') {
      parts.push(`<section class="cell markdown-cell">${options.md.render(source(cell), env)}</section>`);
    } else if (cell.cell_type === 'code') {
      if (source(cell).trim() === '') continue;
      codeCells++;
      const outputs = t.includes(TAGS.removeOutput) ? [] : ((cell.outputs ?? []) as IOutput[]);
      figures += hasFigure(outputs);
      parts.push(codeCell(cell, codeCells - 1, renderOutputs(outputs, ctx), t.includes(TAGS.hideInput), !t.includes(TAGS.removeInput), words));
    }
  }
  const body = parts.join('\n');
  const meta = (nb.metadata as { descent?: { title?: unknown; summary?: unknown } } | undefined)?.descent ?? {};
  const firstMarkdown = nb.cells.find((c) => c.cell_type === 'markdown');
  const { title, paragraphs } = titleAndParagraphs(firstMarkdown ? source(firstMarkdown) : '');
  const summary = typeof meta.summary === 'string' ? meta.summary : summaryOf(paragraphs, words.summary);
  const mathErrors = [...body.matchAll(/class="[^"]*\bkatex-error\b[^"]*"[^>]*?\btitle="([^"]*)"/g)]
    .map((m) => m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#039;/g, "'").replace(/&amp;/g, '&'));
  const chapterTitle = typeof meta.title === 'string' ? meta.title : title ?? slug;
  return {
    slug,
    notebook,
    title: chapterTitle,
    titleHtml: options.md.renderInline(chapterTitle, newPageEnv()),
    summary: summary ? options.md.renderInline(summary, newPageEnv()) : '',
    body,
    headings: env.headings.filter((h) => h.level >= 2 && h.level <= 3),
    figures,
    codeCells,
    mathErrors,
  };
}

/** The chapter's title as plain text (for `<title>` and aria labels). */
export function plainTitle(chapter: Chapter): string {
  return escapeHtml(chapter.title.replace(/[`*_$\\]/g, ''));
}
