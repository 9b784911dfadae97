import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import {
  Tensor, gradcheck, formatGradcheck, randn, tensor,
  mse, crossEntropy, binaryCrossEntropy, binaryCrossEntropyWithLogits, softmax, logSoftmax, linear,
} from '../../src';
import { rng } from '../../src/data/rng';
import { fromOp, gradOf } from '../../src/internal';

/** Re-seeded at the start of every backend's run, so each backend checks the same inputs. */
let r = rng(2024);
const normal = (...shape: number[]): Tensor => randn(shape, r);
/** Strictly positive inputs, for log and sqrt. */
const positive = (...shape: number[]): Tensor => normal(...shape).abs().add(0.5).detach();
/** Values in (0.05, 0.95), for probabilities. */
const probability = (...shape: number[]): Tensor => normal(...shape).sigmoid().mul(0.9).add(0.05).detach();

function expectGradcheck(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const result = gradcheck(fn, inputs);
  expect(result.ok, formatGradcheck(result, inputs.map((t) => t.shape))).toBe(true);
  expect(result.maxRelError).toBeLessThan(1e-6);
}

describeEachBackend('gradcheck: autograd agrees with finite differences for every op', () => {
  beforeAll(() => {
    r = rng(2024);
  });
  const cases: [string, (...xs: Tensor[]) => Tensor, () => Tensor[]][] = [
    ['add', (a, b) => a.add(b), () => [normal(3, 4), normal(3, 4)]],
    ['sub', (a, b) => a.sub(b), () => [normal(3, 4), normal(3, 4)]],
    ['mul', (a, b) => a.mul(b), () => [normal(3, 4), normal(3, 4)]],
    ['div', (a, b) => a.div(b), () => [normal(3, 4), positive(3, 4)]],
    ['add with a number', (a) => a.add(2.5).mul(-1.5).sub(0.25).div(3), () => [normal(5)]],
    ['pow(3)', (a) => a.pow(3), () => [normal(2, 3)]],
    ['pow(2)', (a) => a.pow(2), () => [normal(2, 3)]],
    ['pow(-0.5)', (a) => a.pow(-0.5), () => [positive(2, 3)]],
    ['neg', (a) => a.neg(), () => [normal(4)]],
    ['exp', (a) => a.exp(), () => [normal(4)]],
    ['log', (a) => a.log(), () => [positive(4)]],
    ['tanh', (a) => a.tanh(), () => [normal(4)]],
    ['relu', (a) => a.relu(), () => [normal(6)]],
    ['sigmoid', (a) => a.sigmoid(), () => [normal(6)]],
    ['abs', (a) => a.abs(), () => [normal(6)]],
    ['sqrt', (a) => a.sqrt(), () => [positive(6)]],
    ['matmul 2-D @ 2-D', (a, b) => a.matmul(b), () => [normal(3, 4), normal(4, 2)]],
    ['matmul 2-D @ 1-D', (a, v) => a.matmul(v), () => [normal(3, 4), normal(4)]],
    ['sum()', (a) => a.sum(), () => [normal(2, 3, 4)]],
    ['sum(0), sum(1), sum(-1)', (a) => a.sum(0).sum().add(a.sum(1).pow(2).sum()).add(a.sum(-1).exp().sum()), () => [normal(2, 3, 4)]],
    ['mean()', (a) => a.mean(), () => [normal(3, 5)]],
    ['mean(axis)', (a) => a.mean(1).pow(2).sum().add(a.mean(0).tanh().sum()), () => [normal(3, 5)]],
    ['max(axis)', (a) => a.max(1).mul(a.max(0).sum()), () => [normal(4, 5)]],
    ['reshape', (a) => a.reshape(3, -1).matmul(a.reshape([4, 3])), () => [normal(2, 6)]],
    ['transpose / T', (a) => a.T.matmul(a.exp()).add(a.transpose().mul(2).matmul(a)).sum(), () => [normal(3, 4)]],
  ];
  for (const [name, fn, make] of cases) it(name, () => expectGradcheck(fn, make()));

  describe('broadcasting', () => {
    const shapes: [number[], number[]][] = [
      [[4, 3], [3]],
      [[4, 3], [1, 3]],
      [[4, 3], [4, 1]],
      [[4, 1], [1, 3]],
      [[2, 3, 4], [3, 1]],
      [[3], [2, 3, 1]],
      [[4, 3], []],
    ];
    for (const [sa, sb] of shapes) {
      for (const op of ['add', 'sub', 'mul', 'div'] as const) {
        it(`${op} [${sa}] with [${sb}]`, () => {
          const b = op === 'div' ? positive(...sb) : normal(...sb);
          expectGradcheck((x, y) => x[op](y), [normal(...sa), b]);
          expectGradcheck((x, y) => y[op](x), [normal(...sa), b]);
        });
      }
    }
  });

  describe('reused nodes', () => {
    it('x used in several branches', () => {
      expectGradcheck((x) => x.mul(x).add(x.exp().mul(x)).add(x.tanh().mul(x.sigmoid())).mean(), [normal(5)]);
    });
    it('an intermediate used twice', () => {
      expectGradcheck((x, w) => {
        const h = x.matmul(w).tanh();
        return h.mul(h).add(h).sum();
      }, [normal(3, 4), normal(4, 2)]);
    });
    it('a diamond: a → (b, c) → d', () => {
      expectGradcheck((a) => {
        const b = a.exp();
        const c = a.pow(2);
        return b.mul(c).add(b.div(c.add(1))).sum();
      }, [normal(3, 3)]);
    });
  });

  describe('losses', () => {
    const labels = [0, 2, 1, 2];
    it('mse', () => expectGradcheck((x, y) => mse(x, y), [normal(4, 3), normal(4, 3)]));
    it('mse sum / none', () => expectGradcheck((x, y) => mse(x, y, { reduction: 'sum' }).add(mse(x, y, { reduction: 'none' }).pow(2).sum()), [normal(5), normal(5)]));
    it('binaryCrossEntropy', () => expectGradcheck((p) => binaryCrossEntropy(p, [0, 1, 1, 0, 0.3]), [probability(5)]));
    it('binaryCrossEntropyWithLogits', () => expectGradcheck((x, y) => binaryCrossEntropyWithLogits(x, y), [normal(6), probability(6)]));
    it('crossEntropy', () => expectGradcheck((z) => crossEntropy(z, labels), [normal(4, 3)]));
    it('crossEntropy with label smoothing, none', () => expectGradcheck((z) => crossEntropy(z, labels, { labelSmoothing: 0.2, reduction: 'none' }), [normal(4, 3)]));
    it('softmax and logSoftmax', () => expectGradcheck((z) => softmax(z).mul(logSoftmax(z)), [normal(4, 3)]));
  });
});

