/**
 * Grader for exercises/minibatch.ts (chapter 04-minibatch). miniBatches must be a seeded random
 * permutation cut into batches (seeded-shuffle.ts: reproducible, seed-dependent, never a fixed
 * order or a rotation) whose orders are uniform (a χ² test with fixed seeds); every check of
 * miniBatches requires the shuffle, so batching without shuffling earns nothing. Training is
 * compared with PyTorch where the order of the examples cannot matter (one full batch, or
 * identical rows: cases.json), must reach the exact fit on noise-free
 * data, and must learn with reshuffled batches on noisy data.
 */
import { arrayOf, checkClose, CheckContext, defineGrader, exactly, expectThat, fail, formatInput, formatValue, num, numbers, optional, receive, record, Schema, str } from '../../kit/grade/api';
import messages, { type MinibatchMessages as M } from './messages';
import fixture from './cases.json';
import { checkSeededShuffle, chiSquare, shuffleRuns } from './seeded-shuffle';

const observation = record({ rngCalls: num, mathRandomCalls: num, resultProblem: optional(str) });

// ---- training ----------------------------------------------------------------------------------
interface Trained {
  w: number[];
  b: number;
  losses: number[];
}
interface TrainCase {
  X: number[][];
  y: number[];
  lr: number;
  epochs: number;
  batchSize: number;
  expected: Trained;
  mistakes: Partial<Record<'dropLast' | 'divideByBatchSize' | 'lossBeforeEpoch' | 'sumNotMean', Trained>>;
}
interface TrainArgs {
  X: number[][];
  y: number[];
  lr: number;
  epochs: number;
  batchSize: number;
  seed: number;
}

/** The helpers of the checks, speaking the student's language (m: this exercise's messages). */
function helpers(m: M) {
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
    if (!valid) hint = m.hints.indices;
    else if (seen.size < all.length) hint = m.hints.twice;
    else if (all.length < n) hint = m.hints.missing;
    fail({ input, expected: m.text.everyIndex(n - 1), received: formatValue(batches), hint });
  }

  function checkSizes(input: string, batches: number[][], expected: number[]): void {
    const sizes = batches.map((b) => b.length);
    if (sizes.length === expected.length && sizes.every((s, i) => s === expected[i])) return;
    const dropped = sizes.length === expected.length - 1 && expected[expected.length - 1] < expected[0];
    fail({
      input,
      expected: m.text.sizes(formatValue(expected)),
      received: m.text.sizes(formatValue(sizes)),
      hint: dropped ? m.hints.lastMissing : undefined,
    });
  }

  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

  const MISTAKES = [
    ['dropLast', m.hints.dropLast],
    ['divideByBatchSize', m.hints.divideByBatchSize],
    ['lossBeforeEpoch', m.hints.lossBeforeEpoch],
    ['sumNotMean', m.hints.sumNotMean],
  ] as const;

  const trainInput = (a: Omit<TrainArgs, 'seed'>): string =>
    `trainLinearRegression(X = ${formatInput(a.X)}, y = ${formatInput(a.y)}, { lr: ${a.lr}, epochs: ${a.epochs}, batchSize: ${a.batchSize}, rng })`;

  async function getTrained(t: CheckContext, a: TrainArgs) {
    return observe(t, 'train', a, record({ w: numbers(a.X[0].length), b: num, losses: numbers() }), trainInput(a), 5000);
  }

  function checkTraining(c: TrainCase, got: Trained): void {
    const input = trainInput(c);
    const stepsPerEpoch = Math.ceil(c.X.length / c.batchSize);
    if (got.losses.length !== c.epochs) {
      fail({
        input,
        expected: m.text.lossesPerEpoch(c.epochs),
        received: m.text.losses(got.losses.length),
        hint:
          got.losses.length === c.epochs * stepsPerEpoch && stepsPerEpoch > 1
            ? m.hints.lossPerBatch
            : got.losses.length === c.epochs + 1
              ? m.hints.lossBefore
              : undefined,
      });
    }
    const hints = <K extends keyof Trained>(key: K) =>
      MISTAKES.flatMap(([k, h]) => (c.mistakes[k] === undefined ? [] : [[c.mistakes[k]![key], h] as const]));
    checkClose(got.w, c.expected.w, { input: `${input}.w`, hints: hints('w') });
    checkClose(got.b, c.expected.b, { input: `${input}.b`, hints: hints('b') });
    checkClose(got.losses, c.expected.losses, { input: `${input}.losses`, hints: hints('losses') });
  }
  return { getBatches, checkPermutation, checkSizes, batchesInput, getTrained, checkTraining, factorial };
}

