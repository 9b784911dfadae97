/**
 * Toy classification data sets in the plane: `{ X: [N, D], y: [N] }` with labels stored as the
 * floats 0, 1, …, C − 1, rows grouped by class (shuffle with `trainTestSplit` or `DataLoader`).
 * Chapter 02-cross-entropy classifies blobs; chapter 08-training fits moons and spirals, which no
 * linear model can separate. Same seed, same data.
 */
import { checkFinite, checkInteger, checkNonNegative, checkOptions, expected } from '../util/validate';
import { Dataset, makeDataset } from './dataset';
import { checkSeed, DEFAULT_SEED, randnFrom, rng } from './rng';

export interface BlobsOptions {
  /** Total number of points N, split as evenly as possible over the classes (default 300). */
  n?: number;
  /** A count K (centres evenly spaced on a circle of radius `BLOBS_RADIUS`) or explicit centres. */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation σ of every blob, or one per blob (default 1). */
  std?: number | readonly number[];
  seed?: number;
}

export const BLOBS_DEFAULTS = Object.freeze({ n: 300, centers: 3, std: 1, seed: DEFAULT_SEED });

/** Radius of the circle the centres sit on when `centers` is a count. */
export const BLOBS_RADIUS = 4;

/**
 * Gaussian blobs: class k has ⌊N/K⌋ points (the first N mod K classes one more), drawn as
 * x = c_k + σ_k ε, ε ~ N(0, I_D). With `centers: K` the centres are
 * c_k = R (cos 2πk/K, sin 2πk/K), R = `BLOBS_RADIUS`.
 */
export function blobs(options: BlobsOptions = {}): Dataset {
  const where = 'blobs';
  checkOptions(where, options, ['n', 'centers', 'std', 'seed']);
  const centers = checkCenters(where, options.centers ?? BLOBS_DEFAULTS.centers);
  const k = centers.length;
  const dim = centers[0].length;
  const n = checkInteger(where, 'n', options.n ?? BLOBS_DEFAULTS.n, 1);
  if (n < k) throw new RangeError(expected(where, 'n', `at least the number of centers (${k})`, n));
  const std = checkStd(where, options.std ?? BLOBS_DEFAULTS.std, k);
  const randn = randnFrom(rng(checkSeed(where, options.seed ?? BLOBS_DEFAULTS.seed)));

  const X = new Float64Array(n * dim);
  const y = new Float64Array(n);
  let row = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(n / k) + (c < n % k ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      for (let j = 0; j < dim; j++) X[row * dim + j] = centers[c][j] + std[c] * randn();
      y[row] = c;
    }
  }
  return makeDataset(X, y, n, dim);
}

function checkCenters(where: string, centers: unknown): number[][] {
  if (typeof centers === 'number') {
    const k = checkInteger(where, 'centers', centers, 1);
    const out: number[][] = [];
    for (let c = 0; c < k; c++) {
      const angle = (2 * Math.PI * c) / k;
      out.push([BLOBS_RADIUS * Math.cos(angle), BLOBS_RADIUS * Math.sin(angle)]);
    }
    return out;
  }
  const what = 'a count >= 1 or a non-empty array of points of equal length';
  if (!Array.isArray(centers) || centers.length === 0) {
    const err = Array.isArray(centers) ? RangeError : TypeError;
    throw new err(expected(where, 'centers', what, centers));
  }
  const dim = Array.isArray(centers[0]) ? centers[0].length : 0;
  return centers.map((c: unknown, i: number) => {
    if (!Array.isArray(c)) throw new TypeError(expected(where, `centers[${i}]`, 'an array of numbers', c));
    if (c.length === 0 || c.length !== dim) {
      const size = i === 0 ? 'at least 1' : `${dim} (like centers[0])`;
      throw new RangeError(expected(where, `centers[${i}]`, `an array of ${size} numbers`, c));
    }
    return c.map((v: unknown, j: number) => checkFinite(where, `centers[${i}][${j}]`, v));
  });
}

function checkStd(where: string, std: unknown, k: number): number[] {
  if (typeof std === 'number') return new Array<number>(k).fill(checkNonNegative(where, 'std', std));
  if (!Array.isArray(std) || std.length !== k) {
    const err = Array.isArray(std) ? RangeError : TypeError;
    throw new err(expected(where, 'std', `a number >= 0 or an array of ${k} numbers (one per center)`, std));
  }
  return std.map((v: unknown, i: number) => checkNonNegative(where, `std[${i}]`, v));
}

export interface TwoMoonsOptions {
  /** Total number of points N ≥ 2: ⌊N/2⌋ on the upper moon (class 0), the rest on the lower. */
  n?: number;
  /** Standard deviation σ of the Gaussian noise added to both coordinates (default 0.1). */
  noise?: number;
  seed?: number;
}

export const TWO_MOONS_DEFAULTS = Object.freeze({ n: 200, noise: 0.1, seed: DEFAULT_SEED });

