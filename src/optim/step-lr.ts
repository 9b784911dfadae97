/**
 * StepLR: multiply the lr by q every `stepSize` epochs, exactly as
 * `torch.optim.lr_scheduler.StepLR` (PyTorch 1.13).
 *
 * ```text
 * input: η₀ (the optimizer's lr), P (stepSize), q (gamma)
 * for t = 1, 2, … (one scheduler.step() per epoch):
 *     if t mod P = 0:  η_t ← q η_{t−1}
 *     else:            η_t ← η_{t−1}
 * return η_t          (= η₀ q^⌊t/P⌋ when nothing else changes the lr)
 * ```
 *
 * Chapter: 07-optimizers (learning-rate schedules).
 */
import { checkInteger, checkOptions } from '../util/validate';
import { LRScheduler, checkPositive } from './lr-scheduler';

export interface StepLROptions {
  /** The period P ≥ 1 of the decay, in epochs (required). */
  stepSize: number;
  /** The factor q > 0 applied every stepSize epochs (default: 0.1). */
  gamma?: number;
}

export const STEP_LR_DEFAULTS: Readonly<Required<Omit<StepLROptions, 'stepSize'>>> = Object.freeze({ gamma: 0.1 });

export class StepLR extends LRScheduler {
  readonly stepSize: number;
  readonly gamma: number;

  constructor(optimizer: unknown, options: StepLROptions) {
    checkOptions('StepLR', options, ['stepSize', 'gamma']);
    const stepSize = checkInteger('StepLR', 'stepSize', options?.stepSize, 1);
    const gamma = checkPositive('StepLR', 'gamma', options.gamma ?? STEP_LR_DEFAULTS.gamma);
    super('StepLR', optimizer);
    this.stepSize = stepSize;
    this.gamma = gamma;
  }

  protected getLr(): number {
    const lr = this.optimizer.lr;
    return this.lastEpoch % this.stepSize !== 0 ? lr : lr * this.gamma;
  }

  override toString(): string {
    return `StepLR(stepSize=${this.stepSize}, gamma=${this.gamma})`;
  }
}
