/**
 * CosineAnnealingLR: anneal the lr from η₀ down to η_min along half a cosine over T_max epochs,
 * exactly as `torch.optim.lr_scheduler.CosineAnnealingLR` (PyTorch 1.13).
 *
 * ```text
 * input: η₀ (the optimizer's lr), T (tMax), η_min (etaMin)
 * for t = 1, 2, … (one scheduler.step() per epoch):
 *     if (t − 1 − T) mod 2T = 0:                  (t − 1 an odd multiple of T: the bottom)
 *         η_t ← η_{t−1} + (η₀ − η_min)(1 − cos(π / T)) / 2
 *     else:
 *         η_t ← η_min + (η_{t−1} − η_min) · (1 + cos(π t / T)) / (1 + cos(π (t − 1) / T))
 * return η_t
 * ```
 *
 * When nothing else changes the lr this is the closed form
 *
 *     η_t = η_min + (η₀ − η_min) (1 + cos(π t / T)) / 2,
 *
 * to rounding (the two agree to ~1e-15 for t ≤ T). Like PyTorch, the schedule does not stop at
 * t = T: it keeps following the cosine, back up to η₀ at t = 2T, down at 3T, and so on.
 *
 * Paper: Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts" (ICLR 2017);
 * this is the annealing part only, without the restarts.
 *
 * Notes: the recursive rule (PyTorch's `get_lr`) is what PyTorch runs, and it is used here so the
 * values match PyTorch's to the last digits; it also carries on changes of `optimizer.lr` made
 * by other code. The first branch avoids the 0/0 of the ratio at the bottom of the cosine.
 *
 * Chapter: 07-optimizers (learning-rate schedules).
 */
import { checkInteger, checkNonNegative, checkOptions } from '../util/validate';
import { LRScheduler } from './lr-scheduler';

export interface CosineAnnealingLROptions {
  /** The number of epochs T ≥ 1 of half a cosine period (required). */
  tMax: number;
  /** The lowest lr η_min ≥ 0, reached at t = T (default: 0). */
  etaMin?: number;
}

export const COSINE_ANNEALING_LR_DEFAULTS: Readonly<Required<Omit<CosineAnnealingLROptions, 'tMax'>>> =
  Object.freeze({ etaMin: 0 });

export class CosineAnnealingLR extends LRScheduler {
  readonly tMax: number;
  readonly etaMin: number;

  constructor(optimizer: unknown, options: CosineAnnealingLROptions) {
    checkOptions('CosineAnnealingLR', options, ['tMax', 'etaMin']);
    const tMax = checkInteger('CosineAnnealingLR', 'tMax', options?.tMax, 1);
    const etaMin = checkNonNegative(
      'CosineAnnealingLR',
      'etaMin',
      options.etaMin ?? COSINE_ANNEALING_LR_DEFAULTS.etaMin,
    );
    super('CosineAnnealingLR', optimizer);
    this.tMax = tMax;
    this.etaMin = etaMin;
  }

  protected getLr(): number {
    const t = this.lastEpoch;
    const T = this.tMax;
    const etaMin = this.etaMin;
    const lr = this.optimizer.lr;
    // (t − 1 − T) % 2T is −0 or 0 exactly when Python's modulo is 0, so === 0 matches PyTorch.
    if ((t - 1 - T) % (2 * T) === 0) {
      return lr + ((this.baseLr - etaMin) * (1 - Math.cos(Math.PI / T))) / 2;
    }
    return ((1 + Math.cos((Math.PI * t) / T)) / (1 + Math.cos(((t - 1) * Math.PI) / T))) * (lr - etaMin) + etaMin;
  }

  override toString(): string {
    return `CosineAnnealingLR(tMax=${this.tMax}, etaMin=${this.etaMin})`;
  }
}
