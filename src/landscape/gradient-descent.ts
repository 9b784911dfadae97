/**
 * Gradient descent on plain numbers (chapters 03-gradient-descent and 06-minima-saddles):
 * θ_{t+1} = θ_t − η ∇L(θ_t). On f(x) = a x²/2 it gives x_t = (1 − ηa)^t x₀: convergence for
 * 0 < η < 2/a, divergence beyond. With `momentum` μ > 0 each step is the library's SGD step with
 * momentum (`sgdStep`, PyTorch's rule v_t = μ v_{t−1} + g_t, θ_t = θ_{t−1} − η v_t), so thousands
 * of runs take milliseconds where the Tensor optimizers would take seconds.
 */
import { sgdStep } from '../optim/sgd';
import type { SGDState } from '../optim/sgd';
import { checkBoolean, checkInRange, checkInteger, checkNonNegative, checkOptions, expected } from '../util/validate';

/** Momentum for `gradientDescentPath` (default: none, plain gradient descent). */
export interface PathMomentum {
  /** The momentum μ in [0, 1) (default 0). */
  momentum?: number;
  /** Nesterov momentum (default false; needs momentum > 0). */
  nesterov?: boolean;
}

/**
 * The iterates θ₀, θ₁, …, θ_steps of θ ← θ − η ∇L(θ) (or of SGD with momentum, see the file
 * comment). For 1-D problems pass numbers (`grad: (x) => a * x`, `x0: 2`) and get a number[];
 * otherwise arrays. Stops early at the first iterate that is not finite (a divergent run), which
 * is kept as the last point.
 */
export function gradientDescentPath(
  grad: (x: number) => number,
  x0: number,
  lr: number,
  steps: number,
  options?: PathMomentum,
): number[];
export function gradientDescentPath(
  grad: (x: number[]) => readonly number[],
  x0: readonly number[],
  lr: number,
  steps: number,
  options?: PathMomentum,
): number[][];
export function gradientDescentPath(grad: unknown, x0: unknown, lr: unknown, steps: unknown, options?: PathMomentum): number[] | number[][] {
  const where = 'gradientDescentPath';
  if (typeof grad !== 'function') throw new TypeError(expected(where, 'grad', 'a function returning the gradient', grad));
  const eta = checkNonNegative(where, 'lr', lr);
  const n = checkInteger(where, 'steps', steps, 0);
  checkOptions(where, options, ['momentum', 'nesterov']);
  const momentum = checkInRange(where, 'momentum', options?.momentum ?? 0, 0, 1, true);
  const nesterov = checkBoolean(where, 'nesterov', options?.nesterov ?? false);
  if (nesterov && momentum === 0) throw new RangeError(`${where}: nesterov needs momentum > 0, received momentum 0`);
  const scalar = typeof x0 === 'number';
  if (scalar && !Number.isFinite(x0)) throw new RangeError(expected(where, 'x0', 'a finite number', x0));
  if (!scalar && (!Array.isArray(x0) || x0.length === 0 || x0.some((v) => typeof v !== 'number' || !Number.isFinite(v)))) {
    throw new TypeError(expected(where, 'x0', 'a finite number or a non-empty array of finite numbers', x0));
  }
  const theta = scalar ? Float64Array.of(x0 as number) : Float64Array.from(x0 as number[]);
  const dim = theta.length;
  const g = new Float64Array(dim);
  const state: SGDState = { step: 0, momentumBuffer: null };
  const hp = { lr: eta, momentum, dampening: 0, weightDecay: 0, nesterov };
  const path: (number | number[])[] = [scalar ? theta[0] : Array.from(theta)];
  for (let t = 0; t < n; t++) {
    if (scalar) {
      const gx: unknown = (grad as (x: number) => unknown)(theta[0]);
      if (typeof gx !== 'number') throw new TypeError(expected(where, 'grad(x)', 'a number', gx));
      g[0] = gx;
    } else {
      const gx: unknown = (grad as (x: number[]) => unknown)(Array.from(theta));
      if (!Array.isArray(gx) || gx.length !== dim) {
        throw new RangeError(expected(where, 'grad(x)', `an array of ${dim} numbers (one per coordinate of x0)`, gx));
      }
      for (let i = 0; i < dim; i++) {
        const gi: unknown = gx[i];
        if (typeof gi !== 'number') throw new TypeError(expected(where, `grad(x)[${i}]`, 'a number', gi));
        g[i] = gi;
      }
    }
    sgdStep(theta, g, state, hp);
    path.push(scalar ? theta[0] : Array.from(theta));
    if (theta.some((v) => !Number.isFinite(v))) break;
  }
  return path as number[] | number[][];
}
