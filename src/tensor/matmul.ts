/**
 * Matrix products (chapter 08-training): Y = A B for A [n, k] and B [k, m], or y = A v for a
 * vector v [k]. Gradients: ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G, with G = ∂L/∂Y.
 *
 * The three products are one kernel each (kernels/index.ts `gemm`), which reads the transposed
 * operand in place: no transposed copy of A, B or G is made.
 */
import { Tensor } from './tensor';
import { constant, freshGradStorage, gradStorage, record, recording } from './autograd';
import { Storage, allocate, view } from './storage';
import { formatShape } from './shape';
import { describe } from '../util/validate';
import * as K from './kernels';

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

/**
 * ∂L/∂A += G Bᵀ and ∂L/∂B += Aᵀ G for Y = A B with A [n, k], B [k, m] and G = ∂L/∂Y [n, m]
 * (written, not added, into a gradient that does not exist yet). Shared with linear.ts.
 */
export function matmulBackward(a: Tensor, b: Tensor, g: Storage, n: number, k: number, m: number): void {
  if (a.requiresGrad) {
    const fresh = freshGradStorage(a);
    K.gemm('nt', g, b.storage, fresh ?? gradStorage(a), n, k, m, fresh === null);
  }
  if (b.requiresGrad) {
    const fresh = freshGradStorage(b);
    K.gemm('tn', a.storage, g, fresh ?? gradStorage(b), k, m, n, fresh === null);
  }
}

function matrixMatrix(a: Tensor, b: Tensor, n: number, k: number, m: number): Tensor {
  const out = allocate(n * m, false);
  K.gemm('nn', a.storage, b.storage, out, n, m, k, false);
  if (!recording(a, b)) return constant(out, [n, m], 'matmul');
  return record(out, [n, m], 'matmul', [a, b], (g) => matmulBackward(a, b, g, n, k, m));
}

function matrixVector(a: Tensor, v: Tensor, n: number, k: number): Tensor {
  const outS = allocate(n, false);
  const A = view(a.storage);
  const V = view(v.storage);
  const out = view(outS);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += A[i * k + p] * V[p];
    out[i] = s;
  }
  return record(outS, [n], 'matmul', [a, v], (gs) => {
    const gaS = a.requiresGrad ? gradStorage(a) : null;
    const gvS = v.requiresGrad ? gradStorage(v) : null;
    const g = view(gs);
    const A = view(a.storage);
    const V = view(v.storage);
    if (gaS !== null) {
      const ga = view(gaS);
      for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) ga[i * k + p] += g[i] * V[p];
    }
    if (gvS !== null) {
      const gv = view(gvS);
      for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) gv[p] += g[i] * A[i * k + p];
    }
  });
}
