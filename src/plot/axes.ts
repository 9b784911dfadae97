/**
 * Axis options shared by the 2-D builders (`lineFigure`, `lossCurves`, `barFigure`): logarithmic
 * axes (powers of ten written as 10⁻³), fixed ranges, and guides — labelled reference lines such
 * as a stability bound η = 2/λ_max or the level 1 of a convergence factor.
 */
import { checkBoolean, checkFinite, expected } from '../util/validate';
import type { Layout, ThemeColours } from './figure';

/** A labelled vertical (`x`) or horizontal (`y`) reference line. */
export interface Guide {
  /** Draw a vertical line at this x … */
  x?: number;
  /** … or a horizontal line at this y. */
  y?: number;
  /** Text written next to the line (it also names the line for readers of the text description). */
  label?: string;
}

export interface AxisOptions {
  /** A logarithmic x axis. */
  logX?: boolean;
  /** A logarithmic y axis. */
  logY?: boolean;
  /** The x range shown, `[min, max]` in data units (also on a log axis). */
  xRange?: readonly [number, number];
  /** The y range shown, `[min, max]` in data units (also on a log axis). */
  yRange?: readonly [number, number];
  /** Reference lines, e.g. `[{ x: 0.2, label: '2/λmax' }, { y: 1 }]`. */
  guides?: readonly Guide[];
}

export const AXIS_OPTION_NAMES: readonly string[] = ['logX', 'logY', 'xRange', 'yRange', 'guides'];

/** Applies the axis options to a layout whose `xaxis` and `yaxis` exist. */
export function applyAxisOptions(where: string, layout: Layout, options: AxisOptions, c: ThemeColours): void {
  const logs = { x: false, y: false };
  for (const a of ['x', 'y'] as const) {
    const axis = layout[`${a}axis`] as Record<string, unknown>;
    const log = checkBoolean(where, `log${a.toUpperCase()}`, options[a === 'x' ? 'logX' : 'logY'] ?? false);
    if (log) Object.assign(axis, { type: 'log', exponentformat: 'power' });
    logs[a] = log;
    const range = options[a === 'x' ? 'xRange' : 'yRange'];
    if (range !== undefined) axis.range = checkRange(where, `${a}Range`, range, log);
  }
  const guides = options.guides;
  if (guides === undefined) return;
  if (!Array.isArray(guides)) throw new TypeError(expected(where, 'guides', 'an array of { x } or { y } lines', guides));
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  guides.forEach((g: unknown, k: number) => {
    const name = `guides[${k}]`;
    if (g === null || typeof g !== 'object') throw new TypeError(expected(where, name, 'an object { x } or { y }', g));
    const { x, y, label } = g as Guide;
    if ((x === undefined) === (y === undefined)) throw new TypeError(expected(where, name, 'exactly one of x and y', g));
    if (label !== undefined && typeof label !== 'string') throw new TypeError(expected(where, `${name}.label`, 'a string', label));
    const line = { color: c.neutral, dash: 'dot', width: 1.5 };
    const note = { showarrow: false, bgcolor: c.background, font: { color: c.text, size: 12 } };
    if (x !== undefined) {
      const at = checkFinite(where, `${name}.x`, x);
      shapes.push({ type: 'line', x0: at, x1: at, yref: 'paper', y0: 0, y1: 1, line });
      // Annotations on a log axis take log10 of the position (shapes take data values).
      if (label) {
        const ax = logs.x ? Math.log10(at) : at;
        annotations.push({ ...note, x: ax, yref: 'paper', y: 0.98, yanchor: 'top', xanchor: 'left', xshift: 4, text: label });
      }
    } else {
      const at = checkFinite(where, `${name}.y`, y);
      shapes.push({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: at, y1: at, line });
      if (label) {
        const ay = logs.y ? Math.log10(at) : at;
        annotations.push({ ...note, xref: 'paper', x: 0.99, xanchor: 'right', y: ay, yanchor: 'bottom', text: label });
      }
    }
  });
  layout.shapes = [...((layout.shapes as unknown[]) ?? []), ...shapes];
  layout.annotations = [...((layout.annotations as unknown[]) ?? []), ...annotations];
}

function checkRange(where: string, name: string, range: unknown, log: boolean): [number, number] {
  const what = log ? '[min, max] with 0 < min < max' : '[min, max] with min < max';
  if (!Array.isArray(range) || range.length !== 2) throw new TypeError(expected(where, name, what, range));
  const lo = checkFinite(where, `${name}[0]`, range[0]);
  const hi = checkFinite(where, `${name}[1]`, range[1]);
  if (!(lo < hi) || (log && !(lo > 0))) throw new RangeError(expected(where, name, what, range));
  // plotly gives a log axis its range in log10 units.
  return log ? [Math.log10(lo), Math.log10(hi)] : [lo, hi];
}
