/**
 * Evaluating f(x, y) on a regular grid for contour, surface and decision-boundary plots: one
 * plain loop over a Float64Array (heavy loops belong in the library, not in notebook cells).
 */
import { checkFinite, checkInteger, expected } from '../util/validate';

/** An axis of a grid: `[min, max]` (with `DEFAULT_GRID_POINTS` points) or `[min, max, n]`. */
export type GridAxis = readonly [number, number] | readonly [number, number, number];

/** Points per axis when a `GridAxis` gives none. */
export const DEFAULT_GRID_POINTS = 101;

/** The values of f on a grid: `z[j][i] = f(x[i], y[j])` (rows follow y, as plotly expects). */
export interface Grid {
  x: number[];
  y: number[];
  /** Row-major values, `values[j * x.length + i] = f(x[i], y[j])`. */
  values: Float64Array;
  min: number;
  max: number;
}

/** n evenly spaced numbers from min to max, both included. */
export function linspace(min: number, max: number, n: number): number[] {
  const out = new Array<number>(n);
  if (n === 1) {
    out[0] = (min + max) / 2;
    return out;
  }
  const step = (max - min) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? max : min + i * step;
  return out;
}

/** The coordinates of a `GridAxis`, or a clear error naming the argument. */
export function axisPoints(where: string, name: string, spec: unknown): number[] {
  const what = '[min, max] or [min, max, n] with min < max and an integer n >= 2';
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 3)) {
    throw new TypeError(expected(where, name, what, spec));
  }
  const min = checkFinite(where, `${name}[0]`, spec[0]);
  const max = checkFinite(where, `${name}[1]`, spec[1]);
  if (!(min < max)) throw new RangeError(expected(where, name, what, spec));
  const n = spec.length === 3 ? checkInteger(where, `${name}[2]`, spec[2], 2) : DEFAULT_GRID_POINTS;
  return linspace(min, max, n);
}

/** f on the grid x × y. Non-finite values are kept (plotly leaves them blank). */
export function evaluateGrid(where: string, f: unknown, xs: number[], ys: number[]): Grid {
  if (typeof f !== 'function') throw new TypeError(expected(where, 'f', 'a function (x, y) => number', f));
  const fn = f as (x: number, y: number) => unknown;
  const nx = xs.length;
  const ny = ys.length;
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < ny; j++) {
    const y = ys[j];
    for (let i = 0; i < nx; i++) {
      const v = fn(xs[i], y);
      if (typeof v !== 'number') {
        throw new TypeError(`${where}: f must return numbers, returned ${typeof v} at (${xs[i]}, ${y})`);
      }
      values[j * nx + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { x: xs, y: ys, values, min, max };
}

/** A grid from given values: rows `z[j][i]` or a flat row-major array of nx·ny numbers. */
export function gridFromValues(where: string, z: unknown, xs: number[], ys: number[]): Grid {
  const nx = xs.length;
  const ny = ys.length;
  const values = new Float64Array(nx * ny);
  if (Array.isArray(z) && z.length > 0 && Array.isArray(z[0])) {
    if (z.length !== ny) throw new RangeError(expected(where, 'grid', `${ny} rows (one per y)`, z));
    z.forEach((row: unknown, j: number) => {
      if (!Array.isArray(row) || row.length !== nx) {
        throw new RangeError(expected(where, `grid[${j}]`, `a row of ${nx} numbers (one per x)`, row));
      }
      for (let i = 0; i < nx; i++) {
        const v: unknown = row[i];
        if (typeof v !== 'number') throw new TypeError(expected(where, `grid[${j}][${i}]`, 'a number', v));
        values[j * nx + i] = v;
      }
    });
  } else if ((Array.isArray(z) || z instanceof Float64Array) && (z as ArrayLike<number>).length === nx * ny) {
    const flat = z as ArrayLike<unknown>;
    for (let k = 0; k < flat.length; k++) {
      const v = flat[k];
      if (typeof v !== 'number') throw new TypeError(expected(where, `grid[${k}]`, 'a number', v));
      values[k] = v;
    }
  } else {
    throw new TypeError(
      expected(where, 'grid', `rows z[j][i] (${ny} × ${nx}) or a flat array of ${nx * ny} numbers`, z),
    );
  }
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { x: xs, y: ys, values, min, max };
}

/** The grid values as plotly rows (plain arrays), after an optional transform of each value. */
export function gridRows(grid: Grid, transform?: (v: number) => number): (number | null)[][] {
  const nx = grid.x.length;
  const rows: (number | null)[][] = [];
  for (let j = 0; j < grid.y.length; j++) {
    const row = new Array<number | null>(nx);
    for (let i = 0; i < nx; i++) {
      const v = grid.values[j * nx + i];
      const t = transform === undefined ? v : transform(v);
      row[i] = Number.isFinite(t) ? t : null;
    }
    rows.push(row);
  }
  return rows;
}
