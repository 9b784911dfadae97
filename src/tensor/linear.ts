/**
 * The affine layer as one fused op (chapter 08-training):
 * $$Y = X W + b \quad\text{or}\quad Y = \operatorname{relu}(X W + b),$$
 * for X [N, in], W [in, out], b [out]. Gradients, with G = ∂L/∂Y masked by [Y > 0] for relu:
 * ∂L/∂X = G Wᵀ, ∂L/∂W = Xᵀ G, ∂L/∂b = Σ_rows G.
 *
 * It computes exactly what `x.matmul(W).add(b).relu()` computes, in one pass over the output
 * instead of three and with one result tensor instead of three (the fusion the benchmark of
 * issue 7 asks for).
 */
import { Tensor, fromOp, gradOf } from './tensor';
import { formatShape } from './shape';
import { gemmABt, transposeInto } from './gemm';
import { describe } from '../util/validate';

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
  const X = x.data;
  const W = weight.data;
  const out = new Float64Array(n * m);
  gemmABt(X, transposeInto(W, k, m, 0), out, n, m, k, false);
  if (bias !== null || activation === 'relu') {
    const B = bias?.data;
    for (let o = 0; o < out.length; o += m) {
      for (let j = 0; j < m; j++) {
        const v = B === undefined ? out[o + j] : out[o + j] + B[j];
        out[o + j] = activation === 'relu' && !(v > 0) ? 0 : v;
      }
    }
  }
  const parents = bias === null ? [x, weight] : [x, weight, bias];
  const op = activation === 'relu' ? 'linear+relu' : 'linear';
  return fromOp(out, [n, m], op, parents, (g) => {
    let G = g;
    if (activation === 'relu') {
      G = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) if (out[i] > 0) G[i] = g[i];
    }
    if (bias !== null && bias.requiresGrad) {
      const gb = gradOf(bias);
      for (let o = 0; o < G.length; o += m) for (let j = 0; j < m; j++) gb[j] += G[o + j];
    }
    if (x.requiresGrad) gemmABt(G, W, gradOf(x), n, k, m, true);
    if (weight.requiresGrad) gemmABt(transposeInto(X, n, k, 0), transposeInto(G, n, m, 1), gradOf(weight), k, m, n, true);
  });
}
