/**
 * Adam: momentum on the gradient (first moment m) divided by the root of a running average of
 * its square (second moment s), both bias-corrected, exactly as `torch.optim.Adam`
 * (PyTorch 1.13).
 *
 * ```text
 * input: η (lr), β₁, β₂ (betas), θ₀ (params), f(θ) (objective), ω (weight decay), ε, amsgrad
 * initialize: m₀ ← 0 (first moment), s₀ ← 0 (second moment), s₀^max ← 0
 * for t = 1, 2, …:
 *     g_t ← ∇_θ f_t(θ_{t−1})
 *     if ω ≠ 0:  g_t ← g_t + ω θ_{t−1}
 *     m_t ← β₁ m_{t−1} + (1 − β₁) g_t
 *     s_t ← β₂ s_{t−1} + (1 − β₂) g_t²
 *     m̂_t ← m_t / (1 − β₁ᵗ)
 *     if amsgrad:
 *         s_t^max ← max(s_{t−1}^max, s_t)
 *         ŝ_t ← s_t^max / (1 − β₂ᵗ)
 *     else:
 *         ŝ_t ← s_t / (1 − β₂ᵗ)
 *     θ_t ← θ_{t−1} − η m̂_t / (√ŝ_t + ε)
 * return θ_t
 * ```
 *
 * Paper: Kingma & Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015); amsgrad from
 * Reddi, Kale & Kumar, "On the Convergence of Adam and Beyond" (ICLR 2018).
 *
 * Notes on conventions:
 * - ε is added to the bias-corrected root, √ŝ + ε, outside the square root (TensorFlow's
 *   `epsilon` is added to the uncorrected root √s, so the same ε means a different thing there).
 *   PyTorch computes the step as θ − (η / (1 − β₁ᵗ)) · m / (√s / √(1 − β₂ᵗ) + ε); so does this code.
 * - amsgrad keeps the maximum of the raw s (before the bias correction), as PyTorch does; the
 *   paper's version has no bias correction at all.
 * - Weight decay here is an L2 penalty added to g, so it is rescaled by the adaptive denominator;
 *   AdamW decouples it (see adamw.ts).
 * - The first step moves every coordinate by ≈ η: m̂₁ = g₁ and √ŝ₁ = |g₁|.
 *
 * Chapter: 07-optimizers.
 */
import { checkOptions, checkBoolean, checkNonNegative } from '../util/validate';
import type { Tensor } from '../tensor';
import { Storage, allocate, escape, fromArray, view } from '../tensor/storage';
import { optimizerKernel } from '../tensor/kernels';
import { Optimizer, checkBetas, withDefaults } from './optimizer';
import type { OptimizerState } from './optimizer';

export interface AdamOptions {
  /** The learning rate η ≥ 0 (default: 1e-3). */
  lr?: number;
  /** The decay rates [β₁, β₂] of the first and second moments, each in [0, 1) (default: [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** ε ≥ 0 added to the bias-corrected root, for numerical stability (default: 1e-8). */
  eps?: number;
  /** The L2 weight decay ω ≥ 0 added to the gradient as ωθ (default: 0; AdamW's is 1e-2). */
  weightDecay?: number;
  /** Use the maximum of all second moments so far (AMSGrad) (default: false). */
  amsgrad?: boolean;
}

export const ADAM_DEFAULTS: Readonly<Required<AdamOptions>> = Object.freeze({
  lr: 1e-3,
  betas: Object.freeze([0.9, 0.999] as const),
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
});

export const ADAM_OPTION_NAMES = ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad'] as const;

/** The hyperparameters `adamStep` and `adamwStep` read (an Adam or AdamW instance is one). */
export type AdamHyperparameters = Readonly<Required<AdamOptions>>;

export interface AdamState extends OptimizerState {
  /** The first moment m; PyTorch's `exp_avg`. */
  expAvg: Float64Array;
  /** The second moment s; PyTorch's `exp_avg_sq`. */
  expAvgSq: Float64Array;
  /** The running maximum of s (amsgrad only, else null); PyTorch's `max_exp_avg_sq`. */
  maxExpAvgSq: Float64Array | null;
}

/** One Adam step on θ in place, from the gradient g, with weight decay as L2 on g. */
export function adamStep(theta: Float64Array, grad: Float64Array, state: AdamState, hp: AdamHyperparameters): void {
  adamUpdate(theta, grad, state, hp.lr, hp.betas[0], hp.betas[1], hp.eps, hp.weightDecay, hp.amsgrad);
}

/**
 * The update shared by Adam and AdamW: the algorithm above with an L2 coefficient `l2`
 * (Adam's ω; 0 for AdamW, which has already decayed θ).
 */
export function adamUpdate(
  theta: Float64Array,
  grad: Float64Array,
  state: AdamState,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  l2: number,
  amsgrad: boolean,
): void {
  if (amsgrad && state.maxExpAvgSq === null) state.maxExpAvgSq = new Float64Array(theta.length);
  const t = (state.step += 1);
  adamLoop(
    theta, grad, state.expAvg, state.expAvgSq, state.maxExpAvgSq,
    lr / (1 - Math.pow(beta1, t)), Math.sqrt(1 - Math.pow(beta2, t)), beta1, beta2, eps, l2, 1, amsgrad,
  );
}

/**
 * The loop of one Adam step on arrays, with θ first scaled by `decay` (AdamW's 1 − ηω; 1 for Adam):
 * the reference of the WebAssembly kernel `adam` (wasm/kernels/optim.ts), same operations in the
 * same order. stepSize = η / (1 − β₁ᵗ), c2 = √(1 − β₂ᵗ).
 */
