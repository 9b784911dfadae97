/** Reading 2-D points, class labels and paths from Tensors or plain arrays, for the plot builders. */
import { Tensor } from '../tensor';
import { describe, expected } from '../util/validate';

/** N points in the plane: a Tensor of shape [N, 2] (or [N, D], first two columns) or `[x, y][]`. */
export type Points2D = Tensor | readonly (readonly number[])[];
/** N class labels 0, 1, …, C − 1: a Tensor of shape [N] or a number array. */
export type Labels = Tensor | ArrayLike<number>;

/** The x and y coordinates of the points. */
export function coordinates(where: string, name: string, X: unknown): { xs: number[]; ys: number[] } {
  if (X instanceof Tensor) {
    if (X.ndim !== 2 || X.shape[1] < 2) {
      throw new RangeError(`${where}: ${name} must be a Tensor of shape [N, 2], received shape [${X.shape.join(', ')}]`);
    }
    const [n, d] = X.shape;
    const xs = new Array<number>(n);
    const ys = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      xs[i] = X.data[i * d];
      ys[i] = X.data[i * d + 1];
    }
    return { xs, ys };
  }
  if (!Array.isArray(X)) throw new TypeError(expected(where, name, 'a Tensor of shape [N, 2] or an array of [x, y] points', X));
  const xs = new Array<number>(X.length);
  const ys = new Array<number>(X.length);
  X.forEach((p: unknown, i: number) => {
    if (!isPoint(p)) throw new TypeError(expected(where, `${name}[${i}]`, 'a point [x, y] of numbers', p));
    xs[i] = p[0];
    ys[i] = p[1];
  });
  return { xs, ys };
}

function isPoint(p: unknown): p is number[] {
  return (
    (Array.isArray(p) || p instanceof Float64Array) &&
    (p as ArrayLike<unknown>).length >= 2 &&
    typeof (p as ArrayLike<unknown>)[0] === 'number' &&
    typeof (p as ArrayLike<unknown>)[1] === 'number'
  );
}

/** Integer class labels ≥ 0, n of them. */
export function classLabels(where: string, name: string, y: unknown, n: number): number[] {
  let values: ArrayLike<unknown>;
  if (y instanceof Tensor) values = y.data;
  else if (Array.isArray(y) || y instanceof Float64Array) values = y as ArrayLike<unknown>;
  else throw new TypeError(expected(where, name, 'class labels 0, 1, …: a Tensor of shape [N] or an array', y));
  if (values.length !== n) {
    throw new RangeError(`${where}: ${name} must have one label per point (${n}), received ${values.length}`);
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new RangeError(`${where}: ${name} must hold integer class labels >= 0, received ${describe(v)} at index ${i}`);
    }
    out[i] = v;
  }
  return out;
}

/** A path `[x, y][]` (or `[x, y, z][]`) as coordinate arrays; non-finite coordinates become gaps. */
export function pathCoordinates(
  where: string,
  name: string,
  points: unknown,
): { xs: (number | null)[]; ys: (number | null)[]; zs: (number | null)[] | null } {
  if (!Array.isArray(points) || points.length === 0) {
    throw new TypeError(expected(where, name, 'a non-empty array of points [x, y]', points));
  }
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  const has3 = Array.isArray(points[0]) && points[0].length >= 3;
  const zs: (number | null)[] | null = has3 ? [] : null;
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  points.forEach((p: unknown, i: number) => {
    if (!isPoint(p)) throw new TypeError(expected(where, `${name}[${i}]`, 'a point [x, y] of numbers', p));
    xs.push(finite(p[0]));
    ys.push(finite(p[1]));
    if (zs !== null) zs.push(typeof p[2] === 'number' ? finite(p[2]) : null);
  });
  return { xs, ys, zs };
}
