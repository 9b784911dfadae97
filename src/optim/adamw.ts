/**
 * AdamW: Adam with decoupled weight decay, exactly as `torch.optim.AdamW` (PyTorch 1.13).
 * θ shrinks by the factor (1 − ηω) before the Adam step, and the Adam step sees the raw
 * gradient, so the decay is not rescaled by the adaptive denominator.
 *
 * ```text
 * input: η (lr), β₁, β₂ (betas), θ₀ (params), f(θ) (objective), ω (weight decay), ε, amsgrad
 * initialize: m₀ ← 0 (first moment), s₀ ← 0 (second moment), s₀^max ← 0
 * for t = 1, 2, …:
 *     g_t ← ∇_θ f_t(θ_{t−1})
 *     θ_{t−1} ← θ_{t−1} (1 − ηω)
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
 * Paper: Loshchilov & Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019).
 *
 * Notes on conventions:
 * - The decay is multiplied by the lr, θ(1 − ηω), as in PyTorch; the paper multiplies the
 *   decay by a separate schedule multiplier instead of the lr. So a schedule that lowers η also lowers the decay.
 * - The default weight decay is 1e-2 (Adam's is 0).
 * - ε is outside the square root, as in Adam (see adam.ts).
 *
 * Chapter: 07-optimizers.
 */
import type { Tensor } from '../tensor';
import { ADAM_DEFAULTS, Adam, adamBuffersStep, adamUpdate } from './adam';
import type { AdamHyperparameters, AdamOptions, AdamState } from './adam';

export type AdamWOptions = AdamOptions;

export const ADAMW_DEFAULTS: Readonly<Required<AdamWOptions>> = Object.freeze({ ...ADAM_DEFAULTS, weightDecay: 1e-2 });

/** One AdamW step on θ in place, from the gradient g, with decoupled weight decay. */
export function adamwStep(theta: Float64Array, grad: Float64Array, state: AdamState, hp: AdamHyperparameters): void {
  const factor = 1 - hp.lr * hp.weightDecay;
  if (factor !== 1) {
    for (let i = 0; i < theta.length; i++) theta[i] *= factor;
  }
  adamUpdate(theta, grad, state, hp.lr, hp.betas[0], hp.betas[1], hp.eps, 0, hp.amsgrad);
}

export class AdamW extends Adam {
  protected static override readonly variant = { name: 'AdamW', defaults: ADAMW_DEFAULTS };

  constructor(params: Tensor[], options?: AdamWOptions) {
    super(params, options);
  }

  protected override update(theta: Float64Array, grad: Float64Array, state: AdamState): void {
    adamwStep(theta, grad, state, this);
  }

  protected override updateParam(p: Tensor, grad: Tensor, state: AdamState): void {
    if (!adamBuffersStep(p, grad, state, this, true)) super.updateParam(p, grad, state);
  }
}
