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
import { Tensor, TensorLike, fromOp, gradOf } from './tensor';
import { broadcastIndex, broadcastShapes, sameShape } from './shape';
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

function binary(kind: Kind, a: Tensor, bLike: TensorLike): Tensor {
  const b = asTensor(kind, 'other', bLike);
  const shape = sameShape(a.shape, b.shape) ? a.shape.slice() : broadcastShapes(kind, a.shape, b.shape);
  const n = shape.reduce((x, y) => x * y, 1);
  const ia = broadcastIndex(shape, a.shape);
  const ib = broadcastIndex(shape, b.shape);
  const A = a.data;
  const B = b.data;
  const out = new Float64Array(n);
  if (ia === null && ib === null) {
    if (kind === 'add') for (let i = 0; i < n; i++) out[i] = A[i] + B[i];
    else if (kind === 'sub') for (let i = 0; i < n; i++) out[i] = A[i] - B[i];
    else if (kind === 'mul') for (let i = 0; i < n; i++) out[i] = A[i] * B[i];
    else for (let i = 0; i < n; i++) out[i] = A[i] / B[i];
  } else {
    for (let i = 0; i < n; i++) {
      const x = A[ia === null ? i : ia[i]];
      const y = B[ib === null ? i : ib[i]];
      out[i] = kind === 'add' ? x + y : kind === 'sub' ? x - y : kind === 'mul' ? x * y : x / y;
    }
  }
  return fromOp(out, shape, kind, [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < n; i++) {
        const j = ia === null ? i : ia[i];
        const y = B[ib === null ? i : ib[i]];
        ga[j] += kind === 'add' || kind === 'sub' ? g[i] : kind === 'mul' ? g[i] * y : g[i] / y;
      }
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let i = 0; i < n; i++) {
        const j = ib === null ? i : ib[i];
        if (kind === 'add') gb[j] += g[i];
        else if (kind === 'sub') gb[j] -= g[i];
        else {
          const x = A[ia === null ? i : ia[i]];
          if (kind === 'mul') gb[j] += g[i] * x;
          else {
            const y = B[j];
            gb[j] -= (g[i] * x) / (y * y);
          }
        }
      }
    }
  });
}

export const add = (a: Tensor, b: TensorLike): Tensor => binary('add', a, b);
export const sub = (a: Tensor, b: TensorLike): Tensor => binary('sub', a, b);
export const mul = (a: Tensor, b: TensorLike): Tensor => binary('mul', a, b);
export const div = (a: Tensor, b: TensorLike): Tensor => binary('div', a, b);

/**
 * A unary op from its forward map and its local derivative, written with the input x and the
 * output y (whichever is cheaper).
 */
function unary(
  op: string,
  a: Tensor,
  f: (x: number) => number,
  dfdx: (x: number, y: number) => number,
): Tensor {
  const A = a.data;
  const n = A.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(A[i]);
  return fromOp(out, a.shape.slice(), op, [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < n; i++) ga[i] += g[i] * dfdx(A[i], out[i]);
  });
}

export function pow(a: Tensor, k: number): Tensor {
  if (typeof k !== 'number' || !Number.isFinite(k)) {
    throw new TypeError(`pow: exponent must be a finite number, received ${describe(k)}`);
  }
  if (k === 2) return unary('pow', a, (x) => x * x, (x) => 2 * x);
  return unary('pow', a, (x) => Math.pow(x, k), (x) => k * Math.pow(x, k - 1));
}

export const neg = (a: Tensor): Tensor => unary('neg', a, (x) => -x, () => -1);
export const exp = (a: Tensor): Tensor => unary('exp', a, Math.exp, (_x, y) => y);
export const log = (a: Tensor): Tensor => unary('log', a, Math.log, (x) => 1 / x);
export const tanh = (a: Tensor): Tensor => unary('tanh', a, Math.tanh, (_x, y) => 1 - y * y);
export const relu = (a: Tensor): Tensor => unary('relu', a, (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0));
export const abs = (a: Tensor): Tensor => unary('abs', a, Math.abs, (x) => (x > 0 ? 1 : x < 0 ? -1 : 0));
export const sqrt = (a: Tensor): Tensor => unary('sqrt', a, Math.sqrt, (_x, y) => 0.5 / y);

/** σ(x) = 1/(1 + e⁻ˣ), computed without overflow for large |x|. */
export function sigmoidScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export const sigmoid = (a: Tensor): Tensor => unary('sigmoid', a, sigmoidScalar, (_x, y) => y * (1 - y));
