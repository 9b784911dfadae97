/**
 * Grader for exercises/minibatch.ts (chapter 04-minibatch). Oracles: properties that every correct
 * implementation has, whatever its shuffle (forward or backward Fisher–Yates): batch sizes, a
 * permutation, determinism given the rng, uniform permutation frequencies (a χ² test with fixed
 * seeds), and training trajectories that do not depend on the order of the examples (full
 * batches, or identical examples), computed here in closed form.
 */
import path from 'path';
import * as vitest from 'vitest';
import { checkClose, expectThat, fail, receive } from '../../kit/grade/expect';
import { CheckContext, defineGrader } from '../../kit/grade/grader';
import { arrayOf, formatInput, formatValue, num, numbers, optional, record, Schema, str } from '../../kit/grade/plain';

const observation = record({ rngCalls: num, mathRandomCalls: num, resultProblem: optional(str) });

async function observe<T>(t: CheckContext, driver: string, args: object, schema: Schema<T>, input: string, timeoutMs?: number): Promise<{ value: T; rngCalls: number; mathRandomCalls: number }> {
  const outcome = await t.drive(driver, args, { timeoutMs });
  const obs = receive(outcome, observation, { input });
  if (obs.resultProblem !== undefined) fail({ input, problem: obs.resultProblem });
  const value = receive({ ok: true, value: (outcome as { value: { result: unknown } }).value.result }, schema, { input });
  return { value, rngCalls: obs.rngCalls, mathRandomCalls: obs.mathRandomCalls };
}

const batchesInput = (n: number, batchSize: number): string => `miniBatches(${n}, ${batchSize}, rng)`;

async function getBatches(t: CheckContext, n: number, batchSize: number, seed: number) {
  return observe(t, 'batches', { n, batchSize, seed }, arrayOf(numbers()), batchesInput(n, batchSize));
}

function checkPermutation(input: string, batches: number[][], n: number): void {
  const all = ([] as number[]).concat(...batches);
  const seen = new Set(all);
  const valid = all.every((i) => Number.isInteger(i) && i >= 0 && i < n);
  if (all.length === n && seen.size === n && valid) return;
  let hint: string | undefined;
  if (!valid) hint = 'batches hold indices 0…n−1 (not the data, not 1…n)';
  else if (seen.size < all.length) hint = 'some indices appear twice: shuffle a list of 0…n−1 by swapping entries, do not draw indices with replacement';
  else if (all.length < n) hint = 'some indices are missing: is the last, smaller batch dropped?';
  fail({ input, expected: `every index 0…${n - 1} exactly once`, received: formatValue(batches), hint });
}

