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
 * Where an operand was broadcast, its gradient is summed over the stretched axes.
 */
import { Tensor, TensorLike, accumulateGrad, fromOp, gradOf } from './tensor';
import { broadcastIndex, broadcastShapes, isTrailing, sameShape } from './shape';
import { describe } from '../util/validate';

/** A Tensor operand, or a number turned into a constant scalar tensor. */
export function asTensor(op: string, name: string, value: TensorLike): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${op}: ${name} must be a finite number or a Tensor, received ${describe(value)}`);
    }
    return new Tensor(Float64Array.of(value), []);
  }
  throw new TypeError(`${op}: ${name} must be a Tensor or a number, received ${describe(value)}`);
}

type Kind = 'add' | 'sub' | 'mul' | 'div';

/** out[i] = A[ia[i]] ∘ B[ib[i]], with a null index map meaning the identity. */
function forward(kind: Kind, A: Float64Array, B: Float64Array, ia: Int32Array | null, ib: Int32Array | null, out: Float64Array): void {
  const n = out.length;
  if (ia === null && ib === null) {
    switch (kind) {
      case 'add': for (let i = 0; i < n; i++) out[i] = A[i] + B[i]; return;
      case 'sub': for (let i = 0; i < n; i++) out[i] = A[i] - B[i]; return;
      case 'mul': for (let i = 0; i < n; i++) out[i] = A[i] * B[i]; return;
      case 'div': for (let i = 0; i < n; i++) out[i] = A[i] / B[i]; return;
    }
  }
  if (ia === null && ib !== null) {
    switch (kind) {
      case 'add': for (let i = 0; i < n; i++) out[i] = A[i] + B[ib[i]]; return;
      case 'sub': for (let i = 0; i < n; i++) out[i] = A[i] - B[ib[i]]; return;
      case 'mul': for (let i = 0; i < n; i++) out[i] = A[i] * B[ib[i]]; return;
      case 'div': for (let i = 0; i < n; i++) out[i] = A[i] / B[ib[i]]; return;
    }
  }
  const ja = ia ?? identity(n);
  const jb = ib ?? identity(n);
  switch (kind) {
    case 'add': for (let i = 0; i < n; i++) out[i] = A[ja[i]] + B[jb[i]]; return;
    case 'sub': for (let i = 0; i < n; i++) out[i] = A[ja[i]] - B[jb[i]]; return;
    case 'mul': for (let i = 0; i < n; i++) out[i] = A[ja[i]] * B[jb[i]]; return;
    case 'div': for (let i = 0; i < n; i++) out[i] = A[ja[i]] / B[jb[i]]; return;
  }
}

let identityCache = new Int32Array(0);
function identity(n: number): Int32Array {
  if (identityCache.length < n) {
    identityCache = new Int32Array(n);
    for (let i = 0; i < n; i++) identityCache[i] = i;
  }
  return identityCache;
}

function binary(kind: Kind, a: Tensor, bLike: TensorLike): Tensor {
  const b = asTensor(kind, 'other', bLike);
  const shape = sameShape(a.shape, b.shape) ? a.shape.slice() : broadcastShapes(kind, a.shape, b.shape);
  const n = shape.reduce((x, y) => x * y, 1);
  if (kind === 'add' && b.size > 0 && sameShape(shape, a.shape) && isTrailing(shape, b.shape)) {
    return addRows(a, b, n);
  }
  const ia = broadcastIndex(shape, a.shape);
  const ib = broadcastIndex(shape, b.shape);
  const A = a.data;
  const B = b.data;
  const out = new Float64Array(n);
  forward(kind, A, B, ia, ib, out);
  return fromOp(out, shape, kind, [a, b], (g) => {
    const ja = ia ?? identity(n);
    const jb = ib ?? identity(n);
    if (a.requiresGrad && ia === null && (kind === 'add' || kind === 'sub')) {
      accumulateGrad(a, g);
    } else if (a.requiresGrad) {
      const ga = gradOf(a);
      // ∂(a ± b)/∂a = 1, ∂(ab)/∂a = b, ∂(a/b)/∂a = 1/b
      if (kind === 'add' || kind === 'sub') {
        for (let i = 0; i < n; i++) ga[ja[i]] += g[i];
      } else if (kind === 'mul') {
        for (let i = 0; i < n; i++) ga[ja[i]] += g[i] * B[jb[i]];
      } else {
        for (let i = 0; i < n; i++) ga[ja[i]] += g[i] / B[jb[i]];
      }
    }
    if (b.requiresGrad && ib === null && kind === 'add') {
      accumulateGrad(b, g);
    } else if (b.requiresGrad) {
      const gb = gradOf(b);
      // ∂(a + b)/∂b = 1, ∂(a − b)/∂b = −1, ∂(ab)/∂b = a, ∂(a/b)/∂b = −a/b²
      if (kind === 'add') {
        for (let i = 0; i < n; i++) gb[jb[i]] += g[i];
      } else if (kind === 'sub') {
        for (let i = 0; i < n; i++) gb[jb[i]] -= g[i];
      } else if (kind === 'mul') {
        for (let i = 0; i < n; i++) gb[jb[i]] += g[i] * A[ja[i]];
      } else {
        for (let i = 0; i < n; i++) {
          const y = B[jb[i]];
          gb[jb[i]] -= (g[i] * A[ja[i]]) / (y * y);
        }
      }
    }
  });
}

/**
 * a + b where b repeats whole over the rows of a (a bias [C] added to a batch [N, C]): plain
 * nested loops, and ∂L/∂b = Σ over rows of G.
 */
function addRows(a: Tensor, b: Tensor, n: number): Tensor {
  const A = a.data;
  const B = b.data;
  const C = B.length;
  const out = new Float64Array(n);
  for (let o = 0; o < n; o += C) for (let c = 0; c < C; c++) out[o + c] = A[o + c] + B[c];
  return fromOp(out, a.shape.slice(), 'add', [a, b], (g) => {
    if (a.requiresGrad) accumulateGrad(a, g);
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let o = 0; o < n; o += C) for (let c = 0; c < C; c++) gb[c] += g[o + c];
    }
  });
}

export const add = (a: Tensor, b: TensorLike): Tensor => binary('add', a, b);
export const sub = (a: Tensor, b: TensorLike): Tensor => binary('sub', a, b);
export const mul = (a: Tensor, b: TensorLike): Tensor => binary('mul', a, b);
export const div = (a: Tensor, b: TensorLike): Tensor => binary('div', a, b);

type Unary = 'neg' | 'exp' | 'log' | 'tanh' | 'relu' | 'abs' | 'sqrt' | 'sigmoid' | 'square';

/**
 * A unary op: its forward map and its local derivative, written with the input x and the output y
 * (whichever is cheaper). Plain loops per op, so no function call per element.
 */
function unary(op: Unary, a: Tensor): Tensor {
  const A = a.data;
  const n = A.length;
  const y = new Float64Array(n);
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) y[i] = -A[i]; break;
    case 'exp': for (let i = 0; i < n; i++) y[i] = Math.exp(A[i]); break;
    case 'log': for (let i = 0; i < n; i++) y[i] = Math.log(A[i]); break;
    case 'tanh': for (let i = 0; i < n; i++) y[i] = Math.tanh(A[i]); break;
    case 'relu': for (let i = 0; i < n; i++) y[i] = A[i] > 0 ? A[i] : 0; break;
    case 'abs': for (let i = 0; i < n; i++) y[i] = Math.abs(A[i]); break;
    case 'sqrt': for (let i = 0; i < n; i++) y[i] = Math.sqrt(A[i]); break;
    case 'sigmoid': for (let i = 0; i < n; i++) y[i] = sigmoidScalar(A[i]); break;
    case 'square': for (let i = 0; i < n; i++) y[i] = A[i] * A[i]; break;
  }
  return fromOp(y, a.shape.slice(), op === 'square' ? 'pow' : op, [a], (g) => {
    const ga = gradOf(a);
    switch (op) {
      case 'neg': for (let i = 0; i < n; i++) ga[i] -= g[i]; break;
      case 'exp': for (let i = 0; i < n; i++) ga[i] += g[i] * y[i]; break;
      case 'log': for (let i = 0; i < n; i++) ga[i] += g[i] / A[i]; break;
      case 'tanh': for (let i = 0; i < n; i++) ga[i] += g[i] * (1 - y[i] * y[i]); break;
      case 'relu': for (let i = 0; i < n; i++) if (A[i] > 0) ga[i] += g[i]; break;
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
  const A = a.data;
  const out = Float64Array.from(A, (x) => Math.pow(x, k));
  return fromOp(out, a.shape.slice(), 'pow', [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < A.length; i++) ga[i] += g[i] * k * Math.pow(A[i], k - 1);
  });
}

export const neg = (a: Tensor): Tensor => unary('neg', a);
export const exp = (a: Tensor): Tensor => unary('exp', a);
export const log = (a: Tensor): Tensor => unary('log', a);
export const tanh = (a: Tensor): Tensor => unary('tanh', a);
export const relu = (a: Tensor): Tensor => unary('relu', a);
export const abs = (a: Tensor): Tensor => unary('abs', a);
export const sqrt = (a: Tensor): Tensor => unary('sqrt', a);
export const sigmoid = (a: Tensor): Tensor => unary('sigmoid', a);

/** σ(x) = 1/(1 + e⁻ˣ), computed without overflow for large |x|. */
export function sigmoidScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

