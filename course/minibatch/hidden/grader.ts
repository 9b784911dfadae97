/** Hidden grader for minibatch.ts: random sizes and full-batch training runs (seeded by t.seed). */
import { arrayOf, checkClose, defineGrader, expectThat, formatInput, formatValue, num, numbers, random, receive, record } from '../../../kit/grade/api';
import messages from './messages';
import { checkSeededShuffle } from '../seeded-shuffle';


export default defineGrader(messages, ({ graded }, m) => {
  graded(m.batches, 2, async (t) => {
    const r = random(t.seed);
    for (let k = 0; k < 15; k++) {
      const n = r.int(1, 40);
      const batchSize = r.int(1, n + 3);
      const input = `miniBatches(${n}, ${batchSize}, rng)`;
      const got = receive(await t.drive('batches', { n, batchSize, seed: r.int(1, 1e6) }), record({ result: arrayOf(numbers()) }), { input }).result;
      const sizes = got.map((b) => b.length);
      const expected = Array.from({ length: Math.ceil(n / batchSize) }, (_, i) => Math.min(batchSize, n - i * batchSize));
      checkClose(sizes, expected, { input: `${input}: ${m.sizes}` });
      const all = ([] as number[]).concat(...got).sort((a, b) => a - b);
      expectThat(all.every((v, i) => v === i), { input, expected: m.everyIndex(n - 1), received: formatValue(got) });
    }
    const seed = r.int(1, 1e6);
    await checkSeededShuffle(t, seed, seed + 1, m.shuffle);
  });

  graded(m.training, 2, async (t) => {
    const r = random(t.seed + 1);
    for (let k = 0; k < 5; k++) {
      const n = r.int(2, 15);
      const d = r.int(1, 4);
      const X = Array.from({ length: n }, () => r.vector(d, -1, 1));
      const y = r.vector(n, -2, 2);
      const lr = r.uniform(0.01, 0.1);
      const epochs = r.int(1, 6);
      const batchSize = n + r.int(0, 3);
      const input = `trainLinearRegression(X = ${formatInput(X)}, y = ${formatInput(y)}, { lr: ${lr}, epochs: ${epochs}, batchSize: ${batchSize}, rng })`;
      const got = receive(
        await t.drive('train', { X, y, lr, epochs, batchSize, seed: 9 }, { timeoutMs: 5000 }),
        record({ result: record({ w: numbers(d), b: num, losses: numbers(epochs) }) }),
        { input },
      ).result;
      let w = new Array(d).fill(0) as number[];
      let b = 0;
      const losses: number[] = [];
      for (let e = 0; e < epochs; e++) {
        const res = X.map((row, i) => row.reduce((s, v, j) => s + v * w[j], b) - y[i]);
        w = w.map((wj, j) => wj - lr * (2 / n) * res.reduce((s, ri, i) => s + ri * X[i][j], 0));
        b -= lr * (2 / n) * res.reduce((s, ri) => s + ri, 0);
        losses.push(X.reduce((s, row, i) => s + (row.reduce((a, v, j) => a + v * w[j], b) - y[i]) ** 2, 0) / n);
      }
      checkClose(got.w, w, { input: `${input}.w` });
      checkClose(got.b, b, { input: `${input}.b` });
      checkClose(got.losses, losses, { input: `${input}.losses` });
    }
  });
});
