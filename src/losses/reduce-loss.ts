/** Shared tail of the elementwise losses: reduce per-element losses and their local gradients. */
import { Tensor, fromOp, gradOf } from '../tensor';
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
  const back = (scaleAt: (i: number) => number) => {
    if (input.requiresGrad) {
      const gx = gradOf(input);
      for (let i = 0; i < n; i++) gx[i] += dInput[i] * scaleAt(i);
    }
    if (target.requiresGrad && dTarget !== null) {
      const gy = gradOf(target);
      for (let i = 0; i < n; i++) gy[i] += dTarget[i] * scaleAt(i);
    }
  };
  if (reduction === 'none') {
    return fromOp(losses, input.shape.slice(), where, [input, target], (g) => back((i) => g[i]));
  }
  const scale = reductionScale(where, reduction, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += losses[i];
  return fromOp(Float64Array.of(s * scale), [], where, [input, target], (g) => {
    const c = g[0] * scale;
    back(() => c);
  });
}
