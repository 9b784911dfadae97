/** Shared tail of the elementwise losses: reduce per-element losses and their local gradients. */
import { Tensor } from '../tensor';
import { gradStorage, record } from '../tensor/autograd';
import { Storage, fromArray, view } from '../tensor/storage';
import { Reduction, reductionScale } from './reduction';

/**
 * `losses[i]` is the loss of element i and `dInput[i]` its derivative with respect to input i
 * (`dTarget[i]` for the target, when given); the result follows `reduction`.
 */
export function reduceElementwise(
  where: string,
  reduction: Reduction,
  input: Tensor,
  target: Tensor,
  losses: Float64Array,
  dInput: Float64Array,
  dTarget: Float64Array | null,
): Tensor {
  const n = losses.length;
  /** Adds dInput·s (and dTarget·s) into the gradients, s = g[i] ('none') or the constant `scale`. */
  const back = (g: Storage | null, scale: number) => {
    const gx = input.requiresGrad ? gradStorage(input) : null;
    const gy = target.requiresGrad && dTarget !== null ? gradStorage(target) : null;
    const G = g === null ? null : view(g);
    if (gx !== null) {
      const out = view(gx);
      for (let i = 0; i < n; i++) out[i] += dInput[i] * (G === null ? scale : G[i]);
    }
    if (gy !== null && dTarget !== null) {
      const out = view(gy);
      for (let i = 0; i < n; i++) out[i] += dTarget[i] * (G === null ? scale : G[i]);
    }
  };
  if (reduction === 'none') {
    return record(fromArray(losses, false), input.shape.slice(), where, [input, target], (g) => back(g, 0));
  }
  const scale = reductionScale(where, reduction, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += losses[i];
  return record(fromArray(Float64Array.of(s * scale), false), [], where, [input, target], (g) => back(null, view(g)[0] * scale));
}
