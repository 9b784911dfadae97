/**
 * ExponentialLR: multiply the lr by q after every epoch, exactly as
 * `torch.optim.lr_scheduler.ExponentialLR` (PyTorch 1.13).
 *
 * ```text
 * input: η₀ (the optimizer's lr), q (gamma)
 * for t = 1, 2, … (one scheduler.step() per epoch):
 *     η_t ← q η_{t−1}
 * return η_t          (= η₀ q^t when nothing else changes the lr)
 * ```
 *
 * Chapter: 07-optimizers (learning-rate schedules).
 */
import { checkOptions, expected } from '../util/validate';
import { LRScheduler, checkPositive } from './lr-scheduler';

export interface ExponentialLROptions {
  /** The factor q > 0 applied after every epoch (required). */
  gamma: number;
}

export class ExponentialLR extends LRScheduler {
  readonly gamma: number;

  constructor(optimizer: unknown, options: ExponentialLROptions) {
    checkOptions('ExponentialLR', options, ['gamma']);
    if (options?.gamma === undefined) {
      throw new TypeError(expected('ExponentialLR', 'gamma', 'given (it has no default), e.g. { gamma: 0.9 }', undefined));
    }
    const gamma = checkPositive('ExponentialLR', 'gamma', options.gamma);
    super('ExponentialLR', optimizer);
    this.gamma = gamma;
  }

  protected getLr(): number {
    return this.optimizer.lr * this.gamma;
  }

  override toString(): string {
    return `ExponentialLR(gamma=${this.gamma})`;
  }
}
