/**
 * A loss landscape: a function of a few parameters with its gradient and Hessian in closed form,
 * the same function on Tensors (so the real optimizers of `src/optim` can run on it), its known
 * critical points and a window to plot it in. Chapters 03-gradient-descent, 06-minima-saddles and
 * 07-optimizers use them.
 */
import { Tensor } from '../tensor';
import { expected } from '../util/validate';

export interface Landscape {
  /** A readable name, e.g. `'Rosenbrock'`. */
  readonly name: string;
  /** The formula in LaTeX, e.g. `f(x, y) = (1 - x)^2 + 100 (y - x^2)^2`. */
  readonly tex: string;
  /** The number of parameters. */
  readonly dim: number;
  /** f(θ) for θ of length `dim`. */
  f(theta: readonly number[]): number;
  /** ∇f(θ). */
  grad(theta: readonly number[]): number[];
  /** The Hessian ∇²f(θ), a symmetric dim × dim matrix. */
  hessian(theta: readonly number[]): number[][];
  /** f on scalar Tensors `[x, y, …]`, returning a scalar Tensor, for `trajectory` and the optimizers. */
  tensorF(params: readonly Tensor[]): Tensor;
  /** Known local minima (the global one first). */
  readonly minima: readonly (readonly number[])[];
  /** Known local maxima. */
  readonly maxima: readonly (readonly number[])[];
  /** Known saddle points. */
  readonly saddles: readonly (readonly number[])[];
  /** A window `[min, max]` per coordinate that shows the interesting part. */
  readonly domain: readonly (readonly [number, number])[];
  /** Whether a contour plot reads better on a log scale (steep walls, flat valley). */
  readonly logScale: boolean;
}

/** The closed-form pieces a landscape is built from (θ already checked). */
export interface LandscapeSpec {
  name: string;
  tex: string;
  dim: number;
  f: (t: readonly number[]) => number;
  grad: (t: readonly number[]) => number[];
  hessian: (t: readonly number[]) => number[][];
  tensorF: (p: readonly Tensor[]) => Tensor;
  minima: number[][];
  maxima?: number[][];
  saddles?: number[][];
  domain: [number, number][];
  logScale?: boolean;
}

/**
 * Wraps the closed forms with argument checks that name the landscape, e.g.
 * `Rosenbrock.f: theta must be an array of 2 finite numbers, received [1] (array of length 1)`.
 * The methods are plain closures (no `this`), so `trajectory({ f: rosenbrock().tensorF, … })` works.
 */
export function makeLandscape(spec: LandscapeSpec): Landscape {
  const { name, dim } = spec;
  const checkTheta = (method: string, theta: unknown): readonly number[] => {
    const where = `${name}.${method}`;
    if (!Array.isArray(theta) || theta.length !== dim || theta.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new RangeError(expected(where, 'theta', `an array of ${dim} finite number${dim === 1 ? '' : 's'}`, theta));
    }
    return theta as number[];
  };
  const checkParams = (params: unknown): readonly Tensor[] => {
    const where = `${name}.tensorF`;
    if (!Array.isArray(params) || params.length !== dim) {
      throw new RangeError(expected(where, 'params', `an array of ${dim} scalar Tensor${dim === 1 ? '' : 's'}`, params));
    }
    params.forEach((p: unknown, i: number) => {
      if (!(p instanceof Tensor)) throw new TypeError(expected(where, `params[${i}]`, 'a Tensor', p));
      if (p.size !== 1) {
        throw new RangeError(`${where}: params[${i}] must be a scalar Tensor, received shape [${p.shape.join(', ')}]`);
      }
    });
    return params as Tensor[];
  };
  return Object.freeze({
    name,
    tex: spec.tex,
    dim,
    f: (theta: readonly number[]) => spec.f(checkTheta('f', theta)),
    grad: (theta: readonly number[]) => spec.grad(checkTheta('grad', theta)),
    hessian: (theta: readonly number[]) => spec.hessian(checkTheta('hessian', theta)),
    tensorF: (params: readonly Tensor[]) => spec.tensorF(checkParams(params)),
    minima: freeze(spec.minima),
    maxima: freeze(spec.maxima ?? []),
    saddles: freeze(spec.saddles ?? []),
    domain: Object.freeze(spec.domain.map((d) => Object.freeze(d.slice()) as unknown as readonly [number, number])),
    logScale: spec.logScale ?? false,
  });
}

function freeze(points: number[][]): readonly (readonly number[])[] {
  return Object.freeze(points.map((p) => Object.freeze(p.slice())));
}

/** A finite number or a clear error (for landscape parameters). */
export function checkParameter(where: string, name: string, value: unknown, positive = false): number {
  if (typeof value !== 'number') throw new TypeError(expected(where, name, positive ? 'a finite number > 0' : 'a finite number', value));
  if (!Number.isFinite(value) || (positive && value <= 0)) {
    throw new RangeError(expected(where, name, positive ? 'a finite number > 0' : 'a finite number', value));
  }
  return value;
}