function adamLoop(
  theta: Float64Array, grad: Float64Array, m: Float64Array, v: Float64Array, vMax: Float64Array | null,
  stepSize: number, c2: number, beta1: number, beta2: number, eps: number, l2: number, decay: number, amsgrad: boolean,
): void {
  const rest1 = 1 - beta1;
  const rest2 = 1 - beta2;
  for (let i = 0; i < theta.length; i++) {
    const th = decay !== 1 ? theta[i] * decay : theta[i];
    const g = l2 !== 0 ? grad[i] + l2 * th : grad[i];
    const mi = m[i] * beta1 + rest1 * g;
    let vi = v[i] * beta2 + rest2 * g * g;
    m[i] = mi;
    v[i] = vi;
    if (amsgrad && vMax !== null) {
      vi = Math.max(vMax[i], vi);
      vMax[i] = vi;
    }
    theta[i] = th - (stepSize * mi) / (Math.sqrt(vi) / c2 + eps);
  }
}

/**
 * Adam's (and AdamW's) per-parameter state, its buffers kept beside the parameter (in the kernels'
 * memory under the wasm backend); reading `expAvg` and the others hands them out as arrays.
 */
class AdamBuffers implements AdamState {
  step = 0;
  m: Storage;
  v: Storage;
  vMax: Storage | null;

  constructor(size: number, amsgrad: boolean) {
    this.m = allocate(size, true);
    this.v = allocate(size, true);
    this.vMax = amsgrad ? allocate(size, true) : null;
  }

  get expAvg(): Float64Array {
    return escape(this.m);
  }
  set expAvg(a: Float64Array) {
    this.m = fromArray(a, true);
  }
  get expAvgSq(): Float64Array {
    return escape(this.v);
  }
  set expAvgSq(a: Float64Array) {
    this.v = fromArray(a, true);
  }
  get maxExpAvgSq(): Float64Array | null {
    return this.vMax === null ? null : escape(this.vMax);
  }
  set maxExpAvgSq(a: Float64Array | null) {
    this.vMax = a === null ? null : fromArray(a, true);
  }
}

/**
 * One Adam or AdamW step of parameter p as one kernel (WebAssembly, or the JavaScript loop) on the
 * storages; false when `state` is not the optimizer's own (the caller then runs `update`).
 */
export function adamBuffersStep(p: Tensor, grad: Tensor, state: AdamState, hp: AdamHyperparameters, decoupled: boolean): boolean {
  if (!(state instanceof AdamBuffers)) return false;
  const { lr, eps, amsgrad } = hp;
  const [beta1, beta2] = hp.betas;
  if (amsgrad && state.vMax === null) state.vMax = allocate(p.size, true);
  const t = (state.step += 1);
  const stepSize = lr / (1 - Math.pow(beta1, t));
  const c2 = Math.sqrt(1 - Math.pow(beta2, t));
  const l2 = decoupled ? 0 : hp.weightDecay;
  const decay = decoupled ? 1 - lr * hp.weightDecay : 1;
  const { m, v, vMax } = state;
  const scalars = [stepSize, c2, beta1, beta2, eps, l2, decay, amsgrad ? 1 : 0];
  if (!optimizerKernel('adam', [p.storage, grad.storage, m, v, vMax], 0b11101, scalars)) {
    adamLoop(view(p.storage), view(grad.storage), view(m), view(v), vMax === null ? null : view(vMax), stepSize, c2, beta1, beta2, eps, l2, decay, amsgrad);
  }
  return true;
}

/** Validates Adam's or AdamW's options (`where` names the class in messages). */
export function adamOptions(where: string, options: AdamOptions | undefined, defaults: AdamHyperparameters) {
  checkOptions(where, options, ADAM_OPTION_NAMES);
  const o = withDefaults(options, defaults);
  return {
    lr: checkNonNegative(where, 'lr', o.lr),
    betas: Object.freeze(checkBetas(where, o.betas)) as readonly [number, number],
    eps: checkNonNegative(where, 'eps', o.eps),
    weightDecay: checkNonNegative(where, 'weightDecay', o.weightDecay),
    amsgrad: checkBoolean(where, 'amsgrad', o.amsgrad),
  };
}

/** A fresh Adam/AdamW state for a parameter of `size` elements. */
export function adamState(size: number, amsgrad: boolean): AdamState {
  return new AdamBuffers(size, amsgrad);
}

export class Adam extends Optimizer<AdamState> implements AdamHyperparameters {
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;

  /** The name in messages and the defaults: AdamW overrides both. */
  protected static readonly variant: { name: string; defaults: Readonly<Required<AdamOptions>> } = {
    name: 'Adam',
    defaults: ADAM_DEFAULTS,
  };

  constructor(params: Tensor[], options?: AdamOptions) {
    const { name, defaults } = (new.target as typeof Adam).variant;
    const o = adamOptions(name, options, defaults);
    super(name, params, o.lr);
    this.betas = o.betas;
    this.eps = o.eps;
    this.weightDecay = o.weightDecay;
    this.amsgrad = o.amsgrad;
  }

  protected initState(size: number): AdamState {
    return adamState(size, this.amsgrad);
  }

  protected update(theta: Float64Array, grad: Float64Array, state: AdamState): void {
    adamStep(theta, grad, state, this);
  }

  protected override updateParam(p: Tensor, grad: Tensor, state: AdamState): void {
    if (!adamBuffersStep(p, grad, state, this, false)) super.updateParam(p, grad, state);
  }

  override toString(): string {
    return (
      `${this.where}(lr=${this.lr}, betas=[${this.betas[0]}, ${this.betas[1]}], eps=${this.eps}, ` +
      `weightDecay=${this.weightDecay}, amsgrad=${this.amsgrad})`
    );
  }
}
