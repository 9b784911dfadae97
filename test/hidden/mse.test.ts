/** Hidden grader for mse.ts: randomized cases (seeded by t.seed), checked against the closed forms. */
import * as vitest from 'vitest';
import { expectClose } from '../../kit/grade/expect';
import { defineGrader } from '../../kit/grade/grader';
import { formatCall } from '../../kit/grade/plain';
import { random } from '../graders/oracles/random';

function cases(seed: number) {
  const r = random(seed);
  return Array.from({ length: 20 }, (_, k) => {
    const n = r.int(1, 40);
    const scale = k % 5 === 4 ? 1e6 : 10;
    return { yTrue: r.vector(n, -scale, scale), yPred: r.vector(n, -scale, scale) };
  });
}

export default defineGrader(vitest, { exercise: 'mse', chapter: '01-mse' }, ({ graded }) => {
  graded('randomized: mse on 20 random cases', 2, async (t) => {
    for (const { yTrue, yPred } of cases(t.seed)) {
      const sq = yPred.map((p, i) => (p - yTrue[i]) ** 2);
      const sum = sq.reduce((a, b) => a + b, 0);
      expectClose(await t.call('mse', [yTrue, yPred]), sum / yTrue.length, {
        input: formatCall('mse', [yTrue, yPred]),
        hints: yTrue.length > 1 ? [[sum, 'looks like the sum, not the mean']] : [],
      });
    }
  });

  graded('randomized: mseGradient on 20 random cases', 2, async (t) => {
    for (const { yTrue, yPred } of cases(t.seed + 1)) {
      const n = yTrue.length;
      expectClose(await t.call('mseGradient', [yTrue, yPred]), yPred.map((p, i) => (2 * (p - yTrue[i])) / n), {
        input: formatCall('mseGradient', [yTrue, yPred]),
      });
    }
  });
});
