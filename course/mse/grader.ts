/**
 * Grader for exercises/mse.ts (chapter 01-mse): mse(yHat, y) = (1/n) Σ (ŷᵢ − yᵢ)² and
 * mseGradient(yHat, y) = 2(ŷ − y)/n, predictions first as in PyTorch. Expected values are
 * written here for small examples and come from PyTorch (F.mse_loss and autograd) in
 * cases.json for the others.
 */
import { defineGrader, exactly, expectClose, formatCall } from '../../kit/grade/api';
import fixture from './cases.json';

const call = (fn: string, ...args: unknown[]): string => formatCall(fn, args);
const torchCases = () => exactly(fixture.cases, 5, 'PyTorch mse cases');

const SUM_HINT = 'looks like the sum, not the mean: did you forget to divide by n?';
const SWAPPED = 'the sign is flipped: the gradient is 2(ŷ − y)/n — is the order mseGradient(yHat, y), prediction first?';

export default defineGrader(({ graded }) => {
  graded('mse is the mean of the squared errors', 2, async (t) => {
    const yHat = [1, 2, 5];
    const y = [1, 2, 3];
    expectClose(await t.call('mse', [yHat, y]), 4 / 3, {
      input: call('mse', yHat, y),
      hints: [
        [4, SUM_HINT],
        [2 / 3, 'looks like the mean of |error|: square each error instead'],
        [Math.sqrt(4 / 3), 'that is the root of the MSE (RMSE): leave out the square root'],
        [2, 'looks like the sum divided by (n − 1): the mean divides by n'],
      ],
    });
    expectClose(await t.call('mse', [[0.5, -1], [1.5, 1]]), 2.5, {
      input: call('mse', [0.5, -1], [1.5, 1]),
      hints: [
        [5, SUM_HINT],
        [1.5, 'looks like the mean of |error|: square each error instead'],
      ],
    });
  });

  graded('mse squares errors of both signs', 1, async (t) => {
    const yHat = [-1, 3, -2, 0];
    const y = [0, 0, 0, 0];
    expectClose(await t.call('mse', [yHat, y]), 3.5, {
      input: call('mse', yHat, y),
      hints: [
        [14, SUM_HINT],
        [1.5, 'looks like the mean of |error|: square each error instead'],
        [0, 'the errors cancelled out: square each error before averaging'],
      ],
    });
    expectClose(await t.call('mse', [[5], [2]]), 9, { input: call('mse', [5], [2]) });
  });

  graded('mse matches PyTorch (F.mse_loss, reduction "mean")', 2, async (t) => {
    for (const c of torchCases()) {
      expectClose(await t.call('mse', [c.yHat, c.y]), c.mse, {
        input: call('mse', c.yHat, c.y),
        hints: c.y.length > 1 ? [[c.mse * c.y.length, SUM_HINT]] : [],
      });
    }
  });

  graded('mseGradient is 2(ŷ − y)/n', 2, async (t) => {
    const yHat = [1, 2, 5];
    const y = [1, 2, 3];
    expectClose(await t.call('mseGradient', [yHat, y]), [0, 0, 4 / 3], {
      input: call('mseGradient', yHat, y),
      hints: [
        [[0, 0, 4], 'did you forget to divide by n? The MSE is a mean, so is its gradient'],
        [[0, 0, 2 / 3], 'the factor 2 from differentiating the square is missing'],
        [[0, 0, 2], 'both the factor 2 and the 1/n are missing'],
        [[0, 0, -4 / 3], SWAPPED],
      ],
    });
    expectClose(await t.call('mseGradient', [[0.5, -1], [1.5, 1]]), [-1, -2], {
      input: call('mseGradient', [0.5, -1], [1.5, 1]),
      hints: [
        [[-2, -4], 'did you forget to divide by n? The MSE is a mean, so is its gradient'],
        [[-0.5, -1], 'the factor 2 from differentiating the square is missing'],
        [[1, 2], SWAPPED],
      ],
    });
  });

  graded('mseGradient matches PyTorch’s autograd', 2, async (t) => {
    for (const c of torchCases()) {
      const n = c.y.length;
      expectClose(await t.call('mseGradient', [c.yHat, c.y]), c.gradient, {
        input: call('mseGradient', c.yHat, c.y),
        hints: [
          ...(n > 1 ? [[c.gradient.map((g) => g * n), 'did you forget to divide by n?'] as const] : []),
          [c.gradient.map((g) => g / 2), 'the factor 2 from differentiating the square is missing'],
          [c.gradient.map((g) => -g), SWAPPED],
        ],
      });
    }
  });
});
