/**
 * Measuring how fast an optimizer converges on a quadratic f(θ) = ½ θᵀHθ (chapters
 * 03-gradient-descent and 07-optimizers), to set next to the predicted factor per step. The run
 * is the library's own SGD update (`sgdStep`, the step of `new SGD(…)`) on plain numbers with
 * the exact gradient Hθ, so a scan over hundreds of learning rates takes milliseconds.
 */
import { sgdStep } from '../optim/sgd';
import type { SGDState } from '../optim/sgd';
import { checkInRange, checkInteger, checkNonNegative, checkOptions, expected } from '../util/validate';
import { eigenvaluesOf } from './lipschitz';

export interface RateOptions {
  /** The Hessian H of the quadratic (symmetric). */
  hessian: readonly (readonly number[])[];
  /** The start θ₀ (default: all ones). */
  start?: readonly number[];
  lr: number;
  /** The momentum μ in [0, 1) (default 0: gradient descent). */
  momentum?: number;
  /** Nesterov momentum (default false). */
  nesterov?: boolean;
  /** The number of steps (default 1000). */
  steps?: number;
}

/** Steps `measuredRate` takes when none are given. */
export const DEFAULT_RATE_STEPS = 1000;
/** A run stops once the error is below e^−LOG_LIMIT or above e^LOG_LIMIT of its start (no under- or overflow). */
const LOG_LIMIT = 300;

/**
 * The measured factor per step: the geometric mean of ‖s_{t+1}‖/‖s_t‖ over the second half of
 * the run, where s_t = (θ_t, θ_{t−1}) (both iterates, so the oscillation of momentum does not
 * disturb the measurement). Below 1: the run converges; above 1: it diverges.
 */
export function measuredRate(options: RateOptions): number {
  const where = 'measuredRate';
  checkOptions(where, options, ['hessian', 'start', 'lr', 'momentum', 'nesterov', 'steps']);
  eigenvaluesOf(where, 'hessian', options.hessian);
  const H = options.hessian;
  const n = H.length;
  const start = options.start ?? new Array<number>(n).fill(1);
  if (!Array.isArray(start) || start.length !== n || start.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new TypeError(expected(where, 'start', `an array of ${n} finite numbers`, start));
  }
  const lr = checkNonNegative(where, 'lr', options.lr);
  const momentum = checkInRange(where, 'momentum', options.momentum ?? 0, 0, 1, true);
  const nesterov = options.nesterov ?? false;
  if (nesterov && momentum === 0) throw new RangeError(`${where}: nesterov needs momentum > 0, received momentum 0`);
  const steps = checkInteger(where, 'steps', options.steps ?? DEFAULT_RATE_STEPS, 2);

  const theta = Float64Array.from(start);
  const previous = Float64Array.from(start);
  const grad = new Float64Array(n);
  const state: SGDState = { step: 0, momentumBuffer: null };
  const hp = { lr, momentum, dampening: 0, weightDecay: 0, nesterov };
  const logNorm = (): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += theta[i] * theta[i] + previous[i] * previous[i];
    return Math.log(s) / 2;
  };
  const log0 = logNorm();
  const logs = [log0];
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < n; i++) {
      let g = 0;
      for (let j = 0; j < n; j++) g += H[i][j] * theta[j];
      grad[i] = g;
    }
    previous.set(theta);
    sgdStep(theta, grad, state, hp);
    const l = logNorm();
    if (l === -Infinity) return 0; // converged exactly (e.g. η = 1/λ without momentum)
    if (!Number.isFinite(l)) break;
    logs.push(l);
    if (Math.abs(l - log0) > LOG_LIMIT) break;
  }
  const end = logs.length - 1;
  const mid = Math.floor(end / 2);
  if (end === mid) return Number.NaN;
  return Math.exp((logs[end] - logs[mid]) / (end - mid));
}
