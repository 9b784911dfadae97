/**
 * The noise floor of constant-step SGD (chapter 04-minibatch). Near the minimum θ* of a loss with
 * Hessian H, a step with a noisy gradient ĝ = ∇L(θ) + ξ is
 *
 *   θ_{t+1} − θ* = (I − ηH)(θ_t − θ*) − η ξ_t,
 *
 * and with independent noise of covariance Σ the covariance P of θ − θ* settles where
 *
 *   P = (I − ηH) P (I − ηH) + η² Σ,
 *
 * so the loss stops improving at E[L(θ) − L*] = ½ tr(HP) instead of reaching L*. Along an
 * eigenvector of H with eigenvalue λ this is η Σ_λλ / (2(2 − ηλ)), so for small η the floor is
 * (η/4) tr(Σ): proportional to the learning rate and to the gradient noise (Σ ∝ 1/B).
 */
import { checkNonNegative, expected } from '../util/validate';
import { eigenvaluesOf } from './lipschitz';

/**
 * The P that solves P = A P Aᵀ + Q (a discrete Lyapunov equation), for a small square A and a
 * symmetric Q, by solving the n² × n² linear system (I − A ⊗ A) vec P = vec Q.
 */
export function stationaryCovariance(A: readonly (readonly number[])[], Q: readonly (readonly number[])[]): number[][] {
  const where = 'stationaryCovariance';
  const n = checkSquare(where, 'A', A);
  if (checkSquare(where, 'Q', Q) !== n) throw new RangeError(expected(where, 'Q', `a ${n}×${n} matrix like A`, Q));
  const m = n * n;
  const M = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const row = i * n + j;
      M[row][row] += 1;
      for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) M[row][k * n + l] -= A[i][k] * A[j][l];
      M[row][m] = Q[i][j];
    }
  }
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    if (Math.abs(M[pivot][c]) < 1e-300) {
      throw new RangeError(`${where}: no stationary covariance: A has an eigenvalue of modulus >= 1 (the iteration does not settle)`);
    }
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = 0; r < m; r++) {
      if (r === c || M[r][c] === 0) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= m; k++) M[r][k] -= f * M[c][k];
    }
  }
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => M[i * n + j][m] / M[i * n + j][i * n + j]));
}

/**
 * The predicted noise floor E[L(θ) − L*] = ½ tr(HP) of SGD with constant learning rate `lr` on a
 * loss with Hessian `hessian` and gradient-noise covariance `noise` (see the file comment).
 * Throws when ηλ_max ≥ 2: then there is no floor, the run diverges.
 */
export function noiseFloor(options: {
  hessian: readonly (readonly number[])[];
  noise: readonly (readonly number[])[];
  lr: number;
}): number {
  const where = 'noiseFloor';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(expected(where, 'options', 'an object { hessian, noise, lr }', options));
  }
  const { hessian: H, noise: S } = options;
  const eig = eigenvaluesOf(where, 'hessian', H);
  const lr = checkNonNegative(where, 'lr', options.lr);
  if (lr * eig[0] >= 2) {
    throw new RangeError(`${where}: lr must be below 2/λ_max = ${2 / eig[0]} for a floor to exist, received ${lr}`);
  }
  eigenvaluesOf(where, 'noise', S);
  const n = H.length;
  const A = H.map((row, i) => row.map((h, j) => (i === j ? 1 : 0) - lr * h));
  const Q = S.map((row) => row.map((s) => lr * lr * s));
  const P = stationaryCovariance(A, Q);
  let trace = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) trace += H[i][j] * P[j][i];
  return trace / 2;
}

function checkSquare(where: string, name: string, M: unknown): number {
  const what = 'a non-empty square matrix of finite numbers';
  if (!Array.isArray(M) || M.length === 0) throw new TypeError(expected(where, name, what, M));
  const n = M.length;
  M.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== n || row.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new TypeError(expected(where, `${name}[${i}]`, `a row of ${n} finite numbers`, row));
    }
  });
  return n;
}
