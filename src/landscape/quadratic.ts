/**
 * Quadratic bowls, the landscapes whose gradient descent can be solved in closed form (chapter
 * 03-gradient-descent derives x_t = (1 − ηa)^t x₀ and the bound η < 2/λ_max; chapter 07-optimizers
 * races the optimizers down an ill-conditioned one).
 */
import { Tensor } from '../tensor';
import { checkFinite, expected } from '../util/validate';
import { checkParameter, makeLandscape } from './landscape';
import type { Landscape } from './landscape';
import { eigenvaluesOf } from './lipschitz';

/** Half-width of the plotting window around the centre c. */
export const QUADRATIC_HALF_WIDTH = 3;

/**
 * f(θ) = ½ Σᵢ aᵢ (θᵢ − cᵢ)², ∇f = a ⊙ (θ − c), Hessian diag(a); the minimum is c when every
 * aᵢ > 0. `a` may be a number for the 1-D f(x) = a (x − c)²/2; c defaults to 0.
 */
export function quadratic(a: number | readonly number[], c?: readonly number[]): Landscape {
  const where = 'quadratic';
  const coefficients = typeof a === 'number' ? [a] : a;
  if (!Array.isArray(coefficients) || coefficients.length === 0) {
    throw new TypeError(expected(where, 'a', 'a number or a non-empty array of numbers', a));
  }
  const diag = coefficients.map((v: unknown, i: number) => checkFinite(where, `a[${i}]`, v));
  const matrix = diag.map((v, i) => diag.map((_, j) => (i === j ? v : 0)));
  const terms = diag.map((v, i) => `${formatCoefficient(v)}\\left(\\theta_{${i + 1}}${shift(c?.[i])}\\right)^2`).join(' + ');
  return quadraticLandscape(where, matrix, c, 'Quadratic', `f(\\theta) = \\tfrac12\\left(${terms}\\right)`);
}

/**
 * f(θ) = ½ (θ − c)ᵀ A (θ − c) for a symmetric matrix A; ∇f = A(θ − c), Hessian A. Its critical
 * point c is a minimum, a maximum or a saddle according to the signs of A's eigenvalues.
 */
export function quadraticForm(A: readonly (readonly number[])[], c?: readonly number[]): Landscape {
  return quadraticLandscape('quadraticForm', A, c, 'Quadratic form', 'f(\\theta) = \\tfrac12 (\\theta - c)^\\top A (\\theta - c)');
}

export interface IllConditionedOptions {
  /** The condition number κ = λ_max/λ_min ≥ 1 (default 10). */
  kappa?: number;
  /** Rotation of the valley in radians (default 0: the long axis along x). */
  angle?: number;
}

export const ILL_CONDITIONED_DEFAULTS = Object.freeze({ kappa: 10, angle: 0 });

/**
 * An ill-conditioned 2-D bowl f(θ) = ½ θᵀAθ with A = R diag(1, κ) Rᵀ, R the rotation by `angle`:
 * curvature 1 along the valley and κ across it, so λ_max = κ, GD needs η < 2/κ and crawls along the
 * valley at rate 1 − η. With angle 0, f(x, y) = ½(x² + κ y²).
 */
export function illConditioned(options: IllConditionedOptions = {}): Landscape {
  const where = 'illConditioned';
  if (options === null || typeof options !== 'object') throw new TypeError(expected(where, 'options', 'an object', options));
  for (const key of Object.keys(options)) {
    if (key !== 'kappa' && key !== 'angle') {
      throw new TypeError(`${where}: unknown option ${JSON.stringify(key)}; expected one of kappa, angle`);
    }
  }
  const kappa = checkParameter(where, 'kappa', options.kappa ?? ILL_CONDITIONED_DEFAULTS.kappa, true);
  if (kappa < 1) throw new RangeError(expected(where, 'kappa', 'a condition number >= 1', kappa));
  const angle = checkParameter(where, 'angle', options.angle ?? ILL_CONDITIONED_DEFAULTS.angle);
  const cs = Math.cos(angle);
  const sn = Math.sin(angle);
  // R diag(1, κ) Rᵀ with R = [[cos, −sin], [sin, cos]].
  const A = [
    [cs * cs + kappa * sn * sn, (1 - kappa) * cs * sn],
    [(1 - kappa) * cs * sn, sn * sn + kappa * cs * cs],
  ];
  const tex =
    angle === 0
      ? `f(x, y) = \\tfrac12\\left(x^2 + ${kappa}\\,y^2\\right)`
      : `f(\\theta) = \\tfrac12\\,\\theta^\\top R\\,\\mathrm{diag}(1, ${kappa})\\,R^\\top \\theta`;
  return quadraticLandscape(where, A, undefined, `Ill-conditioned quadratic (κ = ${kappa})`, tex);
}

function quadraticLandscape(
  where: string,
  matrix: unknown,
  centre: unknown,
  name: string,
  tex: string,
): Landscape {
  const eig = eigenvaluesOf(where, 'A', matrix);
  const A = (matrix as number[][]).map((row) => row.slice());
  const n = A.length;
  let c: number[];
  if (centre === undefined) c = new Array<number>(n).fill(0);
  else if (!Array.isArray(centre) || centre.length !== n) {
    throw new RangeError(expected(where, 'c', `an array of ${n} numbers (the centre)`, centre));
  } else c = centre.map((v: unknown, i: number) => checkFinite(where, `c[${i}]`, v));

  const f = (t: readonly number[]): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const di = t[i] - c[i];
      for (let j = 0; j < n; j++) s += A[i][j] * di * (t[j] - c[j]);
    }
    return s / 2;
  };
  const grad = (t: readonly number[]): number[] => {
    const g = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) g[i] += A[i][j] * (t[j] - c[j]);
    return g;
  };
  const tensorF = (p: readonly Tensor[]): Tensor => {
    const d = p.map((pi, i) => (c[i] === 0 ? pi : pi.sub(c[i])));
    let total: Tensor | null = null;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const w = i === j ? A[i][i] / 2 : A[i][j];
        if (w === 0) continue;
        const term = (i === j ? d[i].pow(2) : d[i].mul(d[j])).mul(w);
        total = total === null ? term : total.add(term);
      }
    }
    return total ?? d[0].mul(0);
  };
  const kind = eig[n - 1] > 0 ? 'minima' : eig[0] < 0 ? 'maxima' : eig[0] > 0 && eig[n - 1] < 0 ? 'saddles' : 'none';
  return makeLandscape({
    name,
    tex,
    dim: n,
    f,
    grad,
    hessian: () => A.map((row) => row.slice()),
    tensorF,
    minima: kind === 'minima' ? [c.slice()] : [],
    maxima: kind === 'maxima' ? [c.slice()] : [],
    saddles: kind === 'saddles' ? [c.slice()] : [],
    domain: c.map((ci) => [ci - QUADRATIC_HALF_WIDTH, ci + QUADRATIC_HALF_WIDTH] as [number, number]),
  });
}

function formatCoefficient(v: number): string {
  return v === 1 ? '' : `${v}\\,`;
}

function shift(ci: number | undefined): string {
  if (ci === undefined || ci === 0) return '';
  return ci > 0 ? ` - ${ci}` : ` + ${-ci}`;
}
