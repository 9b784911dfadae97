/**
 * How large a learning rate gradient descent can take on a quadratic (chapter 03-gradient-descent).
 *
 * On f(θ) = ½ θᵀAθ with A symmetric, GD is θ_{t+1} = (I − ηA) θ_t, so along the eigenvector of
 * eigenvalue λ the error is multiplied by (1 − ηλ) each step. It shrinks iff |1 − ηλ| < 1 for
 * every λ, i.e. 0 < η < 2/λ_max. λ_max is also M, the smoothness constant (the Lipschitz constant of
 * ∇f: ‖∇f(u) − ∇f(v)‖ ≤ M‖u − v‖; the course writes M, as L is the loss).
 * The fastest constant rate is η* = 2/(λ_max + λ_min), with factor (κ − 1)/(κ + 1), κ = λ_max/λ_min.
 */
import { checkFinite, checkNonNegative, expected } from '../util/validate';

/** Off-diagonal entries below this (relative to the matrix's size) end the Jacobi iteration. */
const JACOBI_TOLERANCE = 1e-14;
const JACOBI_MAX_SWEEPS = 100;

/**
 * The eigenvalues of a symmetric 2×2 matrix [[a, b], [b, d]], largest first, in closed form:
 * λ = (a + d)/2 ± √(((a − d)/2)² + b²).
 */
export function eigenvalues2x2(matrix: readonly (readonly number[])[]): [number, number] {
  const A = checkSymmetric('eigenvalues2x2', matrix);
  if (A.length !== 2) throw new RangeError(expected('eigenvalues2x2', 'matrix', 'a 2×2 matrix', matrix));
  return closedForm2x2(A[0][0], A[0][1], A[1][1]);
}

function closedForm2x2(a: number, b: number, d: number): [number, number] {
  const mean = (a + d) / 2;
  const radius = Math.hypot((a - d) / 2, b);
  return [mean + radius, mean - radius];
}

/**
 * The eigenvalues of a symmetric matrix, largest first: closed form up to 2×2, else the cyclic
 * Jacobi method (rotations that zero the off-diagonal entries one by one).
 */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  return eigenvaluesOf('symmetricEigenvalues', 'matrix', matrix);
}

/** `symmetricEigenvalues` with errors that name the caller and its argument. @internal */
export function eigenvaluesOf(where: string, name: string, matrix: unknown): number[] {
  const A = checkSymmetric(where, matrix, name);
  const n = A.length;
  if (n === 1) return [A[0][0]];
  if (n === 2) return closedForm2x2(A[0][0], A[0][1], A[1][1]);
  const m = A.map((row) => row.slice());
  let scale = 0;
  for (const row of m) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = Math.max(off, Math.abs(m[p][q]));
    if (off <= JACOBI_TOLERANCE * scale) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
      }
    }
  }
  return m.map((row, i) => row[i]).sort((x, y) => y - x);
}

/**
 * The smoothness constant M (the Lipschitz constant of ∇f) of the quadratic with Hessian A: the
 * largest |eigenvalue| of A (for a convex quadratic, λ_max). A number is read as the 1×1 Hessian
 * (f = a θ²/2, M = |a|).
 */
export function lipschitzConstant(hessian: number | readonly (readonly number[])[]): number {
  if (typeof hessian === 'number') return Math.abs(checkFinite('lipschitzConstant', 'hessian', hessian));
  const eig = eigenvaluesOf('lipschitzConstant', 'hessian', hessian);
  return Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
}

/** The learning-rate bound 2/M: GD on the quadratic converges for 0 < η < 2/M and diverges for η > 2/M. */
export function maxStableLearningRate(hessian: number | readonly (readonly number[])[]): number {
  const M = lipschitzConstant(hessian);
  if (M === 0) return Infinity;
  return 2 / M;
}

/** η* = 2/(λ_max + λ_min) for a positive definite Hessian: the learning rate with the fastest worst case. */
export function optimalLearningRate(hessian: number | readonly (readonly number[])[]): number {
  const eig =
    typeof hessian === 'number'
      ? [checkFinite('optimalLearningRate', 'hessian', hessian)]
      : eigenvaluesOf('optimalLearningRate', 'hessian', hessian);
  const lmax = eig[0];
  const lmin = eig[eig.length - 1];
  if (!(lmin > 0)) {
    throw new RangeError(
      `optimalLearningRate: hessian must be positive definite (all eigenvalues > 0), received eigenvalues ${eig.join(', ')}`,
    );
  }
  return 2 / (lmax + lmin);
}

/**
 * The per-step factor |1 − ηλ| of GD along an eigenvector of eigenvalue λ: the error after t steps
 * is |1 − ηλ|^t times the initial one (x_t = (1 − ηa)^t x₀ on f = a x²/2). Below 1: convergence;
 * above 1: divergence; negative (1 − ηλ) means the iterates oscillate around the minimum.
 */
export function convergenceFactor(lr: number, eigenvalue: number): number {
  checkNonNegative('convergenceFactor', 'lr', lr);
  checkFinite('convergenceFactor', 'eigenvalue', eigenvalue);
  return Math.abs(1 - lr * eigenvalue);
}

function checkSymmetric(where: string, matrix: unknown, name = 'matrix'): number[][] {
  const what = 'a non-empty square symmetric matrix of finite numbers (an array of rows)';
  if (!Array.isArray(matrix) || matrix.length === 0) throw new TypeError(expected(where, name, what, matrix));
  const n = matrix.length;
  const A = matrix.map((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new RangeError(expected(where, `${name}[${i}]`, `a row of ${n} numbers (a square matrix)`, row));
    }
    return row.map((v: unknown, j: number) => checkFinite(where, `${name}[${i}][${j}]`, v));
  });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const scale = Math.max(1, Math.abs(A[i][j]), Math.abs(A[j][i]));
      if (Math.abs(A[i][j] - A[j][i]) > 1e-12 * scale) {
        throw new RangeError(
          `${where}: ${name} must be symmetric, but ${name}[${i}][${j}] = ${A[i][j]} and ${name}[${j}][${i}] = ${A[j][i]}`,
        );
      }
    }
  }
  return A;
}
