/**
 * RMSprop: divide the gradient by a running root mean square of recent gradients, exactly as
 * `torch.optim.RMSprop` (PyTorch 1.13).
 *
 * ```text
 * input: η (lr), θ₀ (params), f(θ) (objective), α (smoothing constant), ε (epsilon),
 *        ω (weight decay), μ (momentum), centered
 * initialize: s₀ ← 0 (square average), ḡ₀ ← 0 (gradient average), v₀ ← 0 (buffer)
 * for t = 1, 2, …:
 *     g_t ← ∇_θ f_t(θ_{t−1})
 *     if ω ≠ 0:  g_t ← g_t + ω θ_{t−1}
 *     s_t ← α s_{t−1} + (1 − α) g_t²
 *     s̃_t ← s_t
 *     if centered:
 *         ḡ_t ← α ḡ_{t−1} + (1 − α) g_t
 *         s̃_t ← s_t − ḡ_t²
 *     if μ > 0:
 *         v_t ← μ v_{t−1} + g_t / (√s̃_t + ε)
 *         θ_t ← θ_{t−1} − η v_t
 *     else:
 *         θ_t ← θ_{t−1} − η g_t / (√s̃_t + ε)
 * return θ_t
 * ```
 *
 * Paper: Hinton, Srivastava & Swersky, "Neural Networks for Machine Learning", lecture 6e (2012);
 * the centered version is from Graves, "Generating Sequences With Recurrent Neural Networks"
 * (2013).
 *
 * Notes on conventions:
 * - ε is added outside the square root, √s̃ + ε; TensorFlow puts it inside, √(s̃ + ε).
 * - There is no bias correction, so the first steps are large: s₁ = (1 − α) g₁², and the first
 *   step is η g₁ / (√(1 − α) |g₁| + ε) ≈ 10 η in each coordinate at α = 0.99.
 * - The centered s̃ estimates the variance of the gradient rather than its second moment.
 * - Validation is stricter than PyTorch's (α ≥ 0, μ ≥ 0): here α and μ lie in [0, 1).
 *
 * Chapter: 07-optimizers.
 */
import { checkOptions, checkBoolean, checkInRange, checkNonNegative } from '../util/validate';
import type { Tensor } from '../tensor';
import { Optimizer, withDefaults } from './optimizer';
import type { OptimizerState } from './optimizer';
import { Storage, allocate, escape, fromArray, view } from '../tensor/storage';
import { optimizerKernel } from '../tensor/kernels';

export interface RMSpropOptions {
  /** The learning rate η ≥ 0 (default: 1e-2). */
  lr?: number;
  /** The smoothing constant α in [0, 1) of the running averages (default: 0.99). */
  alpha?: number;
  /** ε ≥ 0 added to the root, for numerical stability (default: 1e-8). */
  eps?: number;
  /** The L2 weight decay ω ≥ 0 added to the gradient as ωθ (default: 0). */
  weightDecay?: number;
  /** The momentum μ in [0, 1) applied to the normalized step (default: 0). */
  momentum?: number;
  /** Normalize by an estimate of the variance, s − ḡ², instead of s (default: false). */
  centered?: boolean;
}

export const RMSPROP_DEFAULTS: Readonly<Required<RMSpropOptions>> = Object.freeze({
  lr: 1e-2,
  alpha: 0.99,
  eps: 1e-8,
  weightDecay: 0,
  momentum: 0,
  centered: false,
});

export const RMSPROP_OPTION_NAMES = ['lr', 'alpha', 'eps', 'weightDecay', 'momentum', 'centered'] as const;

/** The hyperparameters `rmspropStep` reads (an RMSprop instance is one). */
export type RMSpropHyperparameters = Readonly<Required<RMSpropOptions>>;

export interface RMSpropState extends OptimizerState {
  /** The running average s of g²; PyTorch's `square_avg`. */
  squareAvg: Float64Array;
  /** The running average ḡ of g (centered only, else null); PyTorch's `grad_avg`. */
  gradAvg: Float64Array | null;
  /** The momentum buffer v (momentum > 0 only, else null); PyTorch's `momentum_buffer`. */
  momentumBuffer: Float64Array | null;
}

/** One RMSprop step on θ in place, from the gradient g (see the algorithm above). */
export function rmspropStep(
  theta: Float64Array,
  grad: Float64Array,
  state: RMSpropState,
  hp: RMSpropHyperparameters,
): void {
  const n = theta.length;
  if (hp.centered && state.gradAvg === null) state.gradAvg = new Float64Array(n);
  if (hp.momentum > 0 && state.momentumBuffer === null) state.momentumBuffer = new Float64Array(n);
  state.step += 1;
  rmspropLoop(theta, grad, state.squareAvg, state.gradAvg, state.momentumBuffer, hp);
}

