/**
 * Grouped bars (chapter 01-mse: each example's pull on the fit under the MSE and the MAE). Bar
 * series k has the k-th colour and the k-th fill pattern, so the groups differ without colour.
 */
import { expected } from '../util/validate';
import { applyAxisOptions, AXIS_OPTION_NAMES } from './axes';
import type { AxisOptions } from './axes';
import { baseLayout, checkFigureOptions, toPlain } from './figure';
import type { Figure, FigureOptions, Trace } from './figure';
import { seriesStyle } from './style';

/** One group of bars: heights `y` at positions `x` (default 0, 1, 2, …). */
export interface BarSeries {
  name: string;
  y: ArrayLike<number>;
  x?: ArrayLike<number> | readonly string[];
}

export type BarOptions = FigureOptions & AxisOptions;

/** `barFigure([{ name: 'MSE', y: pulls }, { name: 'MAE', y: others }], { title, xLabel, yLabel })`. */
export function barFigure(series: readonly BarSeries[], options: BarOptions = {}): Figure {
  const where = 'barFigure';
  const c = checkFigureOptions(where, options, AXIS_OPTION_NAMES);
  if (!Array.isArray(series) || series.length === 0) {
    throw new TypeError(expected(where, 'series', 'a non-empty array of { name, y }', series));
  }
  const data: Trace[] = series.map((s: unknown, k: number) => {
    if (s === null || typeof s !== 'object') throw new TypeError(expected(where, `series[${k}]`, 'an object { name, y }', s));
    const { name, x, y } = s as BarSeries;
    if (typeof name !== 'string') throw new TypeError(expected(where, `series[${k}].name`, 'a string', name));
    const ys = toPlain(where, `series[${k}].y`, y);
    const xs = x === undefined ? ys.map((_, i) => i) : Array.from(x as ArrayLike<number | string>);
    if (xs.length !== ys.length) {
      throw new RangeError(`${where}: series[${k}].x and .y must have the same length, received ${xs.length} and ${ys.length}`);
    }
    const style = seriesStyle(k);
    return {
      type: 'bar',
      name,
      x: xs,
      y: ys,
      marker: { color: style.color, line: { color: style.color, width: 1 }, pattern: { shape: style.pattern, fgcolor: c.background } },
    };
  });
  const layout = baseLayout(options, { title: '', xLabel: 'x', yLabel: 'y' }, c);
  layout.barmode = 'group';
  applyAxisOptions(where, layout, options, c);
  return { data, layout };
}
