/**
 * The affine layer as one fused op (chapter 08-training):
 * $$Y = X W + b \quad\text{or}\quad Y = \operatorname{relu}(X W + b),$$
 * for X [N, in], W [in, out], b [out]. Gradients, with G = ∂L/∂Y masked by [Y > 0] for relu:
 * ∂L/∂X = G Wᵀ, ∂L/∂W = Xᵀ G, ∂L/∂b = Σ_rows G.
 *
 * It computes exactly what `x.matmul(W).add(b).relu()` computes, with one result tensor instead
 * of three: the bias and the relu are applied in place on the product.
 */
import { Tensor } from './tensor';
import { gradStorage, record } from './autograd';
import { allocate, release } from './storage';
import { formatShape } from './shape';
import { matmulBackward } from './matmul';
import { describe } from '../util/validate';
import * as K from './kernels';

export type Activation = 'none' | 'relu';

export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null, activation: Activation = 'none'): Tensor {
  for (const [name, t] of [['x', x], ['weight', weight]] as const) {
    if (!(t instanceof Tensor)) throw new TypeError(`linear: ${name} must be a Tensor, received ${describe(t)}`);
  }
  if (x.ndim !== 2 || weight.ndim !== 2 || x.shape[1] !== weight.shape[0]) {
    throw new RangeError(
      `linear: expected x [N, in] and weight [in, out], received ${formatShape(x.shape)} and ${formatShape(weight.shape)}`,
    );
  }
  const [n, k] = x.shape;
  const m = weight.shape[1];
  if (bias !== null && (!(bias instanceof Tensor) || bias.ndim !== 1 || bias.shape[0] !== m)) {
    throw new RangeError(`linear: bias must be a Tensor of shape [${m}], received ${describe(bias)}`);
  }
  if (activation !== 'none' && activation !== 'relu') {
    throw new RangeError(`linear: activation must be 'none' or 'relu', received ${describe(activation)}`);
  }
  const relu = activation === 'relu';
  const out = allocate(n * m, false);
  K.gemm('nn', x.storage, weight.storage, out, n, m, k, false);
  if (bias !== null || relu) K.biasRelu(out, bias === null ? null : bias.storage, n, m, relu);
  const parents = bias === null ? [x, weight] : [x, weight, bias];
  return record(out, [n, m], relu ? 'linear+relu' : 'linear', parents, (g) => {
    const G = relu ? allocate(n * m, false) : g;
    if (relu) K.reluMask(out, g, G);
    if (bias !== null && bias.requiresGrad) K.colSumsInto(G, gradStorage(bias), n, m);
    matmulBackward(x, weight, G, n, k, m);
    if (G !== g) release(G);
  });
}
