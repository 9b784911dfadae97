/**
 * Mean squared error (chapter 01-mse):
 * $$\mathrm{MSE}(\hat y, y) = \frac1n \sum_{i=1}^n (\hat y_i - y_i)^2, \qquad
 *   \frac{\partial\,\mathrm{MSE}}{\partial \hat y_i} = \frac{2}{n}(\hat y_i - y_i).$$
 * With reduction 'sum' the 1/n is dropped; with 'none' the squared errors are returned.
 */
import { Tensor, fromOp, gradOf } from '../tensor';
import { LossOptions, checkReduction, checkTensor, reductionScale, targetLike } from './reduction';

export function mse(input: Tensor, target: unknown, options?: LossOptions): Tensor {
  const reduction = checkReduction('mse', options);
  const x = checkTensor('mse', 'input', input);
  const y = targetLike('mse', x, target);
  const n = x.size;
  const X = x.data;
  const Y = y.data;
  if (reduction === 'none') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (X[i] - Y[i]) ** 2;
    return fromOp(out, x.shape.slice(), 'mse', [x, y], (g) => {
      if (x.requiresGrad) {
        const gx = gradOf(x);
        for (let i = 0; i < n; i++) gx[i] += 2 * (X[i] - Y[i]) * g[i];
      }
      if (y.requiresGrad) {
        const gy = gradOf(y);
        for (let i = 0; i < n; i++) gy[i] -= 2 * (X[i] - Y[i]) * g[i];
      }
    });
  }
  const scale = reductionScale('mse', reduction, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += (X[i] - Y[i]) ** 2;
  return fromOp(Float64Array.of(s * scale), [], 'mse', [x, y], (g) => {
    const c = 2 * scale * g[0];
    if (x.requiresGrad) {
      const gx = gradOf(x);
      for (let i = 0; i < n; i++) gx[i] += c * (X[i] - Y[i]);
    }
    if (y.requiresGrad) {
      const gy = gradOf(y);
      for (let i = 0; i < n; i++) gy[i] -= c * (X[i] - Y[i]);
    }
  });
}
