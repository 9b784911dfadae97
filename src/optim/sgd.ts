/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, exactly as `torch.optim.SGD` (PyTorch 1.13).
 *
 * ```text
 * input: η (lr), θ₀ (params), f(θ) (objective), ω (weight decay), μ (momentum),
 *        τ (dampening), nesterov
 * for t = 1, 2, …:
 *     g_t ← ∇_θ f_t(θ_{t−1})
 *     if ω ≠ 0:  g_t ← g_t + ω θ_{t−1}
 *     if μ ≠ 0:
 *         if t = 1:  v_t ← g_t                      (a copy: no dampening on the first step)
 *         else:      v_t ← μ v_{t−1} + (1 − τ) g_t
 *         if nesterov:  g_t ← g_t + μ v_t
 *         else:         g_t ← v_t
 *     θ_t ← θ_{t−1} − η g_t
 * return θ_t
 * ```
 *
 * Momentum: Polyak, "Some methods of speeding up the convergence of iteration methods" (1964);
 * Nesterov's form as in Sutskever, Martens, Dahl & Hinton, "On the importance of initialization
 * and momentum in deep learning" (ICML 2013).
 *
 * Notes on conventions:
 * - PyTorch's momentum is v ← μ v + g, θ ← θ − η v (the lr multiplies the buffer). Sutskever's
 *   velocity form u ← μ u − η g, θ ← θ + u (u = −ηv) is the same at a constant lr, but differs after
 *   the lr changes.
 * - Sutskever's Nesterov u ← μu − η∇f(θ + μu), θ ← θ + u gives the same iterates at a constant
 *   lr; PyTorch tracks the look-ahead point instead, so it needs only the gradient at θ.
 * - Weight decay is an L2 penalty ω‖θ‖²/2 added to the gradient (before the momentum).
 * - Validation is stricter than PyTorch's, which accepts any μ ≥ 0 and any τ: here μ ∈ [0, 1)
 *   (the buffer is a geometric sum of past gradients, which only converges for μ < 1) and τ ∈ [0, 1].
 *
 * Chapters: 03-gradient-descent (plain SGD), 07-optimizers (momentum and Nesterov).
 */
import { checkOptions, checkBoolean, checkInRange, checkNonNegative, expected } from '../util/validate';
import type { Tensor } from '../tensor';
import { Storage, allocate, escape, fromArray, view } from '../tensor/storage';
import { optimizerKernel } from '../tensor/kernels';
import { Optimizer, withDefaults } from './optimizer';
import type { OptimizerState } from './optimizer';

export interface SGDOptions {
  /** The learning rate η (required: SGD has no default). */
  lr: number;
  /** The momentum μ in [0, 1) (default: 0, no momentum). */
  momentum?: number;
  /** The dampening τ in [0, 1] of the gradient added to the momentum buffer (default: 0). */
  dampening?: number;
  /** The L2 weight decay ω ≥ 0 added to the gradient as ωθ (default: 0). */
  weightDecay?: number;
  /** Nesterov momentum; needs momentum > 0 and dampening = 0 (default: false). */
  nesterov?: boolean;
}

/** The defaults of every SGD option but lr, which has none. */
export const SGD_DEFAULTS: Readonly<Required<Omit<SGDOptions, 'lr'>>> = Object.freeze({
  momentum: 0,
  dampening: 0,
  weightDecay: 0,
  nesterov: false,
});

export const SGD_OPTION_NAMES = ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov'] as const;

/** The hyperparameters `sgdStep` reads (an SGD instance is one). */
export interface SGDHyperparameters {
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
}

export interface SGDState extends OptimizerState {
  /** The momentum buffer v (null without momentum); PyTorch's `momentum_buffer`. */
  momentumBuffer: Float64Array | null;
}

