/** Making tensors: from data, filled with a constant, random, or a range. */
import { Tensor } from './tensor';
import { allocate, view } from './storage';
import { formatShape, sizeOf } from './shape';
import { NestedArray } from './format';
import { checkOptions, describe } from '../util/validate';
import { normalsFrom } from '../data/rng';

export interface TensorOptions {
  /** Record operations on this tensor so `backward()` fills its `.grad` (default: false). */
  requiresGrad?: boolean;
}

export interface FromDataOptions extends TensorOptions {
  /** The shape of a flat Float64Array or number[] (default: one axis). */
  shape?: number[];
}

const TENSOR_OPTION_NAMES = ['requiresGrad', 'shape'] as const;
const FILL_OPTION_NAMES = ['requiresGrad'] as const;

/** Checks the options (unknown names throw, with a suggestion) and returns requiresGrad. */
function checkCreateOptions(where: string, options: FromDataOptions | undefined, known: readonly string[]): boolean {
  checkOptions(where, options, known);
  const rg = options?.requiresGrad ?? false;
  if (typeof rg !== 'boolean') throw new TypeError(`${where}: requiresGrad must be true or false, received ${describe(rg)}`);
  return rg;
}

function checkShape(where: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0)) {
    throw new RangeError(`${where}: shape must be an array of integers >= 0, received ${describe(shape)}`);
  }
  return shape.slice();
}

function checkFiniteData(where: string, data: Float64Array, shape: number[]): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const at: number[] = [];
      let rest = i;
      for (let axis = shape.length - 1; axis >= 0; axis--) {
        at.unshift(rest % shape[axis]);
        rest = Math.floor(rest / shape[axis]);
      }
      throw new RangeError(
        `${where}: data must contain finite numbers, received ${describe(data[i])} at index ${formatShape(at)}`,
      );
    }
  }
}

/** The shape of nested arrays, checking that they are rectangular and hold numbers. */
function inferShape(data: unknown, path: number[]): number[] {
  if (typeof data === 'number') return [];
  if (!Array.isArray(data)) {
    throw new TypeError(
      `tensor: data must be a number, nested arrays of numbers or a Float64Array, received ` +
        `${describe(data)}${path.length ? ` at index ${formatShape(path)}` : ''}`,
    );
  }
  if (data.length === 0) return [0];
  const inner = inferShape(data[0], [...path, 0]);
  for (let i = 1; i < data.length; i++) {
    const other = inferShape(data[i], [...path, i]);
    if (other.length !== inner.length || other.some((d, k) => d !== inner[k])) {
      throw new RangeError(
        `tensor: nested arrays must be rectangular: the element at ${formatShape([...path, i])} has shape ` +
          `${formatShape(other)}, expected ${formatShape(inner)} like the first one`,
      );
    }
  }
  return [data.length, ...inner];
}

function flatten(data: unknown, out: Float64Array, at: { i: number }): void {
  if (typeof data === 'number') out[at.i++] = data;
  else for (const x of data as unknown[]) flatten(x, out, at);
}

/**
 * A tensor from a number, nested arrays or a flat Float64Array / number[] with `{ shape }`.
 * A Float64Array is used as the storage itself (no copy).
 */
export function tensor(data: number | NestedArray | Float64Array, options?: FromDataOptions): Tensor {
  const requiresGrad = checkCreateOptions('tensor', options, TENSOR_OPTION_NAMES);
  if (data instanceof Float64Array) {
    const shape = options?.shape !== undefined ? checkShape('tensor', options.shape) : [data.length];
    checkSize(shape, data.length);
    checkFiniteData('tensor', data, shape);
    return new Tensor(data, shape, requiresGrad);
  }
  const nested = inferShape(data, []);
  const shape = options?.shape !== undefined ? checkShape('tensor', options.shape) : nested;
  const n = sizeOf(nested);
  checkSize(shape, n);
  const storage = allocate(n, false);
  flatten(data, view(storage), { i: 0 });
  checkFiniteData('tensor', view(storage), shape);
  return new Tensor(storage, shape, requiresGrad);
}

function checkSize(shape: number[], n: number): void {
  if (sizeOf(shape) !== n) {
    throw new RangeError(`tensor: shape ${formatShape(shape)} holds ${sizeOf(shape)} elements, but the data has ${n}`);
  }
}

function filled(where: string, shape: number[], value: number, options?: TensorOptions): Tensor {
  const dims = checkShape(where, shape);
  const requiresGrad = checkCreateOptions(where, options, FILL_OPTION_NAMES);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${where}: value must be a finite number, received ${describe(value)}`);
  }
  const storage = allocate(sizeOf(dims), value === 0);
  if (value !== 0) view(storage).fill(value);
  return new Tensor(storage, dims, requiresGrad);
}

export const full = (shape: number[], value: number, options?: TensorOptions): Tensor => filled('full', shape, value, options);
export const zeros = (shape: number[], options?: TensorOptions): Tensor => filled('zeros', shape, 0, options);
export const ones = (shape: number[], options?: TensorOptions): Tensor => filled('ones', shape, 1, options);

/** Standard normal samples, drawn from `rng` (a generator of uniforms in [0, 1)) by Box–Muller (`randnFrom`). */
export function randn(shape: number[], rng: () => number, options?: TensorOptions): Tensor {
  const dims = checkShape('randn', shape);
  const requiresGrad = checkCreateOptions('randn', options, FILL_OPTION_NAMES);
  if (typeof rng !== 'function') {
    throw new TypeError(`randn: rng must be a function returning numbers in [0, 1) (e.g. rng(42)), received ${describe(rng)}`);
  }
  const next = normalsFrom('randn', rng);
  const values = new Float64Array(sizeOf(dims));
  for (let i = 0; i < values.length; i++) values[i] = next();
  const storage = allocate(values.length, false);
  view(storage).set(values);
  return new Tensor(storage, dims, requiresGrad);
}

/** start, start + step, … below stop (`arange(n)` is 0…n−1), as in PyTorch. */
export function arange(start: number, stop?: number, step = 1): Tensor {
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  for (const [name, v] of [['start', lo], ['stop', hi], ['step', step]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`arange: ${name} must be a finite number, received ${describe(v)}`);
    }
  }
  if (step === 0) throw new RangeError('arange: step must not be 0, received 0');
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const storage = allocate(n, false);
  const out = view(storage);
  for (let i = 0; i < n; i++) out[i] = lo + i * step;
  return new Tensor(storage, [n]);
}
