/**
 * Plotly figures in notebooks, offline: `plotSetup()` once per notebook (setup.ts), then
 * `show(figure)`. Each `show` sends one output with three formats:
 * - `application/vnd.plotly.v1+json`: the figure itself (VS Code and the book draw it);
 * - `text/html`: a div and a script that draws it with `window.Plotly` (JupyterLab, classic
 *   Notebook), waiting for the setup output if it renders later, saying what to do if never; the
 *   div is labelled with the figure's description for screen readers;
 * - `text/plain`: the figure's description (describe.ts: title, axes, what each trace shows) —
 *   what terminals, nbconvert to text and screen readers get; the PNG fallback's alt too.
 * Nothing here needs Node: the book's browser worker bundles this file.
 */
import { describeFigure } from './describe';
import { displayBundle, escapeHtml } from './display';

/** A plotly trace: `{ type: 'scatter', x, y, mode: 'lines', name }`. Arrays may be typed arrays or tensors. */
export interface Trace {
  type?: string;
  name?: string;
  [key: string]: unknown;
}

/** A plotly figure. */
export interface Figure {
  data: Trace[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export interface ShowOptions {
  /** Height in pixels (the width follows the notebook). */
  height?: number;
}

/** The mime type of plotly figures (the one plotly.py and VS Code use). */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
/** Default figure height in pixels. */
export const DEFAULT_PLOT_HEIGHT = 420;
/** Layout applied under the figure's own layout. */
export const DEFAULT_LAYOUT: Record<string, unknown> = { margin: { l: 60, r: 30, t: 50, b: 50 } };
/** Plotly config applied under the figure's own config (no logo, no link to plotly's cloud). */
export const DEFAULT_CONFIG: Record<string, unknown> = { responsive: true, displaylogo: false, showLink: false };

let counter = 0;

/** Plain JSON data: typed arrays and tensors (anything with `toArray()` and `shape`) become arrays. */
export function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (v !== null && typeof v === 'object' && 'shape' in v && typeof (v as { toArray?: unknown }).toArray === 'function') {
      return (v as unknown as { toArray(): unknown }).toArray();
    }
    return v;
  }));
}

/** JSON that can sit inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}


/** The figure as it is sent: plain arrays, the kit's default layout and config underneath. */
export function normalizeFigure(figure: Figure | Trace[], options: ShowOptions = {}): Figure {
  const fig = Array.isArray(figure) ? { data: figure } : figure;
  if (fig === null || typeof fig !== 'object' || !Array.isArray(fig.data)) {
    throw new TypeError(`show: figure must be { data: Trace[], layout?, config? } or an array of traces, received ${fig === null ? 'null' : typeof fig}`);
  }
  const height = options.height ?? (fig.layout?.height as number | undefined) ?? DEFAULT_PLOT_HEIGHT;
  if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0) {
    throw new RangeError(`show: options.height must be a positive number of pixels, received ${String(height)}`);
  }
  return toPlain({
    data: fig.data,
    layout: { ...DEFAULT_LAYOUT, ...(fig.layout ?? {}), height },
    config: { ...DEFAULT_CONFIG, ...(fig.config ?? {}) },
  }) as Figure;
}

/** The text/html of a figure: draws with window.Plotly once the setup output defined it. */
export function figureHtml(fig: Figure, id: string, description = describeFigure(fig).text): string {
  const height = fig.layout?.height as number;
  return `<div id="${id}" class="descent-plot" role="figure" aria-label="${escapeHtml(description)}" style="width:100%;min-height:${height}px">`
    + `<p class="descent-plot-wait" style="color:#888;font:13px sans-serif">Drawing… (if this stays, run the <code>plotSetup()</code> cell)</p></div>\n`
    + `<script type="text/javascript">(function () {\n`
    + `  var fig = ${scriptJson(fig)};\n`
    + `  function draw() { var el = document.getElementById(${JSON.stringify(id)}); if (!el) return;\n`
    + `    el.innerHTML = ''; window.Plotly.newPlot(el, fig.data, fig.layout, fig.config); }\n`
    + `  if (window.Plotly) { draw(); return; }\n`
    + `  var tries = 0, timer = setInterval(function () {\n`
    + `    if (window.Plotly) { clearInterval(timer); draw(); } else if (++tries > 200) { clearInterval(timer); }\n`
    + `  }, 50);\n`
    + `})();</script>`;
}

/** The output bundle `show` sends (exported for tests and the book). */
export function figureBundle(figure: Figure | Trace[], options: ShowOptions = {}): Record<string, unknown> {
  const fig = normalizeFigure(figure, options);
  const id = `descent-plot-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${++counter}`;
  const description = describeFigure(fig).text;
  return {
    [PLOTLY_MIME]: fig,
    'text/html': figureHtml(fig, id, description),
    'text/plain': description,
  };
}

/** Shows a plotly figure in the notebook (run `plotSetup()` once before, in its own cell). */
export function show(figure: Figure | Trace[], options: ShowOptions = {}): void {
  displayBundle(figureBundle(figure, options));
}
