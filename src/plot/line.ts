/**
 * Curves: `lineFigure` for functions and series (chapter 01-mse plots e, |e| and e²; chapter
 * 02-cross-entropy the −log p curve and the saturating gradients) and `lossCurves` for training
 * logs (chapters 04-minibatch, 07-optimizers, 08-training). Series k is drawn in the k-th colour,
 * dash and marker symbol of `seriesStyle`, so curves differ without colour too.
 */
import { checkBoolean, checkFinite, checkInteger, expected } from '../util/validate';
import { applyAxisOptions, AXIS_OPTION_NAMES } from './axes';
import type { AxisOptions } from './axes';
import { baseLayout, checkFigureOptions, toPlain } from './figure';
import type { Figure, FigureOptions, Trace } from './figure';
import { axisPoints } from './grid';
import type { GridAxis } from './grid';
import { DASHES, seriesStyle } from './style';

/** One curve: data `{ x?, y }` (x defaults to 0, 1, 2, …) or a function `{ f }` sampled on `options.x`. */
export interface LineSeries {
  name?: string;
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  f?: (x: number) => number;
  /** The dash pattern (default: the series' own, see `seriesStyle`). */
  dash?: 'solid' | 'dash' | 'dot' | 'dashdot' | 'longdash' | 'longdashdot';
  mode?: 'lines' | 'markers' | 'lines+markers';
  /**
   * Draw in the colour and marker of series number `style` instead of its own position, e.g. to
   * pair a measured series (markers) with its prediction (a dashed line) in one colour.
   */
  style?: number;
  /** Show the series in the legend (default true). */
  legend?: boolean;
  /**
   * A reference curve (the loss under a path, a bound): drawn thin, solid and in the theme's
   * neutral grey, so the compared series stand out against it. It does not use up a style.
   */
  reference?: boolean;
}

export interface LineOptions extends FigureOptions, AxisOptions {
  /** Where `{ f }` series are sampled: `[min, max]` or `[min, max, n]`. */
  x?: GridAxis;
}

const LINE_OPTIONS = ['x', ...AXIS_OPTION_NAMES];
const MODES = ['lines', 'markers', 'lines+markers'];
const SERIES_KEYS = ['name', 'x', 'y', 'f', 'dash', 'mode', 'style', 'legend', 'reference'];

/**
 * Curves in one figure, e.g.
 * `lineFigure([{ name: '|e|', f: Math.abs }, { name: 'e²', f: (e) => e * e }], { x: [-3, 3] })`.
 */
export function lineFigure(series: LineSeries | readonly LineSeries[], options: LineOptions = {}): Figure {
  const where = 'lineFigure';
  const c = checkFigureOptions(where, options, LINE_OPTIONS);
  const list: readonly unknown[] = Array.isArray(series) ? series : [series];
  if (series === null || typeof series !== 'object' || list.length === 0) {
    throw new TypeError(expected(where, 'series', 'a series { name, x, y } or { name, f }, or a non-empty array of them', series));
  }
  const sampleAt = options.x === undefined ? undefined : axisPoints(where, 'options.x', options.x);
  let styled = 0;
  const data: Trace[] = list.map((s: unknown, k: number) => {
    const name = `series[${k}]`;
    if (s === null || typeof s !== 'object' || Array.isArray(s)) {
      throw new TypeError(expected(where, name, 'an object { name, x, y } or { name, f }', s));
    }
    const unknown = Object.keys(s).find((key) => !SERIES_KEYS.includes(key));
    if (unknown !== undefined) {
      throw new TypeError(`${where}: ${name} has an unknown key ${JSON.stringify(unknown)}; expected one of ${SERIES_KEYS.join(', ')}`);
    }
    const ser = s as LineSeries;
    let xs: number[];
    let ys: number[];
    if (ser.f !== undefined) {
      if (typeof ser.f !== 'function') throw new TypeError(expected(where, `${name}.f`, 'a function x => number', ser.f));
      if (ser.y !== undefined) throw new TypeError(`${where}: ${name} must give f or y, not both`);
      const at = ser.x !== undefined ? toPlain(where, `${name}.x`, ser.x) : sampleAt;
      if (at === undefined) {
        throw new TypeError(`${where}: ${name} is a function; give options.x = [min, max] (or ${name}.x) to sample it`);
      }
      xs = at;
      ys = sampleFunction(where, `${name}.f`, ser.f, at);
    } else {
      if (ser.y === undefined) throw new TypeError(`${where}: ${name} must give y (data) or f (a function)`);
      ys = toPlain(where, `${name}.y`, ser.y);
      xs = ser.x === undefined ? ys.map((_, i) => i) : toPlain(where, `${name}.x`, ser.x);
      if (xs.length !== ys.length) {
        throw new RangeError(`${where}: ${name}.x and ${name}.y must have the same length, received ${xs.length} and ${ys.length}`);
      }
    }
    if (ser.name !== undefined && typeof ser.name !== 'string') {
      throw new TypeError(expected(where, `${name}.name`, 'a string', ser.name));
    }
    const reference = checkBoolean(where, `${name}.reference`, ser.reference ?? false);
    const style = seriesStyle(ser.style === undefined ? styled : checkInteger(where, `${name}.style`, ser.style, 0));
    if (!reference && ser.style === undefined) styled++;
    const dash = ser.dash ?? (reference ? 'solid' : style.dash);
    if (!DASHES.includes(dash)) throw new TypeError(expected(where, `${name}.dash`, `one of ${DASHES.join(', ')}`, dash));
    const mode = ser.mode ?? 'lines';
    if (!MODES.includes(mode)) throw new TypeError(expected(where, `${name}.mode`, `one of ${MODES.join(', ')}`, mode));
    const trace: Trace = {
      type: 'scatter',
      mode,
      name: ser.name ?? `series ${k + 1}`,
      x: xs,
      y: ys.map(finiteOrNull),
      line: { color: reference ? c.axis : style.color, width: reference ? 1.8 : 2.5, dash },
      marker: { color: reference ? c.axis : style.color, size: 7, symbol: style.symbol },
    };
    if (!checkBoolean(where, `${name}.legend`, ser.legend ?? true)) trace.showlegend = false;
    return trace;
  });
  const layout = baseLayout(options, { title: '', xLabel: 'x', yLabel: 'y' }, c);
  applyAxisOptions(where, layout, options, c);
  return { data, layout };
}

