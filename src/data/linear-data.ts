/**
 * Noisy linear regression data (chapters 01-mse and 03-gradient-descent fit it):
 *
 *   x_i ~ U[−1, 1)^D,   y_i = w · x_i + b + σ ε_i,   ε_i ~ N(0, 1)
 *
 * so the least-squares fit recovers w and b up to the noise level σ.
 */
import { checkFinite, checkInteger, checkNonNegative, checkOptions, expected } from '../util/validate';
import { Dataset, makeDataset } from './dataset';
import { checkSeed, DEFAULT_SEED, randnFrom, rng } from './rng';

export interface LinearDataOptions {
  /** Number of examples N (default 100). */
  n?: number;
  /** True weights: a number (D = 1) or an array of D numbers (default [2]). */
  w?: number | readonly number[];
  /** True bias (default 1). */
  b?: number;
  /** Standard deviation σ of the Gaussian noise added to y (default 0.1). */
  noise?: number;
  /** Seed of the generator (default `DEFAULT_SEED`). */
  seed?: number;
}

export const LINEAR_DATA_DEFAULTS = Object.freeze({
  n: 100,
  w: Object.freeze([2]) as readonly number[],
  b: 1,
  noise: 0.1,
  seed: DEFAULT_SEED,
});

/** Inputs are drawn uniformly from [LINEAR_X_RANGE[0], LINEAR_X_RANGE[1]) in every coordinate. */
export const LINEAR_X_RANGE = Object.freeze([-1, 1] as const);

/** Noisy linear data `{ X: [N, D], y: [N] }`; same seed, same data. */
export function linearData(options: LinearDataOptions = {}): Dataset {
  const where = 'linearData';
  checkOptions(where, options, ['n', 'w', 'b', 'noise', 'seed']);
  const d = LINEAR_DATA_DEFAULTS;
  const n = checkInteger(where, 'n', options.n ?? d.n, 1);
  const w = checkWeights(where, options.w ?? d.w);
  const b = checkFinite(where, 'b', options.b ?? d.b);
  const noise = checkNonNegative(where, 'noise', options.noise ?? d.noise);
  const r = rng(checkSeed(where, options.seed ?? d.seed));
  const randn = randnFrom(r);

  const dim = w.length;
  const [lo, hi] = LINEAR_X_RANGE;
  const X = new Float64Array(n * dim);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b;
    for (let j = 0; j < dim; j++) {
      const x = lo + (hi - lo) * r();
      X[i * dim + j] = x;
      s += w[j] * x;
    }
    y[i] = s + noise * randn();
  }
  return makeDataset(X, y, n, dim);
}

function checkWeights(where: string, w: unknown): number[] {
  if (typeof w === 'number') return [checkFinite(where, 'w', w)];
  if (!Array.isArray(w)) throw new TypeError(expected(where, 'w', 'a number or an array of numbers', w));
  if (w.length === 0) throw new RangeError(expected(where, 'w', 'a non-empty array of numbers', w));
  return w.map((v, j) => checkFinite(where, `w[${j}]`, v));
}
