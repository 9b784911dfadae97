/**
 * Elementwise operations with broadcasting, each with its local derivative (chapter
 * 05-backpropagation):
 *
 * | op | forward | ∂out/∂a | ∂out/∂b |
 * |---|---|---|---|
 * | add | a + b | 1 | 1 |
 * | sub | a − b | 1 | −1 |
 * | mul | a · b | b | a |
 * | div | a / b | 1/b | −a/b² |
 * | pow | aᵏ | k·aᵏ⁻¹ | |
 * | exp | eᵃ | eᵃ | |
 * | log | ln a | 1/a | |
 * | tanh | tanh a | 1 − tanh² a | |
 * | relu | max(a, 0) | [a > 0] | |
 * | sigmoid | σ(a) = 1/(1 + e⁻ᵃ) | σ(a)(1 − σ(a)) | |
 *
 * Where an operand was broadcast, its gradient is summed over the stretched axes. Values flowing
 * through are not checked (only the numbers you pass in are): ln 0 = −∞, ln(−1) = NaN and
 * e¹⁰⁰⁰ = ∞, as in PyTorch and in the scalar `Value` engine.
 */
import { Tensor, TensorLike } from './tensor';
import { accumulate, constant, freshGradStorage, gradStorage, record, recording } from './autograd';
import { Storage, allocate, fromArray, view } from './storage';
import { broadcastIndex, broadcastShapes, isTrailing, sameShape, sizeOf } from './shape';
import * as K from './kernels';
import { describe } from '../util/validate';

