/** Hidden grader for cross-entropy.ts: randomized cases (seeded by t.seed) against closed forms. */
import { defineGrader, expectClose, formatCall, random } from '../../../kit/grade/api';
import messages from './messages';

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const logSumExp = (z: number[]): number => {
  const top = Math.max(...z);
  return top + Math.log(z.reduce((s, v) => s + Math.exp(v - top), 0));
};
const softmax = (z: number[]): number[] => {
  const l = logSumExp(z);
  return z.map((v) => Math.exp(v - l));
};

function logits(seed: number) {
  const r = random(seed);
  return Array.from({ length: 8 }, () => {
    const N = r.int(1, 6);
    const C = r.int(2, 7);
    const scale = r.pick([1, 10, 1000]);
    const z = Array.from({ length: N }, () => r.vector(C, -scale, scale));
    return { z, labels: z.map(() => r.int(0, C - 1)) };
  });
}

export default defineGrader(messages, ({ graded }, m) => {
  graded(m.sigmoid, 1, async (t) => {
    const r = random(t.seed);
    const zs = [...r.vector(10, -50, 50), ...r.vector(5, 100, 1e5), ...r.vector(5, -1e5, -100)];
    for (const z of zs) expectClose(await t.call('sigmoid', [z]), sigmoid(z), { input: formatCall('sigmoid', [z]) });
  });

  graded(m.bce, 2, async (t) => {
    const r = random(t.seed + 1);
    for (let k = 0; k < 10; k++) {
      const n = r.int(1, 12);
      const y = Array.from({ length: n }, () => r.pick([0, 1, r.uniform(0, 1)]));
      const p = Array.from({ length: n }, () => r.pick([0, 1, r.uniform(0.001, 0.999), r.uniform(0.001, 0.999)]));
      const terms = y.map((yi, i) => -(yi * Math.max(Math.log(p[i]), -100) + (1 - yi) * Math.max(Math.log(1 - p[i]), -100)));
      expectClose(await t.call('binaryCrossEntropy', [p, y]), terms.reduce((a, b) => a + b, 0) / n, {
        input: formatCall('binaryCrossEntropy', [p, y]),
        tol: { rel: 1e-9, abs: 1e-9 },
      });
    }
  });

  graded(m.ce, 2, async (t) => {
    for (const { z, labels } of logits(t.seed + 2)) {
      for (const row of z) expectClose(await t.call('softmax', [row]), softmax(row), { input: formatCall('softmax', [row]) });
      const loss = z.reduce((s, row, n) => s + logSumExp(row) - row[labels[n]], 0) / z.length;
      expectClose(await t.call('crossEntropy', [z, labels]), loss, { input: formatCall('crossEntropy', [z, labels]) });
    }
  });

  graded(m.gradient, 1, async (t) => {
    for (const { z, labels } of logits(t.seed + 3)) {
      const expected = z.map((row, n) => softmax(row).map((p, k) => (p - (k === labels[n] ? 1 : 0)) / z.length));
      expectClose(await t.call('crossEntropyGradient', [z, labels]), expected, { input: formatCall('crossEntropyGradient', [z, labels]) });
    }
  });
});
