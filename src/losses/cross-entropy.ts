/**
 * Multi-class cross-entropy on logits (chapter 02-cross-entropy), as PyTorch's `cross_entropy`:
 * $$\ell_n = -(1-\varepsilon)\log p_{n,y_n} - \frac{\varepsilon}{C}\sum_{c=1}^{C}\log p_{n,c},
 *   \qquad p_n = \operatorname{softmax}(z_n),$$
 * with label smoothing ε (default 0), reduced by 'mean' over the N rows (default), 'sum' or 'none'.
 * Softmax and the loss are fused, so the backward step is the famous
 * $$\frac{\partial \ell_n}{\partial z_{n,j}} = p_{n,j} - (1-\varepsilon)[j = y_n] - \frac{\varepsilon}{C}.$$
 */
import { Tensor, fromOp, gradOf, formatShape } from '../tensor';
import { checkInRange, describe } from '../util/validate';
import { Reduction, checkReduction, checkTensor, reductionScale } from './reduction';
import { logSoftmaxRows } from './softmax';

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
    values = labels.data;
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
  const logp = new Float64Array(z.size);
  logSoftmaxRows(z.data, N, C, logp);
  const losses = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let all = 0;
    if (eps !== 0) for (let c = 0; c < C; c++) all += logp[n * C + c];
    losses[n] = -(1 - eps) * logp[n * C + y[n]] - (eps / C) * all;
  }
  const backward = (scaleAt: (n: number) => number) => {
    const gz = gradOf(z);
    for (let n = 0; n < N; n++) {
      const s = scaleAt(n);
      const o = n * C;
      for (let c = 0; c < C; c++) gz[o + c] += s * (Math.exp(logp[o + c]) - eps / C);
      gz[o + y[n]] -= s * (1 - eps);
    }
  };
  if (reduction === 'none') return fromOp(losses, [N], where, [z], (g) => backward((n) => g[n]));
  const scale = reductionScale(where, reduction, N);
  let total = 0;
  for (let n = 0; n < N; n++) total += losses[n];
  return fromOp(Float64Array.of(total * scale), [], where, [z], (g) => {
    const s = g[0] * scale;
    backward(() => s);
  });
}
