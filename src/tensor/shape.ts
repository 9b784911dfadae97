/**
 * Shapes and broadcasting, as in NumPy and PyTorch: shapes are aligned on their last axis, and an
 * axis of length 1 (or a missing leading axis) is stretched to match the other operand.
 */
import { describe } from '../util/validate';

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Row-major strides: the step in the flat array for one step along each axis. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** The broadcast shape of two operands, or a RangeError naming both shapes. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together ` +
          `(axis ${i - n} has lengths ${da} and ${db}; each must match or be 1)`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * True when broadcasting `inShape` over `outShape` repeats it whole, row after row: its shape
 * without leading 1s is the tail of `outShape` (a bias [C] over a batch [N, C]).
 */
export function isTrailing(outShape: readonly number[], inShape: readonly number[]): boolean {
  let lead = 0;
  while (lead < inShape.length && inShape[lead] === 1) lead++;
  const pad = outShape.length - inShape.length;
  if (pad < 0) return false;
  for (let i = lead; i < inShape.length; i++) if (inShape[i] !== outShape[i + pad]) return false;
  return true;
}

const indexCache = new Map<string, Int32Array>();
const INDEX_CACHE_LIMIT = 256;

/**
 * For every flat index of a tensor of shape `outShape`, the flat index of the element of a tensor
 * of shape `inShape` that broadcasting reads. `null` means the identity (same shape). Cached, as
 * training loops broadcast the same shapes (a bias over a batch) at every step.
 */
export function broadcastIndex(outShape: readonly number[], inShape: readonly number[]): Int32Array | null {
  if (sameShape(outShape, inShape)) return null;
  const key = `${outShape.join(',')}|${inShape.join(',')}`;
  const hit = indexCache.get(key);
  if (hit) return hit;
  const n = sizeOf(outShape);
  const index = new Int32Array(n);
  const inSize = sizeOf(inShape);
  const pad = outShape.length - inShape.length;
  if (isTrailing(outShape, inShape)) {
    for (let i = 0; i < n; i++) index[i] = i % inSize;
  } else {
    const outStrides = stridesOf(outShape);
    const inStrides = stridesOf(inShape);
    const step = outShape.map((_, axis) => {
      const j = axis - pad;
      return j < 0 || inShape[j] === 1 ? 0 : inStrides[j];
    });
    for (let i = 0; i < n; i++) {
      let rest = i;
      let k = 0;
      for (let axis = 0; axis < outShape.length; axis++) {
        const coord = Math.floor(rest / outStrides[axis]);
        rest -= coord * outStrides[axis];
        k += coord * step[axis];
      }
      index[i] = k;
    }
  }
  if (indexCache.size >= INDEX_CACHE_LIMIT) indexCache.delete(indexCache.keys().next().value as string);
  indexCache.set(key, index);
  return index;
}

/** A possibly negative axis turned into 0…ndim−1, or a RangeError. */
export function normalizeAxis(op: string, axis: unknown, ndim: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new RangeError(
      `${op}: axis must be an integer in [${-ndim}, ${ndim - 1}] for a tensor with ${ndim} axes, ` +
        `received ${describe(axis)}`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}
