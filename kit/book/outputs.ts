/**
 * A code cell's outputs → HTML. Plotly figures (`application/vnd.plotly.v1+json`) become a
 * placeholder plus their JSON, drawn in the page by `assets/book.js` with the book's local
 * plotly.js; `plotSetup()`'s output (plotly.js inlined into the notebook) is dropped, since the
 * book loads plotly.js once per page itself. Then images, HTML (tables, grader reports; math
 * typeset), Markdown, LaTeX and plain text, in that order of preference.
 */
import type { IOutput } from '@jupyterlab/nbformat';
import { escapeHtml, renderTex, typesetHtml, type Markdown, type PageEnv } from './markdown';

/** The mime type of plotly figures. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
/** The output metadata flag of `plotSetup()`. */
export const PLOT_SETUP_FLAG = 'descent/plot-setup';

/** What rendering a page's outputs needs and collects. */
export interface OutputContext {
  md: Markdown;
  env: PageEnv;
  /** Figures on the page so far (numbers the placeholders). */
  figures: number;
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

function figure(data: unknown, description: string, ctx: OutputContext): string {
  const id = `figure-${++ctx.figures}`;
  const fig = (typeof data === 'string' ? JSON.parse(data) : data) as { layout?: { height?: number } };
  const height = typeof fig.layout?.height === 'number' ? fig.layout.height : 420;
  const label = escapeHtml(description || 'Interactive plot');
  return `<figure class="plot-figure"><div class="plot" id="${id}" role="img" aria-label="${label}" style="min-height:${height}px">`
    + `<noscript>${label} (needs JavaScript)</noscript></div>`
    + `<script type="application/json" data-figure="${id}">${scriptJson(fig)}</script></figure>`;
}

function image(mime: string, data: string, alt: string): string {
  const src = mime === 'image/svg+xml'
    ? `data:image/svg+xml;base64,${Buffer.from(data, 'utf8').toString('base64')}`
    : `data:${mime};base64,${data.replace(/\s+/g, '')}`;
  return `<img class="output-image" src="${src}" alt="${escapeHtml(alt || 'Figure')}">`;
}

function latex(source: string): string {
  const body = source.trim().replace(/^\$\$([\s\S]*)\$\$$/, '$1').replace(/^\\\[([\s\S]*)\\\]$/, '$1').replace(/^\$([\s\S]*)\$$/, '$1');
  return `<div class="output-latex">${renderTex(body, true)}</div>`;
}

/** One rich output (display_data / execute_result), or '' when it has nothing the book shows. */
export function renderBundle(data: Bundle, metadata: Bundle | undefined, ctx: OutputContext): string {
  if (metadata?.[PLOT_SETUP_FLAG]) return '';
  const plain = text(data['text/plain']);
  if (data[PLOTLY_MIME] !== undefined) return figure(data[PLOTLY_MIME], plain, ctx);
  for (const mime of ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']) {
    if (typeof data[mime] === 'string' || Array.isArray(data[mime])) return image(mime, text(data[mime]), plain);
  }
  if (data['text/html'] !== undefined) return `<div class="output-html">${typesetHtml(text(data['text/html']))}</div>`;
  if (data['text/markdown'] !== undefined) return `<div class="output-markdown">${ctx.md.render(text(data['text/markdown']), { ...ctx.env, headings: [] })}</div>`;
  if (data['text/latex'] !== undefined) return latex(text(data['text/latex']));
  if (data['text/plain'] !== undefined) return `<pre class="output-text">${escapeHtml(stripAnsi(plain))}</pre>`;
  return '';
}

/** All outputs of a cell; consecutive stream outputs of the same stream are merged. */
export function renderOutputs(outputs: readonly IOutput[], ctx: OutputContext): string {
  const html: string[] = [];
  let stream: { name: string; text: string } | null = null;
  const flush = (): void => {
    if (stream && stream.text !== '') {
      html.push(`<pre class="output-stream${stream.name === 'stderr' ? ' stderr' : ''}">${escapeHtml(stripAnsi(stream.text))}</pre>`);
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
      html.push(`<pre class="output-error">${escapeHtml(stripAnsi(trace || head || 'Error'))}</pre>`);
    }
  }
  flush();
  return html.join('\n');
}
