import { describe, expect, it } from 'vitest';
import { Value } from '../../src/value';

/**
 * Every op's forward value against the closed form in plain `Math`, and its local derivative
 * against a central finite difference of that closed form, at several seeded random points.
 */

/** mulberry32: a small seeded generator in [0, 1), so failures are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const H = 1e-5;
const POINTS = 6;

/** Central difference $(f(x+h) - f(x-h)) / 2h$; error $O(h^2)$. */
function central(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}

function expectNear(actual: number, want: number, tol: number, what: string): void {
  expect(Math.abs(actual - want) <= tol * (1 + Math.abs(want)), `${what}: got ${actual}, want ${want}`).toBe(true);
}

/** A point in [lo, hi) kept at least `gap` away from each value in `avoid`. */
function point(r: () => number, lo: number, hi: number, avoid: number[] = [], gap = 0.05): number {
  for (;;) {
    const x = lo + (hi - lo) * r();
    if (avoid.every((a) => Math.abs(x - a) >= gap)) return x;
  }
}

interface Unary {
  name: string;
  apply: (v: Value) => Value;
  f: (x: number) => number;
  lo: number;
  hi: number;
  avoid?: number[];
  gap?: number;
}

const unary: Unary[] = [
  { name: 'neg', apply: (v) => v.neg(), f: (x) => -x, lo: -3, hi: 3 },
  { name: 'exp', apply: (v) => v.exp(), f: Math.exp, lo: -3, hi: 3 },
  { name: 'log', apply: (v) => v.log(), f: Math.log, lo: 0.05, hi: 5 },
  { name: 'tanh', apply: (v) => v.tanh(), f: Math.tanh, lo: -3, hi: 3 },
  { name: 'relu', apply: (v) => v.relu(), f: (x) => Math.max(0, x), lo: -3, hi: 3, avoid: [0] },
  { name: 'sigmoid', apply: (v) => v.sigmoid(), f: (x) => 1 / (1 + Math.exp(-x)), lo: -6, hi: 6 },
  { name: 'rsub(1.5)', apply: (v) => v.rsub(1.5), f: (x) => 1.5 - x, lo: -3, hi: 3 },
  { name: 'rdiv(2)', apply: (v) => v.rdiv(2), f: (x) => 2 / x, lo: -3, hi: 3, avoid: [0], gap: 0.2 },
  ...[2, 3, -1, -2, 0.5, -1.5, 0, 1].map((k) => ({
    name: `pow(${k})`,
    apply: (v: Value) => v.pow(k),
    f: (x: number) => Math.pow(x, k),
    // Non-integer powers need x > 0; keep negative powers away from the pole at 0.
    lo: Number.isInteger(k) ? -3 : 0.1,
    hi: 3,
    avoid: [0],
    gap: 0.2,
  })),
];

interface Binary {
  name: string;
  apply: (a: Value, b: Value) => Value;
  f: (a: number, b: number) => number;
  bLo: number;
  bHi: number;
}

const binary: Binary[] = [
  { name: 'add', apply: (a, b) => a.add(b), f: (a, b) => a + b, bLo: -3, bHi: 3 },
  { name: 'sub', apply: (a, b) => a.sub(b), f: (a, b) => a - b, bLo: -3, bHi: 3 },
  { name: 'mul', apply: (a, b) => a.mul(b), f: (a, b) => a * b, bLo: -3, bHi: 3 },
  { name: 'div', apply: (a, b) => a.div(b), f: (a, b) => a / b, bLo: 0.3, bHi: 3 },
  { name: 'div (negative divisor)', apply: (a, b) => a.div(b), f: (a, b) => a / b, bLo: -3, bHi: -0.3 },
  { name: 'rsub', apply: (a, b) => a.rsub(b), f: (a, b) => b - a, bLo: -3, bHi: 3 },
  { name: 'rdiv', apply: (a, b) => a.rdiv(b), f: (a, b) => b / a, bLo: -3, bHi: 3 },
];

describe('local derivative of every unary op matches a central finite difference', () => {
  unary.forEach((op, j) => {
    it(op.name, () => {
      const r = rng(1000 + j);
      const gap = op.gap ?? 0.05;
      for (let i = 0; i < POINTS; i++) {
        const x0 = point(r, op.lo, op.hi, op.avoid, gap);
        const x = new Value(x0);
        const y = op.apply(x);
        expectNear(y.data, op.f(x0), 1e-14, `${op.name}(${x0}) forward`);
        y.backward();
        expectNear(x.grad, central(op.f, x0), 1e-7, `${op.name}'(${x0})`);
      }
    });
  });

  it('relu has derivative 0 at exactly 0, like PyTorch', () => {
    const x = new Value(0);
    x.relu().backward();
    expect(x.grad).toBe(0);
  });

  it('pow(0) has derivative 0 even at x = 0, like PyTorch', () => {
    const x = new Value(0);
    const y = x.pow(0);
    y.backward();
    expect(y.data).toBe(1);
    expect(x.grad).toBe(0);
  });

  it('sigmoid stays finite and in [0, 1] far in both tails', () => {
    for (const x0 of [-800, -40, 40, 800]) {
      const x = new Value(x0);
      const y = x.sigmoid();
      y.backward();
      expect(y.data >= 0 && y.data <= 1).toBe(true);
      expect(Number.isFinite(x.grad)).toBe(true);
    }
  });
});

describe('local derivatives of every binary op match central finite differences in each operand', () => {
  binary.forEach((op, j) => {
    it(op.name, () => {
      const r = rng(2000 + j);
      for (let i = 0; i < POINTS; i++) {
        const a0 = point(r, -3, 3, op.name === 'rdiv' ? [0] : [], 0.3);
        const b0 = point(r, op.bLo, op.bHi);
        const a = new Value(a0);
        const b = new Value(b0);
        const y = op.apply(a, b);
        expectNear(y.data, op.f(a0, b0), 1e-14, `${op.name}(${a0}, ${b0}) forward`);
        y.backward();
        expectNear(a.grad, central((t) => op.f(t, b0), a0), 1e-7, `d${op.name}/da at (${a0}, ${b0})`);
        expectNear(b.grad, central((t) => op.f(a0, t), b0), 1e-7, `d${op.name}/db at (${a0}, ${b0})`);
      }
    });
  });

  it('number operands act as constants: a.mul(3) has da = 3', () => {
    const a = new Value(-1.25);
    const y = a.mul(3).add(2).sub(0.5).div(4);
    y.backward();
    expect(y.data).toBeCloseTo((-1.25 * 3 + 2 - 0.5) / 4, 15);
    expect(a.grad).toBeCloseTo(0.75, 15);
  });
});
