/** Hidden grader for mse.ts: randomized cases (seeded by t.seed), checked against the closed forms. */
import { defineGrader, expectClose, formatCall, random } from '../../../kit/grade/api';
import messages from './messages';

function cases(seed: number) {
  const r = random(seed);
  return Array.from({ length: 20 }, (_, k) => {
    const n = r.int(1, 40);
    const scale = k % 5 === 4 ? 1e6 : 10;
    return { yHat: r.vector(n, -scale, scale), y: r.vector(n, -scale, scale) };
  });
}

export default defineGrader(messages, ({ graded }, m) => {
  graded(m.mse, 2, async (t) => {
    for (const { yHat, y } of cases(t.seed)) {
      const sq = yHat.map((p, i) => (p - y[i]) ** 2);
      const sum = sq.reduce((a, b) => a + b, 0);
      expectClose(await t.call('mse', [yHat, y]), sum / y.length, {
        input: formatCall('mse', [yHat, y]),
        hints: y.length > 1 ? [[sum, m.sum]] : [],
      });
    }
  });

  graded(m.gradient, 2, async (t) => {
    for (const { yHat, y } of cases(t.seed + 1)) {
      const n = y.length;
      expectClose(await t.call('mseGradient', [yHat, y]), yHat.map((p, i) => (2 * (p - y[i])) / n), {
        input: formatCall('mseGradient', [yHat, y]),
      });
    }
  });
});
