/**
 * Grader for exercises/mse.ts (chapter 01-mse): mse(yHat, y) = (1/n) Σ (ŷᵢ − yᵢ)² and
 * mseGradient(yHat, y) = 2(ŷ − y)/n, predictions first as in PyTorch. Expected values are
 * written here for small examples and come from PyTorch (F.mse_loss and autograd) in
 * cases.json for the others.
 */
import { defineGrader, exactly, expectClose, formatCall } from '../../kit/grade/api';
import fixture from './cases.json';
import messages from './messages';

const call = (fn: string, ...args: unknown[]): string => formatCall(fn, args);
const torchCases = () => exactly(fixture.cases, 5, 'PyTorch mse cases');

export default defineGrader(messages, ({ graded }, { checks, hints }) => {
  const SUM_HINT = hints.sum;
  const SWAPPED = hints.swapped;
  graded(checks.mean, 2, async (t) => {
    const yHat = [1, 2, 5];
    const y = [1, 2, 3];
    expectClose(await t.call('mse', [yHat, y]), 4 / 3, {
      input: call('mse', yHat, y),
      hints: [
        [4, SUM_HINT],
        [2 / 3, hints.abs],
        [Math.sqrt(4 / 3), hints.rmse],
        [2, hints.nMinus1],
      ],
    });
    expectClose(await t.call('mse', [[0.5, -1], [1.5, 1]]), 2.5, {
      input: call('mse', [0.5, -1], [1.5, 1]),
      hints: [
        [5, SUM_HINT],
        [1.5, hints.abs],
      ],
    });
  });

  graded(checks.signs, 1, async (t) => {
    const yHat = [-1, 3, -2, 0];
    const y = [0, 0, 0, 0];
    expectClose(await t.call('mse', [yHat, y]), 3.5, {
      input: call('mse', yHat, y),
      hints: [
        [14, SUM_HINT],
        [1.5, hints.abs],
        [0, hints.cancelled],
      ],
    });
    expectClose(await t.call('mse', [[5], [2]]), 9, { input: call('mse', [5], [2]) });
  });

  graded(checks.torch, 2, async (t) => {
    for (const c of torchCases()) {
      expectClose(await t.call('mse', [c.yHat, c.y]), c.mse, {
        input: call('mse', c.yHat, c.y),
        hints: c.y.length > 1 ? [[c.mse * c.y.length, SUM_HINT]] : [],
      });
    }
  });

  graded(checks.gradient, 2, async (t) => {
    const yHat = [1, 2, 5];
    const y = [1, 2, 3];
    expectClose(await t.call('mseGradient', [yHat, y]), [0, 0, 4 / 3], {
      input: call('mseGradient', yHat, y),
      hints: [
        [[0, 0, 4], hints.gradientMean],
        [[0, 0, 2 / 3], hints.factor2],
        [[0, 0, 2], hints.both],
        [[0, 0, -4 / 3], SWAPPED],
      ],
    });
    expectClose(await t.call('mseGradient', [[0.5, -1], [1.5, 1]]), [-1, -2], {
      input: call('mseGradient', [0.5, -1], [1.5, 1]),
      hints: [
        [[-2, -4], hints.gradientMean],
        [[-0.5, -1], hints.factor2],
        [[1, 2], SWAPPED],
      ],
    });
  });

  graded(checks.gradientTorch, 2, async (t) => {
    for (const c of torchCases()) {
      const n = c.y.length;
      expectClose(await t.call('mseGradient', [c.yHat, c.y]), c.gradient, {
        input: call('mseGradient', c.yHat, c.y),
        hints: [
          ...(n > 1 ? [[c.gradient.map((g) => g * n), hints.gradientN] as const] : []),
          [c.gradient.map((g) => g / 2), hints.factor2],
          [c.gradient.map((g) => -g), SWAPPED],
        ],
      });
    }
  });
});
