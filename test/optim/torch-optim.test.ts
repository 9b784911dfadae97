/**
 * Replays every `optim` case of test/fixtures/torch-cases.json (PyTorch 1.13, float64) through
 * the public Tensor API, as test/fixtures/README.md describes: each step zeroGrad, backward, step;
 * at every checkpoint the parameters equal PyTorch's within 1e-7 relative.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { Tensor, tensor } from '../../src/tensor';
import { Adagrad, Adam, AdamW, Optimizer, RMSprop, SGD } from '../../src/optim';
import { flat, torchCases } from '../fixtures/torch-cases';
import type { OptimCase } from '../fixtures/torch-cases';

const OPTIMIZERS: Record<string, new (params: Tensor[], options: never) => Optimizer> = {
  SGD,
  Adagrad,
  RMSprop,
  Adam,
  AdamW,
};

/** The problem's parameters and loss, built exactly as the reference README says. */
function problem(c: OptimCase): { params: Tensor[]; loss: () => Tensor } {
  if (c.problem === 'quadratic') {
    const x = tensor(c.x0, { requiresGrad: true });
    const a = tensor(c.a as number[]);
    const cc = tensor(c.c as number[]);
    return { params: [x], loss: () => x.mul(x).mul(a).mul(0.5).sum().add(x.mul(cc).sum()) };
  }
  const [x0, y0] = c.x0 as number[];
  const x = tensor(x0, { requiresGrad: true });
  const y = tensor(y0, { requiresGrad: true });
  // (1 − x)² + 100 (y − x²)²
  return { params: [x, y], loss: () => x.neg().add(1).pow(2).add(y.sub(x.pow(2)).pow(2).mul(100)) };
}

/** The largest |actual − expected| / |expected| over the entries. */
function worstRelative(actual: number[], expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  actual.forEach((a, i) => {
    const e = expected[i];
    const rel = Math.abs(a - e) / Math.abs(e);
    worst = Math.max(worst, Number.isNaN(rel) ? Infinity : rel);
  });
  return worst;
}

describeEachBackend('optimizers match PyTorch 1.13 (float64) on the reference problems', () => {
  it('has reference cases for every optimizer', () => {
    const names = new Set(torchCases.optim.map((c) => c.optimizer));
    expect([...names].sort()).toEqual(Object.keys(OPTIMIZERS).sort());
  });

  torchCases.optim.forEach((c, k) => {
    it(`#${k} ${c.optimizer} ${JSON.stringify(c.options)} on ${c.problem}`, () => {
      const { params, loss } = problem(c);
      const optimizer = new OPTIMIZERS[c.optimizer](params, c.options as never);
      const checkpoints = Object.keys(c.checkpoints).map(Number);
      expect(checkpoints.length).toBeGreaterThan(0);
      expect(Math.max(...checkpoints)).toBe(c.steps);
      for (let step = 1; step <= c.steps; step++) {
        optimizer.zeroGrad();
        loss().backward();
        optimizer.step();
        const expected = c.checkpoints[String(step)];
        if (expected === undefined) continue;
        const actual = params.flatMap((p) => Array.from(p.data));
        const worst = worstRelative(actual, flat(expected));
        if (worst > 1e-7) {
          throw new Error(`step ${step}: relative error ${worst} > 1e-7\n  got  ${actual}\n  want ${flat(expected)}`);
        }
      }
      // one state per parameter, each with its own step count
      expect(params.map((p) => optimizer.state.get(p)?.step)).toEqual(params.map(() => c.steps));
    });
  });
});
