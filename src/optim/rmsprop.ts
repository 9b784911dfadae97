/**
 * RMSprop: divide the gradient by a running root mean square of recent gradients, exactly as
 * `torch.optim.RMSprop` (PyTorch 1.13).
 *
 * ```text
 * input: γ (lr), θ₀ (params), f(θ) (objective), α (smoothing constant), ε (epsilon),
 *        λ (weight decay), μ (momentum), centered
 * initialize: v₀ ← 0 (square average), ḡ₀ ← 0 (gradient average), b₀ ← 0 (buffer)
 * for t = 1, 2, …:
 *     g_t ← ∇_θ f_t(θ_{t−1})
 *     if λ ≠ 0:  g_t ← g_t + λ θ_{t−1}
 *     v_t ← α v_{t−1} + (1 − α) g_t²
 *     ṽ_t ← v_t
 *     if centered:
 *         ḡ_t ← α ḡ_{t−1} + (1 − α) g_t
 *         ṽ_t ← v_t − ḡ_t²
 *     if μ > 0:
 *         b_t ← μ b_{t−1} + g_t / (√ṽ_t + ε)
 *         θ_t ← θ_{t−1} − γ b_t
 *     else:
 *         θ_t ← θ_{t−1} − γ g_t / (√ṽ_t + ε)
 * return θ_t
 * ```
 *
 * Paper: Hinton, Srivastava & Swersky, "Neural Networks for Machine Learning", lecture 6e (2012);
 * the centered version is from Graves, "Generating Sequences With Recurrent Neural Networks"
 * (2013).
 *
 * Notes on conventions:
 * - ε is added outside the square root, √ṽ + ε; TensorFlow puts it inside, √(ṽ + ε).
 * - There is no bias correction, so the first steps are large: v₁ = (1 − α) g₁², and the first
 *   step is γ g₁ / (√(1 − α) |g₁| + ε) ≈ 10 γ in each coordinate at α = 0.99.
 * - The centered ṽ estimates the variance of the gradient rather than its second moment.
 * - Validation is stricter than PyTorch's (α ≥ 0, μ ≥ 0): here α and μ lie in [0, 1).
 *
 * Chapter: 07-optimizers.
 */
import { checkOptions, checkBoolean, checkInRange, checkNonNegative } from '../util/validate';
import type { Tensor } from '../tensor';
import { Optimizer, withDefaults } from './optimizer';
import type { OptimizerState } from './optimizer';

export interface RMSpropOptions {
  /** The learning rate γ ≥ 0 (default: 1e-2). */
  lr?: number;
  /** The smoothing constant α in [0, 1) of the running averages (default: 0.99). */
  alpha?: number;
  /** ε ≥ 0 added to the root, for numerical stability (default: 1e-8). */
  eps?: number;
  /** The L2 weight decay λ ≥ 0 added to the gradient as λθ (default: 0). */
  weightDecay?: number;
  /** The momentum μ in [0, 1) applied to the normalized step (default: 0). */
  momentum?: number;
  /** Normalize by an estimate of the variance, v − ḡ², instead of v (default: false). */
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
  /** The running average v of g²; PyTorch's `square_avg`. */
  squareAvg: Float64Array;
  /** The running average ḡ of g (centered only, else null); PyTorch's `grad_avg`. */
  gradAvg: Float64Array | null;
  /** The momentum buffer b (momentum > 0 only, else null); PyTorch's `momentum_buffer`. */
  momentumBuffer: Float64Array | null;
}

/** One RMSprop step on θ in place, from the gradient g (see the algorithm above). */
export function rmspropStep(
  theta: Float64Array,
  grad: Float64Array,
  state: RMSpropState,
  hp: RMSpropHyperparameters,
): void {
  const { lr, alpha, eps, weightDecay: wd, momentum: mu, centered } = hp;
  const n = theta.length;
  const v = state.squareAvg;
  if (centered && state.gradAvg === null) state.gradAvg = new Float64Array(n);
  if (mu > 0 && state.momentumBuffer === null) state.momentumBuffer = new Float64Array(n);
  const gAvg = state.gradAvg;
  const buf = state.momentumBuffer;
  const rest = 1 - alpha;
  state.step += 1;
  for (let i = 0; i < n; i++) {
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
    return {
      step: 0,
      squareAvg: new Float64Array(size),
      gradAvg: this.centered ? new Float64Array(size) : null,
      momentumBuffer: this.momentum > 0 ? new Float64Array(size) : null,
    };
  }

  protected update(theta: Float64Array, grad: Float64Array, state: RMSpropState): void {
    rmspropStep(theta, grad, state, this);
  }

  override toString(): string {
    return (
      `RMSprop(lr=${this.lr}, alpha=${this.alpha}, eps=${this.eps}, weightDecay=${this.weightDecay}, ` +
      `momentum=${this.momentum}, centered=${this.centered})`
    );
  }
}
