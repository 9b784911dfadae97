/**
 * Plotly figures as plain JSON `{ data, layout }`: no DOM and no notebook dependency, so they can
 * be tested, saved, and shown by the kit's `show(figure)` helper in any front end. Every builder
 * takes the common options below; colours come from the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies), and a figure carries its theme's background, so it reads in light
 * and dark notebook themes alike.
 */
import { checkOptions, expected } from '../util/validate';

/** One plotly trace (`{ type: 'scatter', x, y, … }`), as plain JSON. */
export type Trace = { type: string } & Record<string, unknown>;
/** A plotly layout, as plain JSON. */
export type Layout = Record<string, unknown>;

/** A plotly figure as plain JSON: pass it to `show(figure)` or `Plotly.newPlot(el, fig.data, fig.layout)`. */
export interface Figure {
  data: Trace[];
  layout: Layout;
}

export type Theme = 'light' | 'dark';

/** Options every figure builder takes. */
export interface FigureOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** `'light'` (default) or `'dark'`: background, text and grid colours. */
  theme?: Theme;
  /** Size in pixels; plotly fills the output width when omitted. */
  width?: number;
  height?: number;
}

export const FIGURE_OPTION_NAMES: readonly string[] = ['title', 'xLabel', 'yLabel', 'theme', 'width', 'height'];

export const DEFAULT_THEME: Theme = 'light';
/** Height of a figure when none is given. */
export const DEFAULT_HEIGHT = 420;

/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), ordered for contrast on
 * both backgrounds: vermillion, blue, bluish green, orange, reddish purple, sky blue, yellow, then
 * the theme's neutral. Trace k uses `PALETTE[k % PALETTE.length]`.
 */
export const PALETTE: readonly string[] = Object.freeze([
  '#D55E00',
  '#0072B2',
  '#009E73',
  '#E69F00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
]);

/** Marker symbols per class, so classes differ by shape as well as colour. */
export const CLASS_SYMBOLS: readonly string[] = Object.freeze([
  'circle',
  'square',
  'diamond',
  'triangle-up',
  'x',
  'cross',
  'star',
]);

/** Background, text, grid and neutral colours of a theme. */
export const THEMES: Readonly<Record<Theme, Readonly<ThemeColours>>> = Object.freeze({
  light: Object.freeze({ background: '#ffffff', text: '#1f2933', grid: '#e4e7eb', axis: '#9aa5b1', neutral: '#3e4c59' }),
  dark: Object.freeze({ background: '#1a1d23', text: '#e4e7eb', grid: '#323842', axis: '#616e7c', neutral: '#cbd2d9' }),
});

export interface ThemeColours {
  background: string;
  text: string;
  grid: string;
  axis: string;
  neutral: string;
}

/** The colour of trace number `k`. */
export function colour(k: number): string {
  return PALETTE[((k % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Checks the common options (and the builder's own, listed in `extra`); returns the theme colours. */
export function checkFigureOptions(where: string, options: unknown, extra: readonly string[] = []): ThemeColours {
  checkOptions(where, options, [...FIGURE_OPTION_NAMES, ...extra]);
  const o = (options ?? {}) as FigureOptions;
  for (const key of ['title', 'xLabel', 'yLabel'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') throw new TypeError(expected(where, key, 'a string', o[key]));
  }
  for (const key of ['width', 'height'] as const) {
    const v = o[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 50)) {
      throw new RangeError(expected(where, key, 'a size in pixels >= 50', v));
    }
  }
  return themeColours(where, o.theme ?? DEFAULT_THEME);
}

export function themeColours(where: string, theme: unknown): ThemeColours {
  if (theme !== 'light' && theme !== 'dark') throw new TypeError(expected(where, 'theme', '"light" or "dark"', theme));
  return THEMES[theme];
}

/** An axis with the theme's colours. */
export function axis(title: string, c: ThemeColours, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: title },
    gridcolor: c.grid,
    zerolinecolor: c.axis,
    linecolor: c.axis,
    color: c.text,
    ...extra,
  };
}

/** The layout every 2-D figure starts from. */
export function baseLayout(
  options: FigureOptions | undefined,
  defaults: { title: string; xLabel: string; yLabel: string },
  c: ThemeColours,
): Layout {
  const o = options ?? {};
  const layout: Layout = {
    title: { text: o.title ?? defaults.title },
    xaxis: axis(o.xLabel ?? defaults.xLabel, c),
    yaxis: axis(o.yLabel ?? defaults.yLabel, c),
    paper_bgcolor: c.background,
    plot_bgcolor: c.background,
    font: { color: c.text, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 13 },
    legend: { bgcolor: 'rgba(0,0,0,0)' },
    margin: { l: 64, r: 24, t: 56, b: 56 },
    height: o.height ?? DEFAULT_HEIGHT,
  };
  if (o.width !== undefined) layout.width = o.width;
  return layout;
}

/**
 * The same figure in another theme: backgrounds, text, grid and axis colours swapped (trace
 * colours stay, as the palette reads on both). For a `show` helper that follows the notebook theme.
 */
export function withTheme(figure: Figure, theme: Theme): Figure {
  const c = themeColours('withTheme', theme);
  const from = figure.layout.paper_bgcolor === THEMES.dark.background ? THEMES.dark : THEMES.light;
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') {
      for (const key of Object.keys(from) as (keyof ThemeColours)[]) if (value === from[key]) return c[key];
      return value;
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = swap(v);
      return out;
    }
    return value;
  };
  return { data: figure.data.map((t) => swap(t) as Trace), layout: swap(figure.layout) as Layout };
}

/** Plain numbers from a number[] or typed array (plotly JSON must not hold typed arrays). */
export function toPlain(where: string, name: string, values: unknown): number[] {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new TypeError(expected(where, name, 'an array of numbers', values));
  }
  const arr = values as ArrayLike<unknown>;
  const out = new Array<number>(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number') throw new TypeError(expected(where, `${name}[${i}]`, 'a number', v));
    out[i] = v;
  }
  return out;
}