/**
 * Two interleaving half circles, as scikit-learn's `make_moons`: with t evenly spaced in [0, π],
 * class 0 lies on (cos t, sin t) and class 1 on (1 − cos t, 1 − sin t − ½); then σ ε,
 * ε ~ N(0, I₂), is added to every point. With noise 0 the data do not depend on the seed.
 */
export function twoMoons(options: TwoMoonsOptions = {}): Dataset {
  const where = 'twoMoons';
  checkOptions(where, options, ['n', 'noise', 'seed']);
  const n = checkInteger(where, 'n', options.n ?? TWO_MOONS_DEFAULTS.n, 2);
  const noise = checkNonNegative(where, 'noise', options.noise ?? TWO_MOONS_DEFAULTS.noise);
  const randn = randnFrom(rng(checkSeed(where, options.seed ?? TWO_MOONS_DEFAULTS.seed)));

  const nOuter = Math.floor(n / 2);
  const X = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i >= nOuter;
    const m = inner ? n - nOuter : nOuter;
    const k = inner ? i - nOuter : i;
    const t = m === 1 ? 0 : (Math.PI * k) / (m - 1);
    const x0 = inner ? 1 - Math.cos(t) : Math.cos(t);
    const x1 = inner ? 1 - Math.sin(t) - 0.5 : Math.sin(t);
    X[2 * i] = x0 + noise * randn();
    X[2 * i + 1] = x1 + noise * randn();
    y[i] = inner ? 1 : 0;
  }
  return makeDataset(X, y, n, 2);
}

export interface SpiralsOptions {
  /** Points per class (default 100). */
  n?: number;
  /** Number of classes K (default 3). */
  classes?: number;
  /** Standard deviation σ of the Gaussian noise on the angle, in radians (default 0.2). */
  noise?: number;
  seed?: number;
}

export const SPIRALS_DEFAULTS = Object.freeze({ n: 100, classes: 3, noise: 0.2, seed: DEFAULT_SEED });

/**
 * The spirals of Stanford's CS231n notes (chapter 08-training): for class k = 0, …, K − 1 and
 * t evenly spaced in [0, 1] (n points),
 *
 *   r = t,   θ = 4t + 2πk/K + σ ε,  ε ~ N(0, 1),   x = (r cos θ, r sin θ)
 *
 * giving K interleaved arms, N = n·K points in total. (CS231n offsets class k by 4k radians and
 * writes (r sin θ, r cos θ); the offset 2πk/K spaces the arms evenly for any K.)
 */
export function spirals(options: SpiralsOptions = {}): Dataset {
  const where = 'spirals';
  checkOptions(where, options, ['n', 'classes', 'noise', 'seed']);
  const n = checkInteger(where, 'n', options.n ?? SPIRALS_DEFAULTS.n, 1);
  const k = checkInteger(where, 'classes', options.classes ?? SPIRALS_DEFAULTS.classes, 1);
  const noise = checkNonNegative(where, 'noise', options.noise ?? SPIRALS_DEFAULTS.noise);
  const randn = randnFrom(rng(checkSeed(where, options.seed ?? SPIRALS_DEFAULTS.seed)));

  const total = n * k;
  const X = new Float64Array(total * 2);
  const y = new Float64Array(total);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      const row = c * n + i;
      const t = n === 1 ? 0 : i / (n - 1);
      const theta = 4 * t + (2 * Math.PI * c) / k + noise * randn();
      X[2 * row] = t * Math.cos(theta);
      X[2 * row + 1] = t * Math.sin(theta);
      y[row] = c;
    }
  }
  return makeDataset(X, y, total, 2);
}

export interface XorDataOptions {
  /** Number of points N (default 200). */
  n?: number;
  /** Standard deviation σ of the Gaussian noise added to X after labelling (default 0). */
  noise?: number;
  seed?: number;
}

export const XOR_DATA_DEFAULTS = Object.freeze({ n: 200, noise: 0, seed: DEFAULT_SEED });

/**
 * XOR in the plane: u ~ U[−1, 1)², label y = 1 when the coordinates have opposite signs
 * (u₁ u₂ < 0), else 0; then x = u + σ ε. The smallest problem a linear model cannot solve.
 */
export function xorData(options: XorDataOptions = {}): Dataset {
  const where = 'xorData';
  checkOptions(where, options, ['n', 'noise', 'seed']);
  const n = checkInteger(where, 'n', options.n ?? XOR_DATA_DEFAULTS.n, 1);
  const noise = checkNonNegative(where, 'noise', options.noise ?? XOR_DATA_DEFAULTS.noise);
  const r = rng(checkSeed(where, options.seed ?? XOR_DATA_DEFAULTS.seed));
  const randn = randnFrom(r);

  const X = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u0 = 2 * r() - 1;
    const u1 = 2 * r() - 1;
    y[i] = u0 * u1 < 0 ? 1 : 0;
    X[2 * i] = noise === 0 ? u0 : u0 + noise * randn();
    X[2 * i + 1] = noise === 0 ? u1 : u1 + noise * randn();
  }
  return makeDataset(X, y, n, 2);
}
