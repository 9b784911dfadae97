/**
 * Driver for gradient-descent.ts, run inside the sandbox next to the student's code (trusted code,
 * self-contained: no imports). gradientDescent takes a function, which cannot cross the boundary,
 * so the gradient is built here from a plain description and the trajectory comes back as data,
 * with observations only this side can make: every call of ∇f (where, and what it returned), are
 * the points distinct arrays, was x0 modified.
 */

export type Problem = { kind: 'quadratic'; a: number[]; c: number[] } | { kind: 'rosenbrock' };

/** ∇f for f(x) = ½ Σ aᵢxᵢ² + Σ cᵢxᵢ (quadratic) or the Rosenbrock function (1 − x)² + 100(y − x²)². */
function gradient(problem: Problem, x: number[]): number[] {
  if (problem.kind === 'quadratic') return x.map((xi, i) => problem.a[i] * xi + problem.c[i]);
  const [u, v] = x;
  return [-2 * (1 - u) - 400 * u * (v - u * u), 200 * (v - u * u)];
}

function need(mod: Record<string, unknown>, name: string): (...args: unknown[]) => unknown {
  const f = mod[name];
  if (typeof f !== 'function') {
    const e = new Error(`gradient-descent.ts does not export a function named ${name}`);
    e.name = 'MissingExport';
    throw e;
  }
  return f as (...args: unknown[]) => unknown;
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

export interface TrajectoryArgs {
  problem: Problem;
  x0: number[];
  lr: number;
  steps: number;
}

export interface TrajectoryObservation {
  result: unknown;
  /** Set when the result cannot be copied back (e.g. it contains functions). */
  resultProblem?: string;
  /** All returned points are different array objects. */
  distinctPoints: boolean;
  /** One of the returned points is the x0 array that was passed in. */
  containsX0: boolean;
  /** x0 after the call (to detect modification). */
  x0After: number[];
  /** Every call of grad, in order: the point it was asked about (copied at the call) and what it returned. */
  calls: Array<{ x: number[]; g: number[] }>;
}

/** At most this many calls are recorded (a correct run makes `steps` of them). */
const MAX_RECORDED_CALLS = 1000;

/** A driver-owned copy of an array the student's code holds, by index: a student's array may carry
 * its own `every`, `slice`, `filter` or iterator, so drivers never call its methods. */
function copyArray<T>(a: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  return out;
}

export function trajectory(mod: Record<string, unknown>, args: TrajectoryArgs): TrajectoryObservation {
  const gradientDescent = need(mod, 'gradientDescent');
  const x0 = args.x0.slice();
  const calls: Array<{ x: number[]; g: number[] }> = [];
  const grad = (x: number[]): number[] => {
    const at = Array.isArray(x) ? copyArray(x) : [];
    const g = gradient(args.problem, at);
    if (calls.length < MAX_RECORDED_CALLS) calls.push({ x: at, g: g.slice() });
    return g;
  };
  const result = gradientDescent(grad, x0, args.lr, args.steps);
  let distinctPoints = true;
  let containsX0 = false;
  if (Array.isArray(result)) {
    const points = copyArray(result as unknown[]);
    const objects: unknown[] = [];
    for (let i = 0; i < points.length; i++) if (points[i] !== null && typeof points[i] === 'object') objects.push(points[i]);
    distinctPoints = new Set(objects).size === objects.length;
    for (let i = 0; i < points.length; i++) if (points[i] === x0) containsX0 = true;
  }
  const ok = cloneable(result);
  return {
    result: ok ? result : null,
    resultProblem: ok ? undefined : 'returned something that is not plain data (a function or a Promise?)',
    distinctPoints,
    containsX0,
    x0After: copyArray(x0),
    calls,
  };
}
