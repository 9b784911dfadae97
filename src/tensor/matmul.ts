/**
 * Matrix products (chapter 08-training): Y = A B for A [n, k] and B [k, m], or y = A v for a
 * vector v [k]. Gradients: ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G, with G = ∂L/∂Y.
 *
 * All three products run through one register-tiled kernel, out = X Yᵀ (gemm.ts), whose
 * operands are read along contiguous rows of the row-major Float64Arrays.
 */
import { Tensor, fromOp, gradOf } from './tensor';
import { formatShape } from './shape';
import { describe } from '../util/validate';
import { gemmABt, transposeInto } from './gemm';

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
  // Y = A B = A (Bᵀ)ᵀ
  gemmABt(A, transposeInto(B, k, m, 0), out, n, m, k, false);
  return fromOp(out, [n, m], 'matmul', [a, b], (g) => {
    // ∂L/∂A = G Bᵀ: rows of G against rows of B, both contiguous.
    if (a.requiresGrad) gemmABt(g, B, gradOf(a), n, k, m, true);
    // ∂L/∂B = Aᵀ G = Aᵀ (Gᵀ)ᵀ
    if (b.requiresGrad) gemmABt(transposeInto(A, n, k, 0), transposeInto(g, n, m, 1), gradOf(b), k, m, n, true);
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
