/**
 * Labelled points in the plane, one colour and marker shape per class (chapters 02-cross-entropy
 * and 08-training: blobs, moons, spirals).
 */
import { expected } from '../util/validate';
import { baseLayout, checkFigureOptions, CLASS_SYMBOLS, colour } from './figure';
import type { Figure, FigureOptions, ThemeColours, Trace } from './figure';
import { classLabels, coordinates } from './points';
import type { Labels, Points2D } from './points';

/** Points and optional class labels; a data set `{ X, y }` from `src/data` fits as it is. */
export interface LabelledPoints {
  X: Points2D;
  y?: Labels;
}

export interface ScatterOptions extends FigureOptions {
  /** Legend names of the classes (default `class 0`, `class 1`, …). */
  classNames?: readonly string[];
}

const SCATTER_OPTIONS = ['classNames'];

/** A scatter plot of `data.X` coloured by `data.y`: `scatterFigure(spirals())`. */
export function scatterFigure(data: LabelledPoints, options: ScatterOptions = {}): Figure {
  const where = 'scatterFigure';
  const c = checkFigureOptions(where, options, SCATTER_OPTIONS);
  const { traces } = classTraces(where, data, options.classNames, c);
  return { data: traces, layout: baseLayout(options, { title: '', xLabel: 'x₁', yLabel: 'x₂' }, c) };
}

/** One scatter trace per class (shared with `decisionBoundary`). */
export function classTraces(
  where: string,
  data: unknown,
  classNames: unknown,
  c: ThemeColours,
): { traces: Trace[]; classes: number } {
  if (data === null || typeof data !== 'object' || !('X' in data)) {
    throw new TypeError(expected(where, 'data', 'an object { X, y } (X of shape [N, 2], y class labels)', data));
  }
  const { X, y } = data as { X: unknown; y?: unknown };
  const { xs, ys } = coordinates(where, 'data.X', X);
  const labels = y === undefined ? xs.map(() => 0) : classLabels(where, 'data.y', y, xs.length);
  const count = labels.reduce((m, v) => Math.max(m, v + 1), 0);
  if (classNames !== undefined) {
    if (!Array.isArray(classNames) || classNames.some((n) => typeof n !== 'string')) {
      throw new TypeError(expected(where, 'classNames', 'an array of strings', classNames));
    }
    if (classNames.length < count) {
      throw new RangeError(`${where}: classNames must name all ${count} classes, received ${classNames.length} names`);
    }
  }
  const names = classNames as string[] | undefined;
  const traces: Trace[] = [];
  for (let k = 0; k < count; k++) {
    const px: number[] = [];
    const py: number[] = [];
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === k) {
        px.push(xs[i]);
        py.push(ys[i]);
      }
    }
    if (px.length === 0) continue;
    traces.push({
      type: 'scatter',
      mode: 'markers',
      name: names?.[k] ?? (y === undefined ? 'points' : `class ${k}`),
      x: px,
      y: py,
      marker: {
        color: colour(k),
        symbol: CLASS_SYMBOLS[k % CLASS_SYMBOLS.length],
        size: 7,
        line: { color: c.background, width: 0.8 },
      },
    });
  }
  return { traces, classes: count };
}