export default defineGrader(messages, ({ graded }, msg) => {
    const { checks, hints, text } = msg;
    const { getBatches, checkPermutation, checkSizes, batchesInput, getTrained, checkTraining, factorial } = helpers(msg);
    graded(checks.batches, 3, async (t) => {
      const { value } = await getBatches(t, 10, 3, 1);
      checkSizes(batchesInput(10, 3), value, [3, 3, 3, 1]);
      checkPermutation(batchesInput(10, 3), value, 10);
      await checkSeededShuffle(t, 1, 2, msg);
    });

    graded(checks.edges, 1, async (t) => {
      const cases: Array<[number, number, number[]]> = [[4, 1, [1, 1, 1, 1]], [7, 7, [7]], [5, 8, [5]], [12, 4, [4, 4, 4]]];
      for (const [n, bs, sizes] of cases) {
        const { value } = await getBatches(t, n, bs, 7);
        checkSizes(batchesInput(n, bs), value, sizes);
        checkPermutation(batchesInput(n, bs), value, n);
      }
      await checkSeededShuffle(t, 7, 8, msg);
    });

    graded(checks.seeded, 2, async (t) => {
      await checkSeededShuffle(t, 42, 43, msg);
      const input = batchesInput(20, 5);
      const a = await getBatches(t, 20, 5, 42);
      expectThat(a.mathRandomCalls === 0, { input, problem: text.mathRandom(a.mathRandomCalls), hint: hints.rng });
      const again = await getBatches(t, 20, 5, 42);
      checkClose(again.value, a.value, { input: `${input}, ${text.twiceSameSeed}`, expectedText: text.sameBatches(formatValue(a.value)) });
    });

    graded(checks.uniform, 3, async (t) => {
      for (const [n, runs, limit, seed] of [[3, 12000, 40, 2024], [4, 12000, 75, 7]]) {
        const input = text.seededRuns(runs, n);
        const { orders } = await shuffleRuns(t, n, runs, seed, input, 15000, msg);
        const counts = new Map<string, number>();
        for (const order of orders) counts.set(order.join(''), (counts.get(order.join('')) ?? 0) + 1);
        const m = factorial(n);
        const chi = chiSquare(counts, runs, m);
        if (chi > limit) {
          const table = [...counts.entries()].sort().map(([k, c]) => `${k}: ${c}`).join(', ');
          fail({
            input,
            expected: text.orders(m, runs / m, limit),
            received: `${table}${counts.size < m ? text.onlyOrders(counts.size, m) : ''} (χ² = ${chi.toFixed(1)})`,
            hint:
              counts.size === 1
                ? hints.neverShuffled
                : counts.size < m
                  ? hints.someOrders
                  : hints.notUniform,
          });
        }
      }
    });

    graded(checks.fullBatch, 2, async (t) => {
      for (const c of exactly<TrainCase>(fixture.fullBatch, 2, 'full-batch training cases')) {
        checkTraining(c, (await getTrained(t, { ...c, seed: 3 })).value);
      }
    });

    graded(checks.batches442, 3, async (t) => {
      const c: TrainCase = fixture.identicalRows;
      checkTraining(c, (await getTrained(t, { ...c, seed: 5 })).value);
    });

    graded(checks.converges, 2, async (t) => {
      const { X, y, wTrue, bTrue } = fixture.convergence;
      const a: TrainArgs = { X, y, lr: 0.05, epochs: 150, batchSize: 5, seed: 11 };
      const input = `trainLinearRegression(${text.noiseFree(X.length, formatInput(wTrue), bTrue)}, { lr: 0.05, epochs: 150, batchSize: 5, rng })`;
      const got = (await getTrained(t, a)).value;
      expectThat(got.losses.length === a.epochs, { input, expected: text.lossesOnePerEpoch(a.epochs), received: text.losses(got.losses.length) });
      checkClose(got.w, wTrue, { input: `${input}.w`, tol: { rel: 1e-6, abs: 1e-6 } });
      checkClose(got.b, bTrue, { input: `${input}.b`, tol: { rel: 1e-6, abs: 1e-6 } });
      expectThat(got.losses[0] > got.losses[got.losses.length - 1] && got.losses[got.losses.length - 1] < 1e-10, {
        input: `${input}.losses`,
        expected: text.decreasing,
        received: formatValue(got.losses),
      });
    });

    graded(checks.reshuffled, 1, async (t) => {
      const { X, y, wTrue, bTrue, noise, initialLoss, leastSquaresLoss, leastSquares } = fixture.noisy;
      const a: TrainArgs = { X, y, lr: 0.05, epochs: 20, batchSize: 3, seed: 1 };
      const input = `trainLinearRegression(${text.noisy(X.length, formatInput(wTrue), bTrue, noise)}, { lr: ${a.lr}, epochs: ${a.epochs}, batchSize: ${a.batchSize}, rng })`;
      const first = await getTrained(t, a);
      expectThat(first.mathRandomCalls === 0, { input, problem: text.mathRandom(first.mathRandomCalls), hint: hints.optionsRng });
      const { w, b, losses } = first.value;
      expectThat(losses.length === a.epochs, { input: `${input}.losses`, expected: text.lossesOnePerEpoch(a.epochs), received: text.losses(losses.length) });
      // Honest runs end within 1.3% of the gap between the loss at w = 0, b = 0 and the least-squares loss
      // (measured: two implementations, 3,000 seeds each); 25% is allowed.
      const bound = leastSquaresLoss + 0.25 * (initialLoss - leastSquaresLoss);
      const far = [...w.map((v, j) => Math.abs(v - leastSquares.w[j])), Math.abs(b - leastSquares.b)].some((d) => !(d <= 1));
      expectThat(!far && losses[losses.length - 1] <= bound, {
        input,
        expected: text.nearFit(formatInput(leastSquares.w), formatInput(leastSquares.b), bound.toPrecision(3), initialLoss.toPrecision(3), leastSquaresLoss.toPrecision(3)),
        received: text.got(formatInput(w), formatInput(b), formatInput(losses[losses.length - 1])),
        hint: hints.reduce,
      });
      const again = await getTrained(t, a);
      checkClose(again.value.w, w, { input: `${input}, ${text.twiceW}`, expectedText: text.sameW(formatValue(w)) });
      const other = await getTrained(t, { ...a, seed: 2 });
      const same = other.value.w.every((v, j) => v === w[j]) && other.value.b === b;
      expectThat(!same, { input: `${input} ${text.seeds12}`, problem: text.sameResult, hint: hints.newBatches });
      const oneEpoch = await getTrained(t, { ...a, epochs: 1 });
      expectThat(first.rngCalls > oneEpoch.rngCalls, {
        input: `${input}, ${text.epochs(a.epochs)}`,
        problem: text.rngCalls(oneEpoch.rngCalls, first.rngCalls, a.epochs),
        hint: hints.reshuffle,
      });
    });
  },
);