/** A Tensor operand, or a number turned into a constant scalar tensor. */
export function asTensor(op: string, name: string, value: TensorLike): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${op}: ${name} must be a finite number or a Tensor, received ${describe(value)}`);
    }
    return new Tensor(fromArray(Float64Array.of(value), false), []);
  }
  throw new TypeError(`${op}: ${name} must be a Tensor or a number, received ${describe(value)}`);
}

type Kind = K.Binary;

function binary(kind: Kind, a: Tensor, bLike: TensorLike): Tensor {
  const b = asTensor(kind, 'other', bLike);
  if (sameShape(a.shape, b.shape)) return sameShapes(kind, a, b);
  const shape = broadcastShapes(kind, a.shape, b.shape);
  if (kind === 'add' && b.size > 0 && sameShape(shape, a.shape) && isTrailing(shape, b.shape)) return addRows(a, b);
  return broadcast(kind, a, b, shape);
}

/** Both operands of one shape: one kernel forward, one per operand backward. */
function sameShapes(kind: Kind, a: Tensor, b: Tensor): Tensor {
  const out = allocate(a.size, false);
  K.binary(kind, a.storage, b.storage, out);
  if (!recording(a, b)) return constant(out, a.shape, kind);
  return record(out, a.shape, kind, [a, b], (g) => {
    switch (kind) {
      case 'add':
        accumulate(a, g);
        accumulate(b, g);
        return;
      case 'sub':
        accumulate(a, g);
        if (b.requiresGrad) K.subInto(gradStorage(b), g);
        return;
      case 'mul':
        if (a.requiresGrad) K.mulAddInto(gradStorage(a), g, b.storage);
        if (b.requiresGrad) K.mulAddInto(gradStorage(b), g, a.storage);
        return;
      case 'div':
        if (a.requiresGrad) K.divAddInto(gradStorage(a), g, b.storage);
        if (b.requiresGrad) K.divGradBInto(gradStorage(b), g, a.storage, b.storage);
        return;
    }
  });
}

/**
 * a + b where b repeats whole over the rows of a (a bias [C] added to a batch [N, C]):
 * ∂L/∂a = G and ∂L/∂b = Σ over rows of G.
 */
function addRows(a: Tensor, b: Tensor): Tensor {
  const C = b.size;
  const rows = a.size / C;
  const out = allocate(a.size, false);
  K.addRows(a.storage, b.storage, out, rows, C);
  if (!recording(a, b)) return constant(out, a.shape, 'add');
  return record(out, a.shape, 'add', [a, b], (g) => {
    accumulate(a, g);
    if (b.requiresGrad) K.colSumsInto(g, gradStorage(b), rows, C);
  });
}

/** The general case: out[i] = A[ia[i]] ∘ B[ib[i]], a null index map meaning the identity. */
function broadcast(kind: Kind, a: Tensor, b: Tensor, shape: number[]): Tensor {
  const n = sizeOf(shape);
  const ia = broadcastIndex(shape, a.shape);
  const ib = broadcastIndex(shape, b.shape);
  const out = allocate(n, false);
  const A = view(a.storage);
  const B = view(b.storage);
  const O = view(out);
  for (let i = 0; i < n; i++) {
    const x = A[ia === null ? i : ia[i]];
    const y = B[ib === null ? i : ib[i]];
    O[i] = kind === 'add' ? x + y : kind === 'sub' ? x - y : kind === 'mul' ? x * y : x / y;
  }
  return record(out, shape, kind, [a, b], (gs) => {
    if (a.requiresGrad && ia === null && (kind === 'add' || kind === 'sub')) accumulate(a, gs);
    const gaS = a.requiresGrad && !(ia === null && (kind === 'add' || kind === 'sub')) ? gradStorage(a) : null;
    const gbS = b.requiresGrad ? gradStorage(b) : null;
    const g = view(gs);
    const A = view(a.storage);
    const B = view(b.storage);
    if (gaS !== null) {
      // ∂(a ± b)/∂a = 1, ∂(ab)/∂a = b, ∂(a/b)/∂a = 1/b
      const ga = view(gaS);
      for (let i = 0; i < n; i++) {
        const j = ia === null ? i : ia[i];
        const y = B[ib === null ? i : ib[i]];
        ga[j] += kind === 'mul' ? g[i] * y : kind === 'div' ? g[i] / y : g[i];
      }
    }
    if (gbS !== null) {
      // ∂(a + b)/∂b = 1, ∂(a − b)/∂b = −1, ∂(ab)/∂b = a, ∂(a/b)/∂b = −a/b²
      const gb = view(gbS);
      for (let i = 0; i < n; i++) {
        const j = ib === null ? i : ib[i];
        const x = A[ia === null ? i : ia[i]];
        if (kind === 'add') gb[j] += g[i];
        else if (kind === 'sub') gb[j] -= g[i];
        else if (kind === 'mul') gb[j] += g[i] * x;
        else gb[j] -= (g[i] * x) / (B[j] * B[j]);
      }
    }
  });
}

export const add = (a: Tensor, b: TensorLike): Tensor => binary('add', a, b);
export const sub = (a: Tensor, b: TensorLike): Tensor => binary('sub', a, b);
export const mul = (a: Tensor, b: TensorLike): Tensor => binary('mul', a, b);
export const div = (a: Tensor, b: TensorLike): Tensor => binary('div', a, b);

/** max(a, 0), and ∂/∂a = [a > 0] (0 at a = 0, as PyTorch). */
export function relu(a: Tensor): Tensor {
  const out = allocate(a.size, false);
  K.relu(a.storage, out);
  if (!recording(a)) return constant(out, a.shape, 'relu');
  return record(out, a.shape, 'relu', [a], (g) => {
    // A gradient a does not have yet is written masked (no zero-fill then add).
    const fresh = freshGradStorage(a);
    if (fresh !== null) K.reluMask(a.storage, g, fresh);
    else K.reluGradInto(a.storage, g, gradStorage(a));
  });
}

type Unary = 'neg' | 'exp' | 'log' | 'tanh' | 'abs' | 'sqrt' | 'sigmoid' | 'square';

/**
 * A unary op: its forward map and its local derivative, written with the input x and the output y
 * (whichever is cheaper). Plain loops per op, so no function call per element.
 */
function unary(op: Unary, a: Tensor): Tensor {
  const n = a.size;
  const out = allocate(n, false);
  const A = view(a.storage);
  const y = view(out);
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) y[i] = -A[i]; break;
    case 'exp': for (let i = 0; i < n; i++) y[i] = Math.exp(A[i]); break;
    case 'log': for (let i = 0; i < n; i++) y[i] = Math.log(A[i]); break;
    case 'tanh': for (let i = 0; i < n; i++) y[i] = Math.tanh(A[i]); break;
    case 'abs': for (let i = 0; i < n; i++) y[i] = Math.abs(A[i]); break;
    case 'sqrt': for (let i = 0; i < n; i++) y[i] = Math.sqrt(A[i]); break;
    case 'sigmoid': for (let i = 0; i < n; i++) y[i] = sigmoidScalar(A[i]); break;
    case 'square': for (let i = 0; i < n; i++) y[i] = A[i] * A[i]; break;
  }
  if (!recording(a)) return constant(out, a.shape, op === 'square' ? 'pow' : op);
  return record(out, a.shape, op === 'square' ? 'pow' : op, [a], (gs) => {
    const ga = view(gradStorage(a));
    const g = view(gs);
    const A = view(a.storage);
    const y = view(out);
    switch (op) {
      case 'neg': for (let i = 0; i < n; i++) ga[i] -= g[i]; break;
      case 'exp': for (let i = 0; i < n; i++) ga[i] += g[i] * y[i]; break;
      case 'log': for (let i = 0; i < n; i++) ga[i] += g[i] / A[i]; break;
      case 'tanh': for (let i = 0; i < n; i++) ga[i] += g[i] * (1 - y[i] * y[i]); break;
      case 'abs': for (let i = 0; i < n; i++) ga[i] += A[i] > 0 ? g[i] : A[i] < 0 ? -g[i] : 0; break;
      case 'sqrt': for (let i = 0; i < n; i++) ga[i] += (0.5 * g[i]) / y[i]; break;
      case 'sigmoid': for (let i = 0; i < n; i++) ga[i] += g[i] * y[i] * (1 - y[i]); break;
      case 'square': for (let i = 0; i < n; i++) ga[i] += 2 * g[i] * A[i]; break;
    }
  });
}

export function pow(a: Tensor, k: number): Tensor {
  if (typeof k !== 'number' || !Number.isFinite(k)) {
    throw new TypeError(`pow: exponent must be a finite number, received ${describe(k)}`);
  }
  if (k === 2) return unary('square', a);
  const n = a.size;
  const out = allocate(n, false);
  const A = view(a.storage);
  const y = view(out);
  for (let i = 0; i < n; i++) y[i] = Math.pow(A[i], k);
  return record(out, a.shape, 'pow', [a], (gs: Storage) => {
    const ga = view(gradStorage(a));
    const g = view(gs);
    const X = view(a.storage);
    for (let i = 0; i < n; i++) ga[i] += g[i] * k * Math.pow(X[i], k - 1);
  });
}

export const neg = (a: Tensor): Tensor => unary('neg', a);
export const exp = (a: Tensor): Tensor => unary('exp', a);
export const log = (a: Tensor): Tensor => unary('log', a);
export const tanh = (a: Tensor): Tensor => unary('tanh', a);
export const abs = (a: Tensor): Tensor => unary('abs', a);
export const sqrt = (a: Tensor): Tensor => unary('sqrt', a);
export const sigmoid = (a: Tensor): Tensor => unary('sigmoid', a);

/** σ(x) = 1/(1 + e⁻ˣ), computed without overflow for large |x|. */
export function sigmoidScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