function checkSizes(input: string, batches: number[][], expected: number[]): void {
  const sizes = batches.map((b) => b.length);
  if (sizes.length === expected.length && sizes.every((s, i) => s === expected[i])) return;
  const dropped = sizes.length === expected.length - 1 && expected[expected.length - 1] < expected[0];
  fail({
    input,
    expected: `batch sizes ${formatValue(expected)}`,
    received: `batch sizes ${formatValue(sizes)}`,
    hint: dropped ? 'the last, smaller batch is missing: keep it' : undefined,
  });
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

/** χ² statistic of permutation counts against the uniform distribution. */
function chiSquare(counts: Map<string, number>, runs: number, categories: number): number {
  const expected = runs / categories;
  let chi = (categories - counts.size) * expected;
  for (const c of counts.values()) chi += ((c - expected) * (c - expected)) / expected;
  return chi;
}

// ---- training oracles --------------------------------------------------------------------------
const mseOf = (X: number[][], y: number[], w: number[], b: number): number =>
  X.reduce((s, row, i) => {
    const r = row.reduce((a, v, j) => a + v * w[j], b) - y[i];
    return s + r * r;
  }, 0) / X.length;

/** One gradient step on the rows `rows`, averaging over `divisor` (the batch's own size when correct). */
function step(X: number[][], y: number[], rows: number[], w: number[], b: number, lr: number, divisor = rows.length) {
  const dw = w.map(() => 0);
  let db = 0;
  for (const i of rows) {
    const r = X[i].reduce((a, v, j) => a + v * w[j], b) - y[i];
    X[i].forEach((v, j) => (dw[j] += (2 * r * v) / divisor));
    db += (2 * r) / divisor;
  }
  return { w: w.map((wj, j) => wj - lr * dw[j]), b: b - lr * db };
}

interface TrainArgs {
  X: number[][];
  y: number[];
  lr: number;
  epochs: number;
  batchSize: number;
  seed: number;
}
type Variant = 'correct' | 'drop-last' | 'divide-by-batch-size' | 'loss-before-epoch' | 'sum-not-mean';

/** Training when the order of the examples does not matter (identical rows, or one full batch). */
function trainOrderFree(a: TrainArgs, variant: Variant = 'correct') {
  const n = a.X.length;
  let w = a.X[0].map(() => 0);
  let b = 0;
  const losses: number[] = [];
  for (let e = 0; e < a.epochs; e++) {
    if (variant === 'loss-before-epoch') losses.push(mseOf(a.X, a.y, w, b));
    for (let start = 0; start < n; start += a.batchSize) {
      const rows = Array.from({ length: Math.min(a.batchSize, n - start) }, (_, k) => start + k);
      if (variant === 'drop-last' && rows.length < a.batchSize) continue;
      const divisor = variant === 'divide-by-batch-size' ? a.batchSize : variant === 'sum-not-mean' ? 1 : rows.length;
      ({ w, b } = step(a.X, a.y, rows, w, b, a.lr, divisor));
    }
    if (variant !== 'loss-before-epoch') losses.push(mseOf(a.X, a.y, w, b));
  }
  return { w, b, losses };
}

const trainInput = (a: TrainArgs): string =>
  `trainLinearRegression(X = ${formatInput(a.X)}, y = ${formatInput(a.y)}, { lr: ${a.lr}, epochs: ${a.epochs}, batchSize: ${a.batchSize}, rng })`;

async function getTrained(t: CheckContext, a: TrainArgs) {
  const d = a.X[0].length;
  return observe(t, 'train', a, record({ w: numbers(d), b: num, losses: numbers() }), trainInput(a), 5000);
}

function checkTraining(a: TrainArgs, got: { w: number[]; b: number; losses: number[] }): void {
  const input = trainInput(a);
  const expected = trainOrderFree(a);
  const stepsPerEpoch = Math.ceil(a.X.length / a.batchSize);
  if (got.losses.length !== a.epochs) {
    fail({
      input,
      expected: `losses with one entry per epoch (${a.epochs})`,
      received: `${got.losses.length} losses`,
      hint:
        got.losses.length === a.epochs * stepsPerEpoch && stepsPerEpoch > 1
          ? 'one loss per batch was recorded: record the full-data MSE once, after each epoch'
          : got.losses.length === a.epochs + 1
            ? 'the loss before training is not part of losses: record one loss after each epoch'
            : undefined,
    });
  }
  const variants: Array<[Variant, string]> = [
    ['drop-last', 'the last, smaller batch was skipped: train on it too'],
    ['divide-by-batch-size', 'the last batch was averaged over batchSize instead of its own length'],
    ['loss-before-epoch', 'losses[e] must be measured after epoch e’s updates, not before'],
    ['sum-not-mean', 'the batch gradient must be averaged over the batch (the MSE is a mean)'],
  ];
  const hints = (pick: (r: ReturnType<typeof trainOrderFree>) => number | number[]) =>
    variants.map(([v, h]) => [pick(trainOrderFree(a, v)), h] as const);
  checkClose(got.w, expected.w, { input: `${input}.w`, hints: hints((r) => r.w) });
  checkClose(got.b, expected.b, { input: `${input}.b`, hints: hints((r) => r.b) });
  checkClose(got.losses, expected.losses, { input: `${input}.losses`, hints: hints((r) => r.losses) });
}

/** Deterministic pseudo-random data (trusted side), for the convergence and rng checks. */
function dataset(n: number, noise: number) {
  let s = 12345;
  const rand = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const wTrue = [1.5, -2, 0.5];
  const bTrue = 0.7;
  const X = Array.from({ length: n }, () => wTrue.map(() => 2 * rand() - 1));
  const y = X.map((row) => row.reduce((a, v, j) => a + v * wTrue[j], bTrue) + noise * (2 * rand() - 1));
  return { X, y, wTrue, bTrue };
}

export default defineGrader(
  vitest,
  { exercise: 'minibatch', chapter: '04-minibatch', drivers: path.join(__dirname, 'drivers', 'minibatch.ts') },
  ({ graded }) => {
    graded('miniBatches(10, 3) gives batches of 3, 3, 3, 1 covering 0…9', 3, async (t) => {
      const { value } = await getBatches(t, 10, 3, 1);
      checkSizes(batchesInput(10, 3), value, [3, 3, 3, 1]);
      checkPermutation(batchesInput(10, 3), value, 10);
    });

    graded('miniBatches edge cases (batchSize 1, = n, > n, dividing n)', 1, async (t) => {
      const cases: Array<[number, number, number[]]> = [[4, 1, [1, 1, 1, 1]], [7, 7, [7]], [5, 8, [5]], [12, 4, [4, 4, 4]]];
      for (const [n, bs, sizes] of cases) {
        const { value } = await getBatches(t, n, bs, 7);
        checkSizes(batchesInput(n, bs), value, sizes);
        checkPermutation(batchesInput(n, bs), value, n);
      }
    });

    graded('miniBatches draws its randomness from rng only', 2, async (t) => {
      const input = batchesInput(20, 5);
      const a = await getBatches(t, 20, 5, 42);
      const again = await getBatches(t, 20, 5, 42);
      expectThat(a.mathRandomCalls === 0, { input, problem: `Math.random was called ${a.mathRandomCalls} times`, hint: 'take every random number from rng() so that a seeded rng gives the same batches' });
      expectThat(a.rngCalls > 0, { input, problem: 'rng was never called', hint: 'shuffle the indices with rng() before cutting them into batches' });
      checkClose(again.value, a.value, { input: `${input}, twice with the same seed`, expectedText: `the same batches as the first call: ${formatValue(a.value)}` });
      const others = await Promise.all([43, 44, 45].map((seed) => getBatches(t, 20, 5, seed)));
      const keys = new Set([a, ...others].map((o) => JSON.stringify(o.value)));
      expectThat(keys.size >= 3, { input: `${input} with 4 different seeds`, problem: `only ${keys.size} different results`, hint: 'the order must depend on the numbers rng() returns' });
    });

    graded('miniBatches shuffles uniformly (every order equally likely)', 3, async (t) => {
      for (const [n, runs, limit, seed] of [[3, 12000, 40, 2024], [4, 12000, 75, 7]]) {
        const input = `${runs} × miniBatches(${n}, ${n}, rng) with a seeded rng`;
        const out = receive(await t.drive('shuffles', { n, runs, seed }, { timeoutMs: 15000 }), record({ orders: arrayOf(numbers(n)) }), { input });
        const raw = out as { orders: number[][]; badRun?: unknown; badResult?: unknown };
        if (typeof raw.badRun === 'number') {
          fail({ input, expected: 'an array of batches on every call', received: `run ${raw.badRun} returned ${formatValue(raw.badResult)}` });
        }
        const counts = new Map<string, number>();
        for (const order of raw.orders) {
          const sorted = order.slice().sort((x, y) => x - y);
          if (!sorted.every((v, i) => v === i)) fail({ input, expected: `a permutation of 0…${n - 1}`, received: formatValue(order) });
          const key = order.join('');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const m = factorial(n);
        const chi = chiSquare(counts, runs, m);
        if (chi > limit) {
          const table = [...counts.entries()].sort().map(([k, c]) => `${k}: ${c}`).join(', ');
          fail({
            input,
            expected: `each of the ${m} orders about ${runs / m} times (χ² ≤ ${limit})`,
            received: `${table}${counts.size < m ? ` (only ${counts.size} of ${m} orders ever appear)` : ''} (χ² = ${chi.toFixed(1)})`,
            hint:
              counts.size === 1
                ? 'the indices are never shuffled'
                : counts.size < m
                  ? 'some orders never appear: in Fisher–Yates, j ranges over 0…i including i itself'
                  : 'not uniform: a swap with j drawn from the whole range 0…n−1 at every step favours some orders; draw j from 0…i (Fisher–Yates)',
          });
        }
      }
    });

    graded('trainLinearRegression with one full batch per epoch', 2, async (t) => {
      const X = [[1, 0.5], [-1, 2], [0.3, -0.7], [2, 1], [-0.5, -1.5], [1.2, 0.1]];
      const y = [1, 2, -1, 3, 0.5, 1.5];
      for (const batchSize of [6, 100]) {
        const a: TrainArgs = { X, y, lr: 0.05, epochs: 4, batchSize, seed: 3 };
        checkTraining(a, (await getTrained(t, a)).value);
      }
    });

    graded('trainLinearRegression with batches of 4, 4, 2 (every batch, its own mean, one loss per epoch)', 3, async (t) => {
      const a: TrainArgs = { X: Array.from({ length: 10 }, () => [1, 2]), y: new Array(10).fill(3), lr: 0.02, epochs: 3, batchSize: 4, seed: 5 };
      checkTraining(a, (await getTrained(t, a)).value);
    });

    graded('trainLinearRegression converges to the exact fit', 2, async (t) => {
      const { X, y, wTrue, bTrue } = dataset(40, 0);
      const a: TrainArgs = { X, y, lr: 0.05, epochs: 150, batchSize: 5, seed: 11 };
      const input = `trainLinearRegression(40 noise-free examples of y = ${formatInput(wTrue)}·x + ${bTrue}, { lr: 0.05, epochs: 150, batchSize: 5, rng })`;
      const got = (await getTrained(t, a)).value;
      expectThat(got.losses.length === a.epochs, { input, expected: `${a.epochs} losses (one per epoch)`, received: `${got.losses.length} losses` });
      checkClose(got.w, wTrue, { input: `${input}.w`, tol: { rel: 1e-6, abs: 1e-6 } });
      checkClose(got.b, bTrue, { input: `${input}.b`, tol: { rel: 1e-6, abs: 1e-6 } });
      expectThat(got.losses[0] > got.losses[got.losses.length - 1] && got.losses[got.losses.length - 1] < 1e-10, {
        input: `${input}.losses`,
        expected: 'decreasing towards 0',
        received: formatValue(got.losses),
      });
    });

    graded('trainLinearRegression reshuffles with rng (reproducible, seed-dependent)', 1, async (t) => {
      const { X, y } = dataset(20, 0.5);
      const a: TrainArgs = { X, y, lr: 0.1, epochs: 2, batchSize: 3, seed: 1 };
      const input = trainInput(a);
      const first = await getTrained(t, a);
      const again = await getTrained(t, a);
      const other = await getTrained(t, { ...a, seed: 2 });
      expectThat(first.mathRandomCalls === 0, { input, problem: `Math.random was called ${first.mathRandomCalls} times`, hint: 'take every random number from options.rng' });
      checkClose(again.value.w, first.value.w, { input: `${input}, run twice with the same seed: w`, expectedText: `the same w both times: ${formatValue(first.value.w)}` });
      const same = other.value.w.every((v, j) => v === first.value.w[j]) && other.value.b === first.value.b;
      expectThat(!same, { input: `${input} with seeds 1 and 2`, problem: 'exactly the same result for different seeds', hint: 'draw new shuffled batches every epoch with miniBatches(n, batchSize, rng)' });
      const oneEpoch = await getTrained(t, { ...a, epochs: 1 });
      expectThat(first.rngCalls > oneEpoch.rngCalls, {
        input: `${input}, with epochs: 1 and epochs: 2`,
        problem: `rng was called ${oneEpoch.rngCalls} times for 1 epoch and ${first.rngCalls} times for 2 epochs`,
        hint: 'reshuffle at the start of every epoch (call miniBatches inside the epoch loop)',
      });
    });
  },
);
