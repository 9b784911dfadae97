/**
 * Plain gradient descent on plain numbers (chapter 03-gradient-descent): θ_{t+1} = θ_t − η ∇L(θ_t).
 * On f(x) = a x²/2 it gives x_t = (1 − ηa)^t x₀: convergence for 0 < η < 2/a, divergence beyond.
 */
import { checkInteger, checkNonNegative, expected } from '../util/validate';

/**
 * The iterates θ₀, θ₁, …, θ_steps of θ ← θ − η ∇L(θ). For 1-D problems pass numbers
 * (`grad: (x) => a * x`, `x0: 2`) and get a number[]; otherwise arrays. Stops early at the first
 * iterate that is not finite (a divergent run), which is kept as the last point.
 */
export function gradientDescentPath(grad: (x: number) => number, x0: number, lr: number, steps: number): number[];
export function gradientDescentPath(
  grad: (x: number[]) => readonly number[],
  x0: readonly number[],
  lr: number,
  steps: number,
): number[][];
export function gradientDescentPath(grad: unknown, x0: unknown, lr: unknown, steps: unknown): number[] | number[][] {
  const where = 'gradientDescentPath';
  if (typeof grad !== 'function') throw new TypeError(expected(where, 'grad', 'a function returning the gradient', grad));
  const eta = checkNonNegative(where, 'lr', lr);
  const n = checkInteger(where, 'steps', steps, 0);
  if (typeof x0 === 'number') {
    if (!Number.isFinite(x0)) throw new RangeError(expected(where, 'x0', 'a finite number', x0));
    const g = grad as (x: number) => unknown;
    const path = [x0];
    let x = x0;
    for (let t = 0; t < n; t++) {
      const gx = g(x);
      if (typeof gx !== 'number') throw new TypeError(expected(where, 'grad(x)', 'a number', gx));
      x -= eta * gx;
      path.push(x);
      if (!Number.isFinite(x)) break;
    }
    return path;
  }
  if (!Array.isArray(x0) || x0.length === 0 || x0.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new TypeError(expected(where, 'x0', 'a finite number or a non-empty array of finite numbers', x0));
  }
  const g = grad as (x: number[]) => unknown;
  const dim = x0.length;
  let x = (x0 as number[]).slice();
  const path = [x.slice()];
  for (let t = 0; t < n; t++) {
    const gx = g(x.slice());
    if (!Array.isArray(gx) || gx.length !== dim) {
      throw new RangeError(expected(where, 'grad(x)', `an array of ${dim} numbers (one per coordinate of x0)`, gx));
    }
    const next = new Array<number>(dim);
    for (let i = 0; i < dim; i++) {
      const gi: unknown = gx[i];
      if (typeof gi !== 'number') throw new TypeError(expected(where, `grad(x)[${i}]`, 'a number', gi));
      next[i] = x[i] - eta * gi;
    }
    x = next;
    path.push(x.slice());
    if (x.some((v) => !Number.isFinite(v))) break;
  }
  return path;
}
