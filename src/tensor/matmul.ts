/**
 * Matrix products (chapter 08-training): Y = A B for A [n, k] and B [k, m], or y = A v for a
 * vector v [k]. Gradients: ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G, with G = ∂L/∂Y.
 *
 * The loops run in i-p-j order so the innermost loop walks rows of B and Y contiguously
 * (cache-friendly on row-major Float64Arrays).
 */
import { Tensor, fromOp, gradOf } from './tensor';
import { formatShape } from './shape';
import { describe } from '../util/validate';

export function matmul(a: Tensor, b: Tensor): Tensor {
  if (!(b instanceof Tensor)) throw new TypeError(`matmul: other must be a Tensor, received ${describe(b)}`);
  if (a.ndim !== 2 || (b.ndim !== 2 && b.ndim !== 1)) {
    throw new RangeError(
      `matmul: expected [n, k] @ [k, m] or [n, k] @ [k], received ${formatShape(a.shape)} @ ${formatShape(b.shape)}`,
    );
  }
  const [n, k] = a.shape;
  if (b.shape[0] !== k) {
    throw new RangeError(
      `matmul: inner dimensions differ: ${formatShape(a.shape)} @ ${formatShape(b.shape)} ` +
        `(${k} columns against ${b.shape[0]} rows)`,
    );
  }
  return b.ndim === 2 ? matrixMatrix(a, b, n, k, b.shape[1]) : matrixVector(a, b, n, k);
}

function matrixMatrix(a: Tensor, b: Tensor, n: number, k: number, m: number): Tensor {
  const A = a.data;
  const B = b.data;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let p = 0; p < k; p++) {
      const aip = A[i * k + p];
      if (aip === 0) continue;
      const brow = p * m;
      for (let j = 0; j < m; j++) out[row + j] += aip * B[brow + j];
    }
  }
  return fromOp(out, [n, m], 'matmul', [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      // ∂L/∂A[i, p] = Σ_j G[i, j] B[p, j]: dot products of two contiguous rows.
      for (let i = 0; i < n; i++) {
        for (let p = 0; p < k; p++) {
          let s = 0;
          const grow = i * m;
          const brow = p * m;
          for (let j = 0; j < m; j++) s += g[grow + j] * B[brow + j];
          ga[i * k + p] += s;
        }
      }
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      // ∂L/∂B[p, j] = Σ_i A[i, p] G[i, j]
      for (let i = 0; i < n; i++) {
        const grow = i * m;
        for (let p = 0; p < k; p++) {
          const aip = A[i * k + p];
          if (aip === 0) continue;
          const brow = p * m;
          for (let j = 0; j < m; j++) gb[brow + j] += aip * g[grow + j];
        }
      }
    }
  });
}

function matrixVector(a: Tensor, v: Tensor, n: number, k: number): Tensor {
  const A = a.data;
  const V = v.data;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += A[i * k + p] * V[p];
    out[i] = s;
  }
  return fromOp(out, [n], 'matmul', [a, v], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) ga[i * k + p] += g[i] * V[p];
    }
    if (v.requiresGrad) {
      const gv = gradOf(v);
      for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) gv[p] += g[i] * A[i * k + p];
    }
  });
}
