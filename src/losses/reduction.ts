/** How a loss turns per-element losses into its result: 'mean' (default), 'sum' or 'none'. */
import { Tensor, tensor, NestedArray, formatShape } from '../tensor';
import { view } from '../tensor/storage';
import { checkOptions, describe } from '../util/validate';

export type Reduction = 'mean' | 'sum' | 'none';
export const DEFAULT_REDUCTION: Reduction = 'mean';

export interface LossOptions {
  /** 'mean' | 'sum' | 'none' (default: 'mean') */
  reduction?: Reduction;
}

export function checkReduction(where: string, options: unknown, known: string[] = ['reduction']): Reduction {
  checkOptions(where, options, known);
  const reduction = (options as LossOptions | undefined)?.reduction ?? DEFAULT_REDUCTION;
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') {
    throw new RangeError(`${where}: reduction must be 'mean', 'sum' or 'none', received ${describe(reduction)}`);
  }
  return reduction;
}

/** The scale of each element's loss in the result: 1/n for 'mean', 1 otherwise. */
export function reductionScale(where: string, reduction: Reduction, n: number): number {
  if (reduction !== 'mean') return 1;
  if (n === 0) throw new RangeError(`${where}: cannot take the mean loss over 0 elements (empty input)`);
  return 1 / n;
}

export function checkTensor(where: string, name: string, value: unknown): Tensor {
  if (!(value instanceof Tensor)) {
    throw new TypeError(`${where}: ${name} must be a Tensor, received ${describe(value)}`);
  }
  checkFiniteTensor(where, name, value);
  return value;
}

export function checkFiniteTensor(where: string, name: string, t: Tensor): void {
  const d = view(t.storage);
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      throw new RangeError(
        `${where}: ${name} must contain finite numbers, received ${describe(d[i])} at flat index ${i} ` +
          `(shape ${formatShape(t.shape)})`,
      );
    }
  }
}

/** A target given as a Tensor, nested arrays or a number, with the same shape as the input. */
export function targetLike(where: string, input: Tensor, target: unknown): Tensor {
  let t: Tensor;
  if (target instanceof Tensor) t = target;
  else if (typeof target === 'number' || Array.isArray(target)) t = tensor(target as number | NestedArray);
  else throw new TypeError(`${where}: target must be a Tensor, an array or a number, received ${describe(target)}`);
  checkFiniteTensor(where, 'target', t);
  if (t.size !== input.size || (t.ndim !== input.ndim && t.size !== 1)) {
    throw new RangeError(
      `${where}: target shape ${formatShape(t.shape)} does not match input shape ${formatShape(input.shape)}`,
    );
  }
  for (let i = 0; i < t.ndim; i++) {
    if (t.shape[i] !== input.shape[i]) {
      throw new RangeError(
        `${where}: target shape ${formatShape(t.shape)} does not match input shape ${formatShape(input.shape)}`,
      );
    }
  }
  return t;
}
