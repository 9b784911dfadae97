/**
 * Momentum on a quadratic, solved (chapter 07-optimizers, after Polyak 1964 and Goh, "Why
 * Momentum Really Works", Distill 2017).
 *
 * PyTorch's momentum v_t = μ v_{t−1} + g_t, θ_t = θ_{t−1} − η v_t, on f(θ) = ½ θᵀHθ, along an
 * eigenvector of H with eigenvalue λ (error e_t), is the two-term recursion
 *
 *   e_{t+1} = (1 + μ − ηλ) e_t − μ e_{t−1},
 *
 * whose solutions behave like r^t for the roots r of r² − (1 + μ − ηλ) r + μ = 0. So
 * - the error shrinks iff both roots lie inside the unit circle: 0 < ηλ < 2 + 2μ (for 0 ≤ μ < 1);
 * - when the roots are complex, (1 + μ − ηλ)² < 4μ, both have modulus √μ (their product is μ);
 * - the best worst case over λ ∈ [λ_min, λ_max] is reached with complex roots at both ends:
 *   √μ* = (√κ − 1)/(√κ + 1) and η* = (1 + √μ*)²/λ_max = 4/(√λ_max + √λ_min)², κ = λ_max/λ_min,
 *   a factor (√κ − 1)/(√κ + 1) per step against (κ − 1)/(κ + 1) for gradient descent.
 *
 * Nesterov's momentum in PyTorch's form (the parameters are the look-ahead point) gives
 * e_{t+1} = (1 + μ)(1 − ηλ) e_t − μ(1 − ηλ) e_{t−1}: stable iff 0 < ηλ < (2 + 2μ)/(1 + 2μ).
 */
import { checkFinite, checkInRange, checkNonNegative, expected } from '../util/validate';
import { eigenvaluesOf } from './lipschitz';

/**
 * The factor per step ρ = max |r| of momentum along an eigenvector of eigenvalue λ: the largest
 * modulus of the roots of r² − (1 + μ − ηλ) r + μ = 0 (with `nesterov`, of
 * r² − (1 + μ)(1 − ηλ) r + μ(1 − ηλ) = 0). Below 1: convergence. With μ = 0 both are gradient
 * descent's |1 − ηλ|.
 */
export function momentumFactor(lr: number, eigenvalue: number, momentum: number, nesterov = false): number {
  const where = 'momentumFactor';
  const eta = checkNonNegative(where, 'lr', lr);
  const lambda = checkFinite(where, 'eigenvalue', eigenvalue);
  const mu = checkInRange(where, 'momentum', momentum, 0, 1, true);
  const c = 1 - eta * lambda;
  // r² − s r + p = 0
  const [s, p] = nesterov ? [(1 + mu) * c, mu * c] : [1 + mu - eta * lambda, mu];
  const disc = s * s - 4 * p;
  if (disc < 0) return Math.sqrt(p);
  const root = Math.sqrt(disc);
  return Math.max(Math.abs((s + root) / 2), Math.abs((s - root) / 2));
}

/**
 * The stability limit of momentum: the error shrinks along λ > 0 iff ηλ < 2 + 2μ, or, with
 * Nesterov's momentum, iff ηλ < (2 + 2μ)/(1 + 2μ).
 */
export function momentumStabilityLimit(momentum: number, nesterov = false): number {
  const mu = checkInRange('momentumStabilityLimit', 'momentum', momentum, 0, 1, true);
  return nesterov ? (2 + 2 * mu) / (1 + 2 * mu) : 2 + 2 * mu;
}

/** The best constant learning rate and momentum for a quadratic, and the factor per step they give. */
export interface MomentumTuning {
  /** η* = 4/(√λ_max + √λ_min)². */
  lr: number;
  /** μ* = ((√κ − 1)/(√κ + 1))². */
  momentum: number;
  /** The factor per step (√κ − 1)/(√κ + 1) = √μ*. */
  rate: number;
}

/**
 * η* and μ* for a positive definite Hessian (a matrix, or its `[λ_max, λ_min]` given directly as
 * `{ lambdaMax, lambdaMin }`); see the file comment.
 */
export function optimalMomentum(hessian: readonly (readonly number[])[] | { lambdaMax: number; lambdaMin: number }): MomentumTuning {
  const where = 'optimalMomentum';
  let lmax: number;
  let lmin: number;
  if (Array.isArray(hessian)) {
    const eig = eigenvaluesOf(where, 'hessian', hessian);
    [lmax, lmin] = [eig[0], eig[eig.length - 1]];
  } else if (hessian !== null && typeof hessian === 'object') {
    const h = hessian as { lambdaMax: unknown; lambdaMin: unknown };
    lmax = checkFinite(where, 'lambdaMax', h.lambdaMax);
    lmin = checkFinite(where, 'lambdaMin', h.lambdaMin);
  } else {
    throw new TypeError(expected(where, 'hessian', 'a symmetric matrix or { lambdaMax, lambdaMin }', hessian));
  }
  if (!(lmin > 0) || !(lmax >= lmin)) {
    throw new RangeError(`${where}: hessian must be positive definite (0 < λ_min ≤ λ_max), received λ_max = ${lmax}, λ_min = ${lmin}`);
  }
  const root = Math.sqrt(lmax / lmin);
  const rate = (root - 1) / (root + 1);
  return { lr: 4 / (Math.sqrt(lmax) + Math.sqrt(lmin)) ** 2, momentum: rate * rate, rate };
}

/** The condition number κ = λ_max/λ_min of a positive definite symmetric matrix. */
export function conditionNumber(matrix: readonly (readonly number[])[]): number {
  const eig = eigenvaluesOf('conditionNumber', 'matrix', matrix);
  const lmin = eig[eig.length - 1];
  if (!(lmin > 0)) {
    throw new RangeError(`conditionNumber: matrix must be positive definite (all eigenvalues > 0), received eigenvalues ${eig.join(', ')}`);
  }
  return eig[0] / lmin;
}
