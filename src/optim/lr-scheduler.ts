/**
 * The base class of the learning-rate schedules, as `torch.optim.lr_scheduler._LRScheduler`
 * (PyTorch 1.13). A schedule owns an epoch counter `lastEpoch` and sets `optimizer.lr` after
 * each epoch:
 *
 * ```text
 * construction:  lastEpoch ← 0; baseLr ← optimizer.lr; the lr is left as it is (η₀ = baseLr)
 * step():        lastEpoch ← lastEpoch + 1; optimizer.lr ← getLr()
 * ```
 *
 * Call `scheduler.step()` once after each epoch, after the epoch's `optimizer.step()` calls.
 * Like PyTorch, the subclasses compute the new lr from the optimizer's current lr (a recursive
 * rule, `get_lr` in PyTorch), so a change of `optimizer.lr` made by other code is carried on.
 *
 * Chapter: 07-optimizers (learning-rate schedules).
 */
import { describe, expected } from '../util/validate';
import { Optimizer } from './optimizer';

export abstract class LRScheduler {
  /** The optimizer whose `lr` this schedule sets. */
  readonly optimizer: Optimizer;
  /** The lr when the schedule was made (η₀); PyTorch's `base_lrs[0]`. */
  readonly baseLr: number;
  /** The number of `step()` calls so far (the epoch count); PyTorch's `last_epoch`. */
  lastEpoch = 0;
  private lastLr: number;
  /** The class name used in error messages. */
  protected readonly where: string;

  protected constructor(where: string, optimizer: unknown) {
    if (!(optimizer instanceof Optimizer)) {
      throw new TypeError(expected(where, 'optimizer', 'an optimizer (SGD, Adam, ...)', optimizer));
    }
    this.where = where;
    this.optimizer = optimizer;
    this.baseLr = optimizer.lr;
    this.lastLr = optimizer.lr;
  }

  /** The new lr at epoch `lastEpoch` (≥ 1), from the optimizer's current lr. */
  protected abstract getLr(): number;

  /** Ends an epoch: advances `lastEpoch` and sets `optimizer.lr` to the schedule's next value. */
  step(): void {
    this.lastEpoch += 1;
    const lr = this.getLr();
    if (!Number.isFinite(lr)) {
      throw new RangeError(`${this.where}.step: the new lr must be finite, received ${describe(lr)}`);
    }
    this.optimizer.lr = lr;
    this.lastLr = lr;
  }

  /** The lr set by the last `step()` (or the initial lr), as a one-element array like PyTorch's `get_last_lr()`. */
  getLastLr(): number[] {
    return [this.lastLr];
  }

  abstract toString(): string;
}

/** A finite number > 0, else a RangeError/TypeError naming the argument. */
export function checkPositive(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(expected(where, name, 'a finite number > 0', value));
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(expected(where, name, 'a finite number > 0', value));
  return value;
}
