/**
 * Where the derivation checks compare two expressions: explicit points, or seeded random points
 * drawn uniformly from a range per variable. A wrong formula disagrees with the right one almost
 * everywhere, so a handful of random points catches it.
 */
import { rng } from '../data/rng';
import { checkFinite, checkInteger, checkOptions, expected } from '../util/validate';

/** Values of the variables, e.g. `{ z: 0.5, y: 1 }`. */
export type Point = Record<string, number>;

/** A closed interval [lo, hi] to sample a variable from. */
export type Range = readonly [number, number];

export interface SampleOptions {
  /** How many random points (default `DEFAULT_SAMPLES`). */
  samples?: number;
  /** The seed of `rng(seed)` (default `DEFAULT_CHECK_SEED`): same seed, same points. */
  seed?: number;
  /** One range for every variable, or one per variable (others use `DEFAULT_RANGE`). */
  range?: Range | Readonly<Record<string, Range>>;
}

/** Random points per check. */
export const DEFAULT_SAMPLES = 20;
/** Seed of the random points. */
export const DEFAULT_CHECK_SEED = 0;
/** Variables are drawn uniformly from [−2, 2] unless a range is given. */
export const DEFAULT_RANGE: Range = Object.freeze([-2, 2]) as unknown as Range;
/**
 * Two values a, b agree when |a − b| ≤ tol · (1 + max(|a|, |b|)): absolute near 0, relative for
 * large values. 1e-8 leaves room for rounding in two different but equal formulas.
 */
export const DEFAULT_TOLERANCE = 1e-8;

/**
 * The points to compare at: explicit `Point[]` (each completed by `given`) or `samples` random
 * points over `vars`, with `given` values fixed.
 */
export function resolvePoints(where: string, vars: readonly string[], at: unknown, given: unknown): Point[] {
  const fixed = checkPoint(where, 'given', given ?? {});
  const free = vars.filter((v) => !(v in fixed));
  if (Array.isArray(at)) {
    if (at.length === 0) throw new RangeError(expected(where, 'at', 'a non-empty array of points', at));
    return at.map((p: unknown, i: number) => {
      const point = { ...fixed, ...checkPoint(where, `at[${i}]`, p) };
      const missing = vars.filter((v) => !(v in point));
      if (missing.length > 0) {
        throw new RangeError(
          `${where}: at[${i}] must give a value to every variable (${vars.join(', ')}), missing ${missing.join(', ')}`,
        );
      }
      return inOrder(vars, point);
    });
  }
  if (at !== undefined && (at === null || typeof at !== 'object')) {
    throw new TypeError(expected(where, 'at', 'an array of points or { samples, seed, range }', at));
  }
  const options = (at ?? {}) as SampleOptions;
  checkOptions(`${where}: at`, options, ['samples', 'seed', 'range']);
  const samples = checkInteger(where, 'at.samples', options.samples ?? DEFAULT_SAMPLES, 1);
  const seed = options.seed ?? DEFAULT_CHECK_SEED;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new TypeError(expected(where, 'at.seed', 'an integer', seed));
  }
  const ranges = free.map((v) => checkRange(where, v, rangeOf(options.range, v)));
  const draw = rng(seed);
  const points: Point[] = [];
  for (let s = 0; s < samples; s++) {
    const drawn: Point = {};
    free.forEach((v, k) => {
      const [lo, hi] = ranges[k];
      drawn[v] = lo + (hi - lo) * draw();
    });
    points.push(inOrder(vars, { ...fixed, ...drawn }));
  }
  return points;
}

/** The same point with the keys in the order of `vars` (then any others), for readable reports. */
function inOrder(vars: readonly string[], point: Point): Point {
  const out: Point = {};
  for (const v of vars) if (v in point) out[v] = point[v];
  for (const k of Object.keys(point)) if (!(k in out)) out[k] = point[k];
  return out;
}

function rangeOf(range: SampleOptions['range'], name: string): unknown {
  if (range === undefined) return DEFAULT_RANGE;
  if (Array.isArray(range)) return range;
  if (range === null || typeof range !== 'object') return range;
  const own = (range as Record<string, Range>)[name];
  return own === undefined ? DEFAULT_RANGE : own;
}

function checkRange(where: string, name: string, range: unknown): Range {
  const what = 'a range [lo, hi] of finite numbers with lo <= hi';
  const label = `at.range${name === '' ? '' : ` of ${name}`}`;
  if (!Array.isArray(range) || range.length !== 2) throw new TypeError(expected(where, label, what, range));
  const lo = checkFinite(where, `${label}[0]`, range[0]);
  const hi = checkFinite(where, `${label}[1]`, range[1]);
  if (lo > hi) throw new RangeError(expected(where, label, what, range));
  return [lo, hi];
}

function checkPoint(where: string, name: string, p: unknown): Point {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) {
    throw new TypeError(expected(where, name, 'an object of variable values such as { z: 0.5 }', p));
  }
  const out: Point = {};
  for (const [k, v] of Object.entries(p as Record<string, unknown>)) out[k] = checkFinite(where, `${name}.${k}`, v);
  return out;
}

/** The tolerance option: a finite number > 0. */
export function checkTolerance(where: string, tol: unknown): number {
  const t = checkFinite(where, 'tolerance', tol);
  if (t <= 0) throw new RangeError(expected(where, 'tolerance', 'a finite number > 0', tol));
  return t;
}

/** |a − b| ≤ tol · (1 + max(|a|, |b|)). */
export function agree(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * (1 + Math.max(Math.abs(a), Math.abs(b)));
}