describeEachBackend('gradcheck itself', () => {
  it('catches a wrong backward step', () => {
    const badSquare = (a: Tensor): Tensor => {
      const out = Float64Array.from(a.data, (x) => x * x);
      return fromOp(out, a.shape.slice(), 'badSquare', [a], (g) => {
        const ga = gradOf(a);
        for (let i = 0; i < ga.length; i++) ga[i] += g[i] * a.data[i]; // should be 2x
      });
    };
    const result = gradcheck((x) => badSquare(x).sum(), [tensor([1, 2, 3])]);
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.index)).toEqual([0, 1, 2]);
    for (const f of result.failures) expect(f.numeric).toBeCloseTo(2 * f.analytic, 6);
    expect(result.maxRelError).toBeCloseTo(0.5, 6);
    expect(formatGradcheck(result)).toMatch(/FAILED at 3 element/);
  });
  it('leaves the inputs untouched', () => {
    const x = tensor([1, 2, 3]);
    gradcheck((a) => a.pow(2).sum(), [x]);
    expect(Array.from(x.data)).toEqual([1, 2, 3]);
    expect(x.grad).toBeNull();
  });
  it('rejects bad arguments with clear messages', () => {
    expect(() => gradcheck((a) => a.sum(), [])).toThrow(/inputs must be a non-empty array of Tensors, received \[\]/);
    expect(() => gradcheck((a) => a.sum(), [tensor(1)], { eps: -1 })).toThrow(/eps must be a finite number >= 0, received -1/);
    expect(() => gradcheck((a) => a.sum(), [tensor(1)], { step: 1 } as never)).toThrow(/unknown option "step"/);
    expect(() => gradcheck(() => tensor(1), [tensor(1)])).toThrow(/does not depend on any input/);
  });
});

describeEachBackend('the fused linear op', () => {
  beforeAll(() => {
    r = rng(1);
  });
  it('computes what matmul, add and relu compute, with the same gradients', () => {
    const X = normal(5, 3), W = normal(3, 4), b = normal(4);
    for (const activation of ['none', 'relu'] as const) {
      const fused = linear(X, W, b, activation);
      const plain = activation === 'relu' ? X.matmul(W).add(b).relu() : X.matmul(W).add(b);
      expect(Array.from(fused.data)).toEqual(Array.from(plain.data));
      expectGradcheck((x, w, c) => linear(x, w, c, activation).pow(2).sum(), [X, W, b]);
    }
    expectGradcheck((x, w) => linear(x, w).tanh().sum(), [X, W]);
  });
  it('rejects mismatched shapes naming both', () => {
    expect(() => linear(normal(2, 3), normal(4, 5))).toThrow(/^linear: expected x \[N, in\] and weight \[in, out\], received \[2, 3\] and \[4, 5\]$/);
    expect(() => linear(normal(2, 3), normal(3, 5), normal(4))).toThrow(/bias must be a Tensor of shape \[5\]/);
  });
});