/**
 * The loop of one RMSprop step on arrays: the reference of the WebAssembly kernel `rmsprop`
 * (wasm/kernels/optim.ts), same operations in the same order.
 */
function rmspropLoop(
  theta: Float64Array, grad: Float64Array, v: Float64Array, gAvg: Float64Array | null, buf: Float64Array | null,
  hp: RMSpropHyperparameters,
): void {
  const { lr, alpha, eps, weightDecay: wd, momentum: mu, centered } = hp;
  const rest = 1 - alpha;
  for (let i = 0; i < theta.length; i++) {
    const g = wd !== 0 ? grad[i] + wd * theta[i] : grad[i];
    const vi = v[i] * alpha + rest * g * g;
    v[i] = vi;
    let avg: number;
    if (centered && gAvg !== null) {
      const m = gAvg[i] * alpha + rest * g;
      gAvg[i] = m;
      avg = Math.sqrt(vi - m * m) + eps;
    } else {
      avg = Math.sqrt(vi) + eps;
    }
    if (mu > 0 && buf !== null) {
      const b = buf[i] * mu + g / avg;
      buf[i] = b;
      theta[i] -= lr * b;
    } else {
      theta[i] -= (lr * g) / avg;
    }
  }
}

/** RMSprop's per-parameter state, its buffers kept beside the parameter (read them to get arrays). */
class RMSpropBuffers implements RMSpropState {
  step = 0;
  sq: Storage;
  avg: Storage | null;
  buf: Storage | null;

  constructor(size: number, centered: boolean, momentum: boolean) {
    this.sq = allocate(size, true);
    this.avg = centered ? allocate(size, true) : null;
    this.buf = momentum ? allocate(size, true) : null;
  }

  get squareAvg(): Float64Array {
    return escape(this.sq);
  }
  set squareAvg(a: Float64Array) {
    this.sq = fromArray(a, true);
  }
  get gradAvg(): Float64Array | null {
    return this.avg === null ? null : escape(this.avg);
  }
  set gradAvg(a: Float64Array | null) {
    this.avg = a === null ? null : fromArray(a, true);
  }
  get momentumBuffer(): Float64Array | null {
    return this.buf === null ? null : escape(this.buf);
  }
  set momentumBuffer(a: Float64Array | null) {
    this.buf = a === null ? null : fromArray(a, true);
  }
}

export class RMSprop extends Optimizer<RMSpropState> implements RMSpropHyperparameters {
  readonly alpha: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly momentum: number;
  readonly centered: boolean;

  constructor(params: Tensor[], options?: RMSpropOptions) {
    checkOptions('RMSprop', options, RMSPROP_OPTION_NAMES);
    const o = withDefaults(options, RMSPROP_DEFAULTS);
    const lr = checkNonNegative('RMSprop', 'lr', o.lr);
    const alpha = checkInRange('RMSprop', 'alpha', o.alpha, 0, 1, true);
    const eps = checkNonNegative('RMSprop', 'eps', o.eps);
    const weightDecay = checkNonNegative('RMSprop', 'weightDecay', o.weightDecay);
    const momentum = checkInRange('RMSprop', 'momentum', o.momentum, 0, 1, true);
    const centered = checkBoolean('RMSprop', 'centered', o.centered);
    super('RMSprop', params, lr);
    this.alpha = alpha;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.momentum = momentum;
    this.centered = centered;
  }

  protected initState(size: number): RMSpropState {
    return new RMSpropBuffers(size, this.centered, this.momentum > 0);
  }

  protected update(theta: Float64Array, grad: Float64Array, state: RMSpropState): void {
    rmspropStep(theta, grad, state, this);
  }

  /** One step of p as one kernel on the storages (WebAssembly, or the JavaScript loop). */
  protected override updateParam(p: Tensor, grad: Tensor, state: RMSpropState): void {
    if (!(state instanceof RMSpropBuffers)) return super.updateParam(p, grad, state);
    if (this.centered && state.avg === null) state.avg = allocate(p.size, true);
    if (this.momentum > 0 && state.buf === null) state.buf = allocate(p.size, true);
    state.step += 1;
    const { sq, avg, buf } = state;
    const scalars = [this.lr, this.alpha, this.eps, this.weightDecay, this.momentum, this.centered ? 1 : 0];
    if (!optimizerKernel('rmsprop', [p.storage, grad.storage, sq, avg, buf], 0b11101, scalars)) {
      rmspropLoop(view(p.storage), view(grad.storage), view(sq), avg === null ? null : view(avg), buf === null ? null : view(buf), this);
    }
  }

  override toString(): string {
    return (
      `RMSprop(lr=${this.lr}, alpha=${this.alpha}, eps=${this.eps}, weightDecay=${this.weightDecay}, ` +
      `momentum=${this.momentum}, centered=${this.centered})`
    );
  }
}
