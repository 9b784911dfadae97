/**
 * A data set is a pair of tensors with one row per example: inputs X of shape [N, D] and targets
 * y of shape [N] (class labels are stored as the floats 0, 1, …, C − 1).
 */
import { Tensor, tensor } from '../tensor';
import { expected } from '../util/validate';

export interface Dataset {
  /** Inputs, one row per example: shape [N, D]. */
  X: Tensor;
  /** Targets, one per example: shape [N]. */
  y: Tensor;
}

/**
 * Checks `{ X, y }`: two tensors with at least one axis and the same number of rows N ≥ 1.
 * Returns N. @internal
 */
export function checkDataset(where: string, data: unknown, name = 'data'): number {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TypeError(expected(where, name, 'an object { X, y } of two tensors', data));
  }
  const { X, y } = data as { X?: unknown; y?: unknown };
  for (const [key, t] of [['X', X], ['y', y]] as const) {
    if (!(t instanceof Tensor)) throw new TypeError(expected(where, `${name}.${key}`, 'a Tensor', t));
    if (t.ndim < 1 || t.shape[0] < 1) {
      throw new RangeError(
        `${where}: ${name}.${key} must be a tensor with at least one row, received a tensor of shape ` +
          `[${t.shape.join(', ')}]`,
      );
    }
  }
  const nX = (X as Tensor).shape[0];
  const nY = (y as Tensor).shape[0];
  if (nX !== nY) {
    throw new RangeError(
      `${where}: ${name}.X and ${name}.y must have the same number of rows, received ${nX} and ${nY}`,
    );
  }
  return nX;
}

/** Wraps filled buffers as a data set: X of shape [n, d], y of shape [n]. @internal */
export function makeDataset(X: Float64Array, y: Float64Array, n: number, d: number): Dataset {
  return { X: tensor(X, { shape: [n, d] }), y: tensor(y, { shape: [n] }) };
}
