/**
 * Mean squared error (chapter 01-mse):
 * $$\mathrm{MSE}(\hat y, y) = \frac1n \sum_{i=1}^n (\hat y_i - y_i)^2, \qquad
 *   \frac{\partial\,\mathrm{MSE}}{\partial \hat y_i} = \frac{2}{n}(\hat y_i - y_i).$$
 * With reduction 'sum' the 1/n is dropped; with 'none' the squared errors are returned.
 */
import { Tensor } from '../tensor';
import { gradStorage, record } from '../tensor/autograd';
import { Storage, allocate, fromArray, view } from '../tensor/storage';
import { LossOptions, checkReduction, checkTensor, reductionScale, targetLike } from './reduction';

export function mse(input: Tensor, target: unknown, options?: LossOptions): Tensor {
  const reduction = checkReduction('mse', options);
  const x = checkTensor('mse', 'input', input);
  const y = targetLike('mse', x, target);
  const n = x.size;
  /** ∂/∂x += 2(x − y)·s and ∂/∂y −= 2(x − y)·s, s = c·g[i] ('none') or c. */
  const back = (g: Storage | null, c: number) => {
    const gx = x.requiresGrad ? gradStorage(x) : null;
    const gy = y.requiresGrad ? gradStorage(y) : null;
    const X = view(x.storage);
    const Y = view(y.storage);
    const G = g === null ? null : view(g);
    if (gx !== null) {
      const out = view(gx);
      for (let i = 0; i < n; i++) out[i] += G === null ? c * (X[i] - Y[i]) : 2 * (X[i] - Y[i]) * G[i];
    }
    if (gy !== null) {
      const out = view(gy);
      for (let i = 0; i < n; i++) out[i] -= G === null ? c * (X[i] - Y[i]) : 2 * (X[i] - Y[i]) * G[i];
    }
  };
  if (reduction === 'none') {
    const outS = allocate(n, false);
    const out = view(outS);
    const X = view(x.storage);
    const Y = view(y.storage);
    for (let i = 0; i < n; i++) out[i] = (X[i] - Y[i]) ** 2;
    return record(outS, x.shape.slice(), 'mse', [x, y], (g) => back(g, 0));
  }
  const scale = reductionScale('mse', reduction, n);
  const X = view(x.storage);
  const Y = view(y.storage);
  let s = 0;
  for (let i = 0; i < n; i++) s += (X[i] - Y[i]) ** 2;
  return record(fromArray(Float64Array.of(s * scale), false), [], 'mse', [x, y], (g) => back(null, 2 * scale * view(g)[0]));
}
