/**
 * The regions a classifier assigns to each class, under the data (chapter 08-training: an MLP on
 * spirals; chapter 02-cross-entropy: logistic regression on blobs). The model is evaluated once
 * on a whole grid of points, inside `noGrad`.
 */
import { noGrad, Tensor } from '../tensor';
import { checkFinite, checkInteger, expected } from '../util/validate';
import { baseLayout, checkFigureOptions, colour } from './figure';
import type { Figure, FigureOptions } from './figure';
import { axisPoints } from './grid';
import type { GridAxis } from './grid';
import { coordinates } from './points';
import { classTraces } from './scatter';
import type { LabelledPoints } from './scatter';

export interface DecisionBoundaryOptions extends FigureOptions {
  /** The plotted window; default: the data's bounding box widened by `BOUNDARY_PADDING` on each side. */
  x?: GridAxis;
  y?: GridAxis;
  /** Grid points per axis when x/y are not given (default `DEFAULT_BOUNDARY_RESOLUTION`). */
  resolution?: number;
  /** For a model with one output per point: class 1 where output > threshold (default 0.5; use 0 for logits). */
  threshold?: number;
  classNames?: readonly string[];
}

/** Grid points per axis of the background. */
export const DEFAULT_BOUNDARY_RESOLUTION = 120;
/** Fraction of the data's extent added on each side of the default window. */
export const BOUNDARY_PADDING = 0.1;
/** Opacity of the class regions. */
export const REGION_OPACITY = 0.28;

const BOUNDARY_OPTIONS = ['x', 'y', 'resolution', 'threshold', 'classNames'];

/**
 * `predict` receives the grid as a Tensor of shape [M, 2] and returns, per row, either scores of
 * shape [M, C] (the class is the argmax: logits or probabilities), or one number per row (shape
 * [M] or [M, 1]): integer class labels, or a score for class 1 compared with `threshold`.
 */
export function decisionBoundary(
  predict: (X: Tensor) => Tensor | ArrayLike<number>,
  data: LabelledPoints,
  options: DecisionBoundaryOptions = {},
): Figure {
  const where = 'decisionBoundary';
  const c = checkFigureOptions(where, options, BOUNDARY_OPTIONS);
  if (typeof predict !== 'function') {
    throw new TypeError(expected(where, 'predict', 'a function (X: Tensor [M, 2]) => Tensor of scores or labels', predict));
  }
  const { traces: points, classes: dataClasses } = classTraces(where, data, options.classNames, c);
  const { xs, ys } = coordinates(where, 'data.X', (data as { X: unknown }).X);
  const n = checkInteger(where, 'resolution', options.resolution ?? DEFAULT_BOUNDARY_RESOLUTION, 2);
  const threshold = checkFinite(where, 'threshold', options.threshold ?? 0.5);
  const gx = options.x !== undefined ? axisPoints(where, 'x', options.x) : paddedAxis(xs, n);
  const gy = options.y !== undefined ? axisPoints(where, 'y', options.y) : paddedAxis(ys, n);

  const m = gx.length * gy.length;
  const grid = new Float64Array(m * 2);
  for (let j = 0; j < gy.length; j++) {
    for (let i = 0; i < gx.length; i++) {
      const r = j * gx.length + i;
      grid[2 * r] = gx[i];
      grid[2 * r + 1] = gy[j];
    }
  }
  const input = new Tensor(grid, [m, 2]);
  const output = noGrad(() => predict(input));
  const classes = toClasses(where, output, m, threshold);
  let count = Math.max(dataClasses, 1);
  for (let r = 0; r < m; r++) count = Math.max(count, classes[r] + 1);

  const z: number[][] = [];
  for (let j = 0; j < gy.length; j++) z.push(Array.from(classes.subarray(j * gx.length, (j + 1) * gx.length)));
  // A discrete colour scale: class k is a flat band around k.
  const colorscale: [number, string][] = [];
  for (let k = 0; k < count; k++) {
    colorscale.push([k / count, colour(k)], [(k + 1) / count, colour(k)]);
  }
  const regions = {
    type: 'heatmap',
    name: 'predicted class',
    x: gx,
    y: gy,
    z,
    zmin: -0.5,
    zmax: count - 0.5,
    colorscale,
    opacity: REGION_OPACITY,
    showscale: false,
    hovertemplate: '(%{x:.3g}, %{y:.3g})<br>predicted class %{z}<extra></extra>',
  };
  const layout = baseLayout(options, { title: 'Decision regions', xLabel: 'x₁', yLabel: 'x₂' }, c);
  (layout.xaxis as Record<string, unknown>).range = [gx[0], gx[gx.length - 1]];
  (layout.yaxis as Record<string, unknown>).range = [gy[0], gy[gy.length - 1]];
  return { data: [regions, ...points], layout };
}

function paddedAxis(values: number[], n: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * BOUNDARY_PADDING;
  const out = new Array<number>(n);
  const a = lo - pad;
  const step = (hi + pad - a) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = a + i * step;
  return out;
}

/** The predicted class of every grid row. */
function toClasses(where: string, output: unknown, m: number, threshold: number): Int32Array {
  const classes = new Int32Array(m);
  let values: ArrayLike<number>;
  let columns = 1;
  if (output instanceof Tensor) {
    values = output.data;
    const s = output.shape;
    const ok = (s.length === 1 && s[0] === m) || (s.length === 2 && s[0] === m);
    if (!ok) {
      throw new RangeError(
        `${where}: predict must return shape [${m}] or [${m}, C] for a grid of ${m} points, received [${s.join(', ')}]`,
      );
    }
    columns = s.length === 2 ? s[1] : 1;
  } else if (Array.isArray(output) || ArrayBuffer.isView(output)) {
    values = output as ArrayLike<number>;
    if (values.length !== m) {
      throw new RangeError(`${where}: predict must return one value per grid point (${m}), received ${values.length}`);
    }
  } else {
    throw new TypeError(expected(where, 'the result of predict', 'a Tensor or an array of numbers', output));
  }
  if (columns > 1) {
    for (let r = 0; r < m; r++) {
      let best = 0;
      for (let k = 1; k < columns; k++) if (values[r * columns + k] > values[r * columns + best]) best = k;
      classes[r] = best;
    }
    return classes;
  }
  let integers = true;
  for (let r = 0; r < m; r++) {
    const v = values[r];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new TypeError(`${where}: predict returned ${String(v)} at grid point ${r}; expected numbers`);
    }
    if (!Number.isInteger(v) || v < 0) integers = false;
  }
  for (let r = 0; r < m; r++) classes[r] = integers ? values[r] : values[r] > threshold ? 1 : 0;
  return classes;
}
