/**
 * Reductions over all elements or along one axis (the axis is removed, as in PyTorch):
 * sum, mean, max and argmax. Gradients (chapter 05-backpropagation): ∂Σx/∂xᵢ = 1,
 * ∂mean/∂xᵢ = 1/n, and max passes the gradient to the (first) maximal element only.
 */
import { Tensor } from './tensor';
import { constant, gradStorage, record, recording } from './autograd';
import { allocate, fromArray, view } from './storage';
import { formatShape, normalizeAxis } from './shape';
import * as K from './kernels';

/** The tensor seen as [outer, len, inner] around `axis`. */
function split(shape: number[], axis: number): { outer: number; len: number; inner: number; shape: number[] } {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i];
  return { outer, len: shape[axis], inner, shape: shape.filter((_, i) => i !== axis) };
}

function total(a: Tensor, scale: number, op: string): Tensor {
  const out = fromArray(Float64Array.of(K.sumAll(a.storage) * scale), false);
  if (!recording(a)) return constant(out, [], op);
  return record(out, [], op, [a], (g) => {
    const ga = gradStorage(a);
    K.addScalarInto(ga, view(g)[0] * scale);
  });
}

function alongAxis(a: Tensor, axisArg: number, scale: number, op: string): Tensor {
  const axis = normalizeAxis(op, axisArg, a.ndim);
  const { outer, len, inner, shape } = split(a.shape, axis);
  const outS = allocate(outer * inner, true);
  const A = view(a.storage);
  const out = view(outS);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < len; k++) {
      const base = (o * len + k) * inner;
      for (let j = 0; j < inner; j++) out[o * inner + j] += A[base + j];
    }
  }
  if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= scale;
  return record(outS, shape, op, [a], (gs) => {
    const ga = view(gradStorage(a));
    const g = view(gs);
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < len; k++) {
        const base = (o * len + k) * inner;
        for (let j = 0; j < inner; j++) ga[base + j] += g[o * inner + j] * scale;
      }
    }
  });
}

/** Σ of all elements, or along `axis`. */
export function sum(a: Tensor, axis?: number): Tensor {
  return axis === undefined ? total(a, 1, 'sum') : alongAxis(a, axis, 1, 'sum');
}

/** The mean of all elements, or along `axis`; an empty tensor has no mean. */
export function mean(a: Tensor, axis?: number): Tensor {
  if (axis === undefined) {
    if (a.size === 0) {
      throw new RangeError(`mean: cannot take the mean of an empty tensor (shape ${formatShape(a.shape)})`);
    }
    return total(a, 1 / a.size, 'mean');
  }
  const ax = normalizeAxis('mean', axis, a.ndim);
  if (a.shape[ax] === 0) {
    throw new RangeError(`mean: cannot take the mean along axis ${axis} of length 0 (shape ${formatShape(a.shape)})`);
  }
  return alongAxis(a, ax, 1 / a.shape[ax], 'mean');
}

/** Index (along the axis) of the first maximum for every [outer, inner] position. */
function argmaxIndex(a: Tensor, op: string, axisArg: number): { index: Int32Array; shape: number[]; len: number; inner: number } {
  const axis = normalizeAxis(op, axisArg, a.ndim);
  const { outer, len, inner, shape } = split(a.shape, axis);
  if (len === 0) throw new RangeError(`${op}: axis ${axisArg} has length 0 (shape ${formatShape(a.shape)})`);
  const A = view(a.storage);
  const index = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      let best = 0;
      let bestValue = A[o * len * inner + j];
      for (let k = 1; k < len; k++) {
        const v = A[(o * len + k) * inner + j];
        if (v > bestValue || (Number.isNaN(v) && !Number.isNaN(bestValue))) {
          best = k;
          bestValue = v;
        }
      }
      index[o * inner + j] = best;
    }
  }
  return { index, shape, len, inner };
}

/** The maximum along `axis`; its gradient flows to the first maximal element. */
export function max(a: Tensor, axis: number): Tensor {
  const { index, shape, len, inner } = argmaxIndex(a, 'max', axis);
  const flat = (i: number): number => {
    const o = Math.floor(i / inner);
    const j = i - o * inner;
    return (o * len + index[i]) * inner + j;
  };
  const outS = allocate(index.length, false);
  const A = view(a.storage);
  const out = view(outS);
  for (let i = 0; i < out.length; i++) out[i] = A[flat(i)];
  return record(outS, shape, 'max', [a], (gs) => {
    const ga = view(gradStorage(a));
    const g = view(gs);
    for (let i = 0; i < index.length; i++) ga[flat(i)] += g[i];
  });
}

/** The index of the first maximum along `axis` (a constant tensor: no gradient). */
export function argmax(a: Tensor, axis: number): Tensor {
  const { index, shape } = argmaxIndex(a, 'argmax', axis);
  return new Tensor(fromArray(Float64Array.from(index), false), shape, false, 'argmax');
}
