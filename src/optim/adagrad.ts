/**
 * Adagrad: a per-coordinate learning rate that shrinks with the sum of the squared gradients seen
 * so far, exactly as `torch.optim.Adagrad` (PyTorch 1.13).
 *
 * ```text
 * input: η (lr), θ₀ (params), f(θ) (objective), ω (weight decay), lrDecay,
 *        s_init (initial accumulator value), ε (epsilon)
 * initialize: s₀ ← s_init (every coordinate)
 * for t = 1, 2, …:
 *     g_t ← ∇_θ f_t(θ_{t−1})
 *     η̃ ← η / (1 + (t − 1) · lrDecay)
 *     if ω ≠ 0:  g_t ← g_t + ω θ_{t−1}
 *     s_t ← s_{t−1} + g_t²
 *     θ_t ← θ_{t−1} − η̃ g_t / (√s_t + ε)
 * return θ_t
 * ```
 *
 * Paper: Duchi, Hazan & Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization" (JMLR 2011).
 *
 * Notes on conventions:
 * - ε is added outside the square root, √s + ε, and the sum starts at 0 (Keras's Adagrad
 *   starts it at 0.1 and uses ε = 1e-7; TensorFlow 1's had no ε at all).
 * - The lr decay (lrDecay) is PyTorch's own addition; it is not in the paper.
 * - PyTorch creates Adagrad's state in the constructor; here it is created on a parameter's first
 *   step like every other optimizer's. The values are the same, as the state starts at s_init and
 *   t counts the steps that parameter took.
 *
 * Chapter: 07-optimizers.
 */
import { checkOptions, checkNonNegative } from '../util/validate';
import type { Tensor } from '../tensor';
import { Optimizer, withDefaults } from './optimizer';
import type { OptimizerState } from './optimizer';
import { Storage, allocate, escape, fromArray, view } from '../tensor/storage';
import { optimizerKernel } from '../tensor/kernels';

export interface AdagradOptions {
  /** The learning rate η ≥ 0 (default: 1e-2). */
  lr?: number;
  /** The lr decay ≥ 0: step t uses η / (1 + (t − 1) · lrDecay) (default: 0). */
  lrDecay?: number;
  /** The L2 weight decay ω ≥ 0 added to the gradient as ωθ (default: 0). */
  weightDecay?: number;
  /** The starting value s_init ≥ 0 of the sum s of squared gradients (default: 0). */
  initialAccumulatorValue?: number;
  /** ε ≥ 0 added to the root of the sum, for numerical stability (default: 1e-10). */
  eps?: number;
}

export const ADAGRAD_DEFAULTS: Readonly<Required<AdagradOptions>> = Object.freeze({
  lr: 1e-2,
  lrDecay: 0,
  weightDecay: 0,
  initialAccumulatorValue: 0,
  eps: 1e-10,
});

export const ADAGRAD_OPTION_NAMES = ['lr', 'lrDecay', 'weightDecay', 'initialAccumulatorValue', 'eps'] as const;

/** The hyperparameters `adagradStep` reads (an Adagrad instance is one). */
export type AdagradHyperparameters = Readonly<Required<Omit<AdagradOptions, 'initialAccumulatorValue'>>>;

export interface AdagradState extends OptimizerState {
  /** The running sum of squared gradients, starting at s₀; PyTorch's `sum`. */
  sum: Float64Array;
}

/** One Adagrad step on θ in place, from the gradient g (see the algorithm above). */
export function adagradStep(
  theta: Float64Array,
  grad: Float64Array,
  state: AdagradState,
  hp: AdagradHyperparameters,
): void {
  state.step += 1;
  adagradLoop(theta, grad, state.sum, hp.lr / (1 + (state.step - 1) * hp.lrDecay), hp.weightDecay, hp.eps);
}

/**
 * The loop of one Adagrad step with the decayed rate clr: the reference of the WebAssembly kernel
 * `adagrad` (wasm/kernels/optim.ts), same operations in the same order.
 */
function adagradLoop(theta: Float64Array, grad: Float64Array, sum: Float64Array, clr: number, wd: number, eps: number): void {
  for (let i = 0; i < theta.length; i++) {
    const g = wd !== 0 ? grad[i] + wd * theta[i] : grad[i];
    const s = sum[i] + g * g;
    sum[i] = s;
    theta[i] -= (clr * g) / (Math.sqrt(s) + eps);
  }
}

/** Adagrad's per-parameter state, the running sum kept beside the parameter (read it to get an array). */
class AdagradBuffers implements AdagradState {
  step = 0;
  total: Storage;

  constructor(size: number, initial: number) {
    this.total = allocate(size, initial === 0);
    if (initial !== 0) view(this.total).fill(initial);
  }

  get sum(): Float64Array {
    return escape(this.total);
  }
  set sum(a: Float64Array) {
    this.total = fromArray(a, true);
  }
}

export class Adagrad extends Optimizer<AdagradState> implements AdagradHyperparameters {
  readonly lrDecay: number;
  readonly weightDecay: number;
  readonly initialAccumulatorValue: number;
  readonly eps: number;

  constructor(params: Tensor[], options?: AdagradOptions) {
    checkOptions('Adagrad', options, ADAGRAD_OPTION_NAMES);
    const o = withDefaults(options, ADAGRAD_DEFAULTS);
    const lr = checkNonNegative('Adagrad', 'lr', o.lr);
    const lrDecay = checkNonNegative('Adagrad', 'lrDecay', o.lrDecay);
    const weightDecay = checkNonNegative('Adagrad', 'weightDecay', o.weightDecay);
    const initial = checkNonNegative('Adagrad', 'initialAccumulatorValue', o.initialAccumulatorValue);
    const eps = checkNonNegative('Adagrad', 'eps', o.eps);
    super('Adagrad', params, lr);
    this.lrDecay = lrDecay;
    this.weightDecay = weightDecay;
    this.initialAccumulatorValue = initial;
    this.eps = eps;
  }

  protected initState(size: number): AdagradState {
    return new AdagradBuffers(size, this.initialAccumulatorValue);
  }

  protected update(theta: Float64Array, grad: Float64Array, state: AdagradState): void {
    adagradStep(theta, grad, state, this);
  }

  /** One step of p as one kernel on the storages (WebAssembly, or the JavaScript loop). */
  protected override updateParam(p: Tensor, grad: Tensor, state: AdagradState): void {
    if (!(state instanceof AdagradBuffers)) return super.updateParam(p, grad, state);
    state.step += 1;
    const clr = this.lr / (1 + (state.step - 1) * this.lrDecay);
    if (!optimizerKernel('adagrad', [p.storage, grad.storage, state.total], 0b101, [clr, this.weightDecay, this.eps])) {
      adagradLoop(view(p.storage), view(grad.storage), view(state.total), clr, this.weightDecay, this.eps);
    }
  }

  override toString(): string {
    return (
      `Adagrad(lr=${this.lr}, lrDecay=${this.lrDecay}, weightDecay=${this.weightDecay}, ` +
      `initialAccumulatorValue=${this.initialAccumulatorValue}, eps=${this.eps})`
    );
  }
}
