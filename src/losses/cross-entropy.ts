/**
 * Multi-class cross-entropy on logits (chapter 02-cross-entropy), as PyTorch's `cross_entropy`:
 * $$\ell_n = -(1-\varepsilon)\log p_{n,y_n} - \frac{\varepsilon}{C}\sum_{c=1}^{C}\log p_{n,c},
 *   \qquad p_n = \operatorname{softmax}(z_n),$$
 * with label smoothing ε (default 0), reduced by 'mean' over the N rows (default), 'sum' or 'none'.
 * Softmax and the loss are fused, so the backward step is the famous
 * $$\frac{\partial \ell_n}{\partial z_{n,j}} = p_{n,j} - (1-\varepsilon)[j = y_n] - \frac{\varepsilon}{C}.$$
 */
import { Tensor, formatShape } from '../tensor';
import { gradStorage, record } from '../tensor/autograd';
import { allocate, fromArray, markIntermediate, release, view } from '../tensor/storage';
import * as K from '../tensor/kernels';
import { checkInRange, describe } from '../util/validate';
import { Reduction, checkReduction, checkTensor, reductionScale } from './reduction';

export interface CrossEntropyOptions {
  /** 'mean' | 'sum' | 'none' (default: 'mean') */
  reduction?: Reduction;
  /** ε in [0, 1]: the share of the target spread evenly over all classes (default: 0) */
  labelSmoothing?: number;
}

export const DEFAULT_LABEL_SMOOTHING = 0;

/** Class labels as integers in [0, C), from a number[] or a Tensor of shape [N]. */
export function checkLabels(where: string, labels: unknown, N: number, C: number): Int32Array {
  let values: ArrayLike<number>;
  if (labels instanceof Tensor) {
    if (labels.ndim !== 1) {
      throw new RangeError(`${where}: labels must have shape [${N}], received a tensor of shape ${formatShape(labels.shape)}`);
    }
    values = view(labels.storage);
  } else if (Array.isArray(labels)) {
    values = labels;
  } else {
    throw new TypeError(`${where}: labels must be a number[] or a Tensor of class indices, received ${describe(labels)}`);
  }
  if (values.length !== N) {
    throw new RangeError(`${where}: expected ${N} labels, one per row of the logits [${N}, ${C}], received ${values.length}`);
  }
  const out = new Int32Array(N);
  for (let n = 0; n < N; n++) {
    const y = values[n];
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 0 || y >= C) {
      throw new RangeError(
        `${where}: labels must be integers in [0, ${C}) for ${C} classes, received ${describe(y)} at index ${n}`,
      );
    }
    out[n] = y;
  }
  return out;
}

export function crossEntropy(logits: Tensor, labels: number[] | Tensor, options?: CrossEntropyOptions): Tensor {
  const where = 'crossEntropy';
  const reduction = checkReduction(where, options, ['reduction', 'labelSmoothing']);
  const eps = checkInRange(where, 'labelSmoothing', options?.labelSmoothing ?? DEFAULT_LABEL_SMOOTHING, 0, 1);
  const z = checkTensor(where, 'logits', logits);
  if (z.ndim !== 2 || z.shape[1] === 0) {
    throw new RangeError(`${where}: logits must have shape [N, C] with C >= 1, received ${formatShape(z.shape)}`);
  }
  const [N, C] = z.shape;
  const y = checkLabels(where, labels, N, C);
  // lse[n] = log Σ_c exp(z[n, c]) per row; the backward step recomputes softmax from z and lse.
  const lse = allocate(N, false);
  const losses = allocate(N, false);
  K.crossEntropyRows(z.storage, y, lse, losses, N, C, eps);
  let out: Tensor;
  if (reduction === 'none') {
    out = record(losses, [N], where, [z], (g) => K.crossEntropyGradInto(z.storage, y, lse, gradStorage(z), N, C, eps, g, 0));
  } else {
    const scale = reductionScale(where, reduction, N);
    const total = K.sumAll(losses);
    release(losses);
    out = record(fromArray(Float64Array.of(total * scale), false), [], where, [z], (g) => {
      const s = view(g)[0] * scale;
      K.crossEntropyGradInto(z.storage, y, lse, gradStorage(z), N, C, eps, null, s);
    });
  }
  // lse lives only in the backward step: an intermediate of this training step, like the result.
  if (out.requiresGrad) markIntermediate(lse);
  return out;
}
