/**
 * A code cell's outputs → HTML. Plotly figures (`application/vnd.plotly.v1+json`) become a
 * placeholder plus their JSON, drawn in the page by `assets/book.js` with the book's local
 * plotly.js, captioned with their description (describe.ts: title, axes, what each trace shows)
 * and their data as tables in a disclosure; `plotSetup()`'s output (plotly.js inlined into the
 * notebook) is dropped, since the book loads plotly.js once per page itself. Then images, HTML
 * (tables, grader reports; math typeset), Markdown, LaTeX and plain text, in that order of
 * preference. The same code renders the live editor's outputs in the page (no Node here).
 */
import type { IOutput } from '@jupyterlab/nbformat';
import { describeFigure, type DataTable } from '../notebooks/helpers/describe';
import { escapeHtml } from '../notebooks/helpers/escape';
import { PLOTLY_MIME } from '../notebooks/helpers/plot';
import { renderTex, typesetHtml } from './tex';
import { CATALOGUES, fill, type Catalogue } from './lang';

export { PLOTLY_MIME };
/** The output metadata flag of `plotSetup()`. */
export const PLOT_SETUP_FLAG = 'descent/plot-setup';

/** Renders Markdown (markdown-it at build time; absent in the live page, where text/plain is used instead). */
export interface MarkdownRenderer {
  render(source: string, env: Record<string | symbol, unknown>): string;
}

/** What rendering a page's outputs needs and collects. */
export interface OutputContext {
  md?: MarkdownRenderer;
  env: Record<string | symbol, unknown> & { headings?: unknown[] };
  /** Figures on the page so far (numbers the placeholders). */
  figures: number;
  /** Prefix of the figures' element ids (the live page's outputs use their own). */
  idPrefix?: string;
  /** The page language's words (default English): the figures' fixed words. */
  words?: Catalogue;
}

type Bundle = Record<string, unknown>;

function text(value: unknown): string {
  if (Array.isArray(value)) return value.join('');
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

/** Removes terminal colour codes (tslab's error messages, some logs). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** JSON that can sit inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The data behind a figure as HTML tables (header cells, a caption, a note on sampling). */
export function dataTables(tables: readonly DataTable[], words: Catalogue = CATALOGUES.en): string {
  return tables.map((t) => `<div class="figure-table" tabindex="0" role="region" aria-label="${escapeHtml(fill(words.page.figureTable, { caption: t.caption }))}"><table>`
    + `<caption>${escapeHtml(t.caption)}${t.note ? ` <span class="figure-table-note">(${escapeHtml(t.note)})</span>` : ''}</caption>`
    + `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`
    + `<tbody>${t.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('')}</tbody>`
    + '</table></div>').join('');
}

function figure(data: unknown, ctx: OutputContext): string {
  const id = `${ctx.idPrefix ?? ''}figure-${++ctx.figures}`;
  const fig = (typeof data === 'string' ? JSON.parse(data) : data) as { data?: unknown; layout?: { height?: number } };
  const height = typeof fig.layout?.height === 'number' ? fig.layout.height : 420;
  const described = describeFigure(fig);
  const words = ctx.words ?? CATALOGUES.en;
  const n = described.tables.length;
  return `<figure class="plot-figure" aria-labelledby="${id}-description">`
    + `<div class="plot" id="${id}" style="min-height:${height}px"><noscript><p class="plot-missing">${words.page.figureNoScript}</p></noscript></div>`
    + `<figcaption class="figure-caption"><p class="figure-description" id="${id}-description">${escapeHtml(described.text)}</p>`
    + (n > 0 ? `<details class="figure-data"><summary>${fill(n === 1 ? words.page.figureData : words.page.figureDataMany, { n })}</summary>${dataTables(described.tables, words)}</details>` : '')
    + `</figcaption><script type="application/json" data-figure="${id}">${scriptJson(fig)}</script></figure>`;
}

function image(mime: string, data: string, alt: string, words: Catalogue): string {
  const src = mime === 'image/svg+xml'
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}`
    : `data:${mime};base64,${data.replace(/\s+/g, '')}`;
  return `<img class="output-image" src="${src}" alt="${escapeHtml(alt || words.page.image)}">`;
}

function latex(source: string, words: Catalogue): string {
  const body = source.trim().replace(/^\$\$([\s\S]*)\$\$$/, '$1').replace(/^\\\[([\s\S]*)\\\]$/, '$1').replace(/^\$([\s\S]*)\$$/, '$1');
  return `<div class="output-latex">${renderTex(body, true, words)}</div>`;
}

/** One rich output (display_data / execute_result), or '' when it has nothing the book shows. */
export function renderBundle(data: Bundle, metadata: Bundle | undefined, ctx: OutputContext): string {
  if (metadata?.[PLOT_SETUP_FLAG]) return '';
  const plain = text(data['text/plain']);
  if (data[PLOTLY_MIME] !== undefined) return figure(data[PLOTLY_MIME], ctx);
  for (const mime of ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']) {
    if (typeof data[mime] === 'string' || Array.isArray(data[mime])) return image(mime, text(data[mime]), plain, ctx.words ?? CATALOGUES.en);
  }
  if (data['text/html'] !== undefined) return `<div class="output-html">${typesetHtml(text(data['text/html']), ctx.words)}</div>`;
  if (data['text/markdown'] !== undefined && ctx.md) return `<div class="output-markdown">${ctx.md.render(text(data['text/markdown']), { ...ctx.env, headings: [] })}</div>`;
  if (data['text/latex'] !== undefined) return latex(text(data['text/latex']), ctx.words ?? CATALOGUES.en);
  if (data['text/plain'] !== undefined) return `<pre class="output-text" tabindex="0">${escapeHtml(stripAnsi(plain))}</pre>`;
  return '';
}

/** All outputs of a cell; consecutive stream outputs of the same stream are merged. */
export function renderOutputs(outputs: readonly IOutput[], ctx: OutputContext): string {
  const html: string[] = [];
  let stream: { name: string; text: string } | null = null;
  const flush = (): void => {
    if (stream && stream.text !== '') {
      html.push(`<pre class="output-stream${stream.name === 'stderr' ? ' stderr' : ''}" tabindex="0">${escapeHtml(stripAnsi(stream.text))}</pre>`);
    }
    stream = null;
  };
  for (const out of outputs) {
    if (out.output_type === 'stream') {
      const name = String(out.name);
      if (stream && stream.name !== name) flush();
      stream = stream ?? { name, text: '' };
      stream.text += text(out.text);
      continue;
    }
    flush();
    if (out.output_type === 'display_data' || out.output_type === 'execute_result') {
      const rendered = renderBundle((out.data ?? {}) as Bundle, out.metadata as Bundle | undefined, ctx);
      if (rendered) html.push(rendered);
    } else if (out.output_type === 'error') {
      const trace = Array.isArray(out.traceback) ? (out.traceback as string[]).join('\n') : '';
      const head = [out.ename, out.evalue].filter((s) => typeof s === 'string' && s !== '').join(': ');
      html.push(`<pre class="output-error" tabindex="0">${escapeHtml(stripAnsi(trace || head || 'Error'))}</pre>`);
    }
  }
  flush();
  return html.join('\n');
}
