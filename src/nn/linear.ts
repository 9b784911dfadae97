/**
 * A fully connected (affine) layer, as PyTorch's `nn.Linear` (chapter 08-training):
 * $$Y = X W + b, \qquad X \in \mathbb{R}^{N\times\text{in}},\;
 *   W \in \mathbb{R}^{\text{in}\times\text{out}},\; b \in \mathbb{R}^{\text{out}},$$
 * b added to every row. Its gradients (chapter 05-backpropagation), with G = ∂L/∂Y:
 * ∂L/∂W = Xᵀ G, ∂L/∂b = Σₙ Gₙ (the column sums of G), ∂L/∂X = G Wᵀ.
 *
 * Storage: `weight` has shape [inFeatures, outFeatures], so the forward pass is the plain product
 * `x.matmul(weight).add(bias)` with no transpose and no copy of x, W or b (a batch [N, in] goes
 * straight to the matrix product; other shapes are reshaped, which shares the data). PyTorch
 * stores the transpose, `weight` of shape [out, in], and computes X Wᵀ + b; our `weight` equals
 * PyTorch's `weight.T`.
 *
 * Initialisation: PyTorch's default, W and b ~ U(−1/√in, 1/√in) (see init.ts), drawn from
 * `rng(seed)` (default seed 0) or from a given generator, weight first, then bias, each in
 * storage order. Two layers made with the same seed start equal: to build a network, share one
 * generator, `const r = rng(0); new Linear(2, 8, { rng: r }); new Linear(8, 3, { rng: r })`,
 * as `MLP` does.
 */
import { Tensor, formatShape, linear, Activation } from '../tensor';
import { fromArray } from '../tensor/storage';
import { checkBoolean, checkInteger, checkOptions } from '../util/validate';
import { Module, checkInput } from './module';
import { InitOptions, fillUniform, initGenerator, linearInitBound } from './init';

export interface LinearOptions extends InitOptions {
  /** Learn an additive bias b (default: true). */
  bias?: boolean;
}

export const LINEAR_OPTION_NAMES = ['bias', 'seed', 'rng'] as const;

export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** W, shape [inFeatures, outFeatures] (PyTorch's `weight.T`). */
  readonly weight: Tensor;
  /** b, shape [outFeatures], or null for a layer made with `{ bias: false }`. */
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options?: LinearOptions) {
    super();
    const where = 'Linear';
    this.inFeatures = checkInteger(where, 'inFeatures', inFeatures, 1);
    this.outFeatures = checkInteger(where, 'outFeatures', outFeatures, 1);
    checkOptions(where, options, LINEAR_OPTION_NAMES);
    const hasBias = checkBoolean(where, 'bias', options?.bias ?? true);
    const generator = initGenerator(where, options);
    const bound = linearInitBound(inFeatures);
    const w = fillUniform(where, new Float64Array(inFeatures * outFeatures), bound, generator);
    // The arrays are the layer's own (never handed out), so the wasm backend may keep them in its memory.
    this.weight = new Tensor(fromArray(w, false), [inFeatures, outFeatures], true);
    const b = hasBias ? fillUniform(where, new Float64Array(outFeatures), bound, generator) : null;
    this.bias = b === null ? null : new Tensor(fromArray(b, false), [outFeatures], true);
  }

  /**
   * Y = X W + b for X of shape [N, in] → [N, out]. A single example [in] gives [out]; any leading
   * axes work too, [..., in] → [..., out].
   */
  override forward(x: Tensor): Tensor {
    return this.forwardWith(x, 'none');
  }

  /**
   * φ(X W + b) with φ the identity or relu, as one fused op (`linear` in src/tensor): what
   * `Sequential` runs for a Linear followed by a ReLU.
   */
  forwardWith(x: Tensor, activation: Activation): Tensor {
    checkInput('Linear', x);
    const inF = this.inFeatures;
    if (x.ndim === 0 || x.shape[x.ndim - 1] !== inF) {
      throw new RangeError(
        `Linear: input must have shape [N, ${inF}] (last dimension = inFeatures = ${inF}), received a ` +
          `tensor of shape ${formatShape(x.shape)}; the weight has shape ${formatShape(this.weight.shape)}`,
      );
    }
    if (x.ndim === 2) return linear(x, this.weight, this.bias, activation);
    // [in] or [..., in]: a batch of rows [M, in] (a view, no copy), then back to [..., out].
    const rows = x.reshape(x.size / inF, inF);
    return linear(rows, this.weight, this.bias, activation).reshape([...x.shape.slice(0, -1), this.outFeatures]);
  }

  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}${this.bias === null ? ', bias=false' : ''}`;
  }
}
