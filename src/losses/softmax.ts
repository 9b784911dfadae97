/**
 * Softmax and log-softmax over the last axis (chapter 02-cross-entropy), stable for any logits:
 * $$\operatorname{softmax}(z)_j = \frac{e^{z_j - m}}{\sum_c e^{z_c - m}}, \qquad
 *   \log\operatorname{softmax}(z)_j = z_j - m - \log\sum_c e^{z_c - m}, \qquad m = \max_c z_c.$$
 * Subtracting the row maximum m changes nothing mathematically and keeps every exponent ≤ 0.
 * Gradients: for s = softmax(z), ∂L/∂z = s ⊙ (g − ⟨g, s⟩); for log-softmax, ∂L/∂z = g − s·Σg.
 */
import { Tensor, formatShape } from '../tensor';
import { gradStorage, record } from '../tensor/autograd';
import { allocate, view } from '../tensor/storage';
import * as K from '../tensor/kernels';
import { checkTensor } from './reduction';

function rowsOf(where: string, z: Tensor): { rows: number; C: number } {
  if (z.ndim === 0 || z.shape[z.ndim - 1] === 0) {
    throw new RangeError(`${where}: input must have a non-empty last axis, received shape ${formatShape(z.shape)}`);
  }
  const C = z.shape[z.ndim - 1];
  return { rows: z.size / C, C };
}

export function logSoftmax(input: Tensor): Tensor {
  const z = checkTensor('logSoftmax', 'input', input);
  const { rows, C } = rowsOf('logSoftmax', z);
  const outS = allocate(z.size, false);
  K.logSoftmaxRows(z.storage, outS, rows, C);
  return record(outS, z.shape.slice(), 'logSoftmax', [z], (gs) => {
    const gz = view(gradStorage(z));
    const g = view(gs);
    const out = view(outS);
    for (let r = 0; r < rows; r++) {
      const o = r * C;
      let sg = 0;
      for (let c = 0; c < C; c++) sg += g[o + c];
      for (let c = 0; c < C; c++) gz[o + c] += g[o + c] - Math.exp(out[o + c]) * sg;
    }
  });
}

export function softmax(input: Tensor): Tensor {
  const z = checkTensor('softmax', 'input', input);
  const { rows, C } = rowsOf('softmax', z);
  const outS = allocate(z.size, false);
  const Z = view(z.storage);
  const out = view(outS);
  for (let r = 0; r < rows; r++) {
    const o = r * C;
    let m = -Infinity;
    for (let c = 0; c < C; c++) if (Z[o + c] > m) m = Z[o + c];
    let s = 0;
    for (let c = 0; c < C; c++) {
      out[o + c] = Math.exp(Z[o + c] - m);
      s += out[o + c];
    }
    for (let c = 0; c < C; c++) out[o + c] /= s;
  }
  return record(outS, z.shape.slice(), 'softmax', [z], (gs) => {
    const gz = view(gradStorage(z));
    const g = view(gs);
    const out = view(outS);
    for (let r = 0; r < rows; r++) {
      const o = r * C;
      let dot = 0;
      for (let c = 0; c < C; c++) dot += g[o + c] * out[o + c];
      for (let c = 0; c < C; c++) gz[o + c] += out[o + c] * (g[o + c] - dot);
    }
  });
}
