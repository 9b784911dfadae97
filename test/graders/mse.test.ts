/**
 * Grader for exercises/mse.ts (chapter 01-mse). Oracles: the closed forms
 * MSE = (1/n) Σ (ŷᵢ − yᵢ)² and ∂MSE/∂ŷᵢ = 2(ŷᵢ − yᵢ)/n, and PyTorch's values in
 * test/fixtures/torch-cases.json.
 */
import * as vitest from 'vitest';
import { expectClose } from '../../kit/grade/expect';
import { defineGrader } from '../../kit/grade/grader';
import { formatCall } from '../../kit/grade/plain';
import torch from '../fixtures/torch-cases.json';

const call = (fn: string, ...args: unknown[]): string => formatCall(fn, args);

function flat(x: unknown): number[] {
  return Array.isArray(x) ? (x as unknown[]).flatMap(flat) : [x as number];
}

const SUM_HINT = 'looks like the sum, not the mean: did you forget to divide by n?';

export default defineGrader(vitest, { exercise: 'mse', chapter: '01-mse' }, ({ graded }) => {
  graded('mse is the mean of the squared errors', 2, async (t) => {
    const yTrue = [1, 2, 3];
    const yPred = [1, 2, 5];
    expectClose(await t.call('mse', [yTrue, yPred]), 4 / 3, {
      input: call('mse', yTrue, yPred),
      hints: [
        [4, SUM_HINT],
        [2 / 3, 'looks like the mean of |error|: square each error instead'],
        [Math.sqrt(4 / 3), 'that is the root of the MSE (RMSE): leave out the square root'],
        [2, 'looks like the sum divided by (n − 1): the mean divides by n'],
      ],
    });
  });

  graded('mse squares errors of both signs', 1, async (t) => {
    const yTrue = [0, 0, 0, 0];
    const yPred = [-1, 3, -2, 0];
    expectClose(await t.call('mse', [yTrue, yPred]), 3.5, {
      input: call('mse', yTrue, yPred),
      hints: [
        [14, SUM_HINT],
        [1.5, 'looks like the mean of |error|: square each error instead'],
        [0, 'the errors cancelled out: square each error before averaging'],
        [0.0, 'the errors cancelled out: square each error before averaging'],
      ],
    });
    expectClose(await t.call('mse', [[2], [5]]), 9, { input: call('mse', [2], [5]) });
  });

  graded('mse matches PyTorch (reduction "mean")', 2, async (t) => {
    for (const c of torch.losses) {
      if (c.fn !== 'mse' || c.reduction !== 'mean') continue;
      const yPred = flat(c.input);
      const yTrue = flat(c.target);
      expectClose(await t.call('mse', [yTrue, yPred]), c.out as number, {
        input: call('mse', yTrue, yPred),
        hints: [[(c.out as number) * yTrue.length, SUM_HINT]],
      });
    }
  });

  graded('mseGradient is 2(ŷ − y)/n', 2, async (t) => {
    const yTrue = [1, 2, 3];
    const yPred = [1, 2, 5];
    expectClose(await t.call('mseGradient', [yTrue, yPred]), [0, 0, 4 / 3], {
      input: call('mseGradient', yTrue, yPred),
      hints: [
        [[0, 0, 4], 'did you forget to divide by n? The MSE is a mean, so is its gradient'],
        [[0, 0, 2 / 3], 'the factor 2 from differentiating the square is missing'],
        [[0, 0, 2], 'both the factor 2 and the 1/n are missing'],
        [[0, 0, -4 / 3], 'the sign is flipped: differentiate with respect to ŷ, which gives 2(ŷ − y)/n'],
      ],
    });
  });

  graded('mseGradient is the derivative of mse on random data', 2, async (t) => {
    const first = torch.losses.find((c) => c.fn === 'mse' && c.reduction === 'mean')!;
    const yPred = flat(first.input);
    const yTrue = flat(first.target);
    const n = yTrue.length;
    const expected = yPred.map((p, i) => (2 * (p - yTrue[i])) / n);
    expectClose(await t.call('mseGradient', [yTrue, yPred]), expected, {
      input: call('mseGradient', yTrue, yPred),
      hints: [
        [expected.map((g) => g * n), 'did you forget to divide by n?'],
        [expected.map((g) => g / 2), 'the factor 2 from differentiating the square is missing'],
        [expected.map((g) => -g), 'the sign is flipped: the gradient is 2(ŷ − y)/n'],
      ],
    });
  });
});