/** One SGD step on θ in place, from the gradient g (see the algorithm above). */
export function sgdStep(theta: Float64Array, grad: Float64Array, state: SGDState, hp: SGDHyperparameters): void {
  state.step += 1;
  const first = hp.momentum !== 0 && state.momentumBuffer === null;
  if (first) state.momentumBuffer = new Float64Array(theta.length);
  sgdLoop(theta, grad, state.momentumBuffer, hp, first);
}

/**
 * The loop of one SGD step on arrays: the reference of the WebAssembly kernel `sgd`
 * (wasm/kernels/optim.ts), same operations in the same order.
 */
function sgdLoop(theta: Float64Array, grad: Float64Array, buf: Float64Array | null, hp: SGDHyperparameters, first: boolean): void {
  const { lr, momentum: mu, dampening, weightDecay: wd, nesterov } = hp;
  const keep = 1 - dampening;
  for (let i = 0; i < theta.length; i++) {
    const g = wd !== 0 ? grad[i] + wd * theta[i] : grad[i];
    if (mu === 0 || buf === null) {
      theta[i] -= lr * g;
      continue;
    }
    const b = first ? g : buf[i] * mu + keep * g;
    buf[i] = b;
    theta[i] -= lr * (nesterov ? g + mu * b : b);
  }
}

/** SGD's per-parameter state, the momentum buffer kept beside the parameter (read it to get an array). */
class SGDBuffers implements SGDState {
  step = 0;
  buffer: Storage | null = null;

  get momentumBuffer(): Float64Array | null {
    return this.buffer === null ? null : escape(this.buffer);
  }
  set momentumBuffer(a: Float64Array | null) {
    this.buffer = a === null ? null : fromArray(a, true);
  }
}

export class SGD extends Optimizer<SGDState> implements SGDHyperparameters {
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;

  constructor(params: Tensor[], options: SGDOptions) {
    checkOptions('SGD', options, SGD_OPTION_NAMES);
    if (options === undefined || options.lr === undefined) {
      throw new TypeError(
        expected('SGD', 'lr', 'given, as SGD has no default learning rate (e.g. { lr: 0.01 })', undefined),
      );
    }
    const o = withDefaults<SGDOptions>(options, { lr: options.lr, ...SGD_DEFAULTS });
    const lr = checkNonNegative('SGD', 'lr', o.lr);
    const momentum = checkInRange('SGD', 'momentum', o.momentum, 0, 1, true);
    const dampening = checkInRange('SGD', 'dampening', o.dampening, 0, 1);
    const weightDecay = checkNonNegative('SGD', 'weightDecay', o.weightDecay);
    const nesterov = checkBoolean('SGD', 'nesterov', o.nesterov);
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw new RangeError(
        `SGD: nesterov requires momentum > 0 and dampening = 0, received momentum ${momentum} and dampening ${dampening}`,
      );
    }
    super('SGD', params, lr);
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  protected initState(): SGDState {
    return new SGDBuffers();
  }

  protected update(theta: Float64Array, grad: Float64Array, state: SGDState): void {
    sgdStep(theta, grad, state, this);
  }

  /** One step of p as one kernel on the storages (WebAssembly, or the JavaScript loop). */
  protected override updateParam(p: Tensor, grad: Tensor, state: SGDState): void {
    if (!(state instanceof SGDBuffers)) return super.updateParam(p, grad, state);
    state.step += 1;
    const first = this.momentum !== 0 && state.buffer === null;
    if (first) state.buffer = allocate(p.size, false);
    const { buffer } = state;
    const scalars = [this.lr, this.momentum, this.dampening, this.weightDecay, this.nesterov ? 1 : 0, first ? 1 : 0];
    if (!optimizerKernel('sgd', [p.storage, grad.storage, buffer], 0b101, scalars)) {
      sgdLoop(view(p.storage), view(grad.storage), buffer === null ? null : view(buffer), this, first);
    }
  }

  override toString(): string {
    return (
      `SGD(lr=${this.lr}, momentum=${this.momentum}, dampening=${this.dampening}, ` +
      `weightDecay=${this.weightDecay}, nesterov=${this.nesterov})`
    );
  }
}
