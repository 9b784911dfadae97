/** Reshape and transpose: the same numbers in another arrangement; gradients are rearranged back. */
import { Tensor } from './tensor';
import { accumulate, gradStorage, record } from './autograd';
import { allocate, view } from './storage';
import { formatShape, sizeOf } from './shape';
import { describe } from '../util/validate';

/** The same data with another shape of the same size; one axis may be −1 (inferred). */
export function reshape(a: Tensor, dims: number[]): Tensor {
  const shape = dims.slice();
  const infer = shape.indexOf(-1);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < -1 || (d === -1 && i !== infer)) {
      throw new RangeError(
        `reshape: shape must be integers >= 0 with at most one -1, received ${describe(dims)}`,
      );
    }
  }
  if (infer >= 0) {
    const known = sizeOf(shape.filter((_, i) => i !== infer));
    if (known === 0 || a.size % known !== 0) {
      throw new RangeError(`reshape: cannot infer -1 in ${formatShape(dims)} for ${a.size} elements`);
    }
    shape[infer] = a.size / known;
  }
  if (sizeOf(shape) !== a.size) {
    throw new RangeError(
      `reshape: shape ${formatShape(shape)} holds ${sizeOf(shape)} elements, but the tensor of shape ` +
        `${formatShape(a.shape)} has ${a.size}`,
    );
  }
  // The result shares a's storage; its gradient is a's gradient, element for element.
  return record(a.storage, shape, 'reshape', [a], (g) => accumulate(a, g));
}

/** The transpose Aᵀ of a 2-D tensor (a 1-D or 0-D tensor is returned as it is). */
export function transpose(a: Tensor): Tensor {
  if (a.ndim < 2) return a;
  if (a.ndim !== 2) {
    throw new RangeError(`transpose: expected a tensor with at most 2 axes, received shape ${formatShape(a.shape)}`);
  }
  const [n, m] = a.shape;
  const outS = allocate(n * m, false);
  const A = view(a.storage);
  const out = view(outS);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j * n + i] = A[i * m + j];
  return record(outS, [m, n], 'transpose', [a], (gs) => {
    const ga = view(gradStorage(a));
    const g = view(gs);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) ga[i * m + j] += g[j * n + i];
  });
}