function sampleFunction(where: string, name: string, f: (x: number) => number, xs: number[]): number[] {
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const v: unknown = f(xs[i]);
    if (typeof v !== 'number') throw new TypeError(`${where}: ${name} must return numbers, returned ${typeof v} at x = ${xs[i]}`);
    out[i] = v;
  }
  return out;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Losses of one run: a plain array (x = xStart, xStart + 1, …) or `{ x, y }`. */
export type LossCurve = ArrayLike<number> | { x: ArrayLike<number>; y: ArrayLike<number> };

export interface LossCurvesOptions extends FigureOptions, AxisOptions {
  /** The x of the first loss of a plain array (default 1: the loss after epoch 1). */
  xStart?: number;
}

const LOSS_OPTIONS = ['xStart', ...AXIS_OPTION_NAMES];

/**
 * Loss curves, one per run: `lossCurves({ train: trainLosses, test: testLosses })`, or an array of
 * `{ name, losses }` such as the results of `compareOptimizers`. Non-finite losses (divergence)
 * leave gaps.
 */
export function lossCurves(
  curves: Readonly<Record<string, LossCurve>> | readonly { name: string; losses: ArrayLike<number> }[],
  options: LossCurvesOptions = {},
): Figure {
  const where = 'lossCurves';
  const c = checkFigureOptions(where, options, LOSS_OPTIONS);
  const xStart = checkFinite(where, 'xStart', options.xStart ?? 1);
  let entries: [string, unknown][];
  if (Array.isArray(curves)) {
    entries = curves.map((run: unknown, k: number) => {
      const { name, losses } = (run ?? {}) as { name?: unknown; losses?: unknown };
      if (typeof name !== 'string') throw new TypeError(expected(where, `curves[${k}].name`, 'a string', name));
      return [name, losses];
    });
  } else if (curves !== null && typeof curves === 'object') {
    entries = Object.entries(curves as Record<string, unknown>);
  } else {
    throw new TypeError(expected(where, 'curves', 'an object { name: losses } or an array of { name, losses }', curves));
  }
  if (entries.length === 0) throw new RangeError(expected(where, 'curves', 'at least one curve', curves));
  const data: Trace[] = entries.map(([name, curve], k) => {
    let xs: number[];
    let ys: number[];
    if (curve !== null && typeof curve === 'object' && !Array.isArray(curve) && !ArrayBuffer.isView(curve)) {
      const { x, y } = curve as { x?: unknown; y?: unknown };
      xs = toPlain(where, `curves.${name}.x`, x);
      ys = toPlain(where, `curves.${name}.y`, y);
      if (xs.length !== ys.length) {
        throw new RangeError(`${where}: curves.${name}.x and .y must have the same length, received ${xs.length} and ${ys.length}`);
      }
    } else {
      ys = toPlain(where, `curves.${name}`, curve);
      xs = ys.map((_, i) => xStart + i);
    }
    const style = seriesStyle(k);
    return {
      type: 'scatter',
      mode: ys.length === 1 ? 'markers' : 'lines',
      name,
      x: xs,
      y: ys.map(finiteOrNull),
      line: { color: style.color, width: 2.5, dash: style.dash },
      marker: { color: style.color, size: 7, symbol: style.symbol },
    };
  });
  const layout = baseLayout(options, { title: 'Loss', xLabel: 'epoch', yLabel: 'loss' }, c);
  applyAxisOptions(where, layout, options, c);
  layout.hovermode = 'x unified';
  return { data, layout };
}
