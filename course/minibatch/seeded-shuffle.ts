/**
 * What "a seeded random permutation" means, checked on many calls of the student's miniBatches
 * (through the minibatch driver's `shuffles`), for the public and the hidden minibatch graders.
 * The bounds are statistical but generous, so that an honest shuffle never fails them: among 50
 * shuffles of 0…9 (10! ≈ 3.6 million orders) a uniform shuffle repeats an order with probability
 * below 1 in 2,900, and the checks allow five repeats.
 */
import { arrayOf, CheckContext, fail, formatValue, num, numbers, receive, record } from '../../kit/grade/api';

const shufflesSchema = record({ orders: arrayOf(numbers()), rngCalls: num, mathRandomCalls: num });

/** `runs` shuffles of 0…n−1 (miniBatches(n, n, rng), one seeded rng); every order must be a permutation. */
export async function shuffleRuns(t: CheckContext, n: number, runs: number, seed: number, input: string, timeoutMs?: number) {
  const outcome = await t.drive('shuffles', { n, runs, seed }, { timeoutMs });
  const got = receive(outcome, shufflesSchema, { input });
  const raw = (outcome as { value: { badRun?: unknown; badResult?: unknown } }).value;
  if (typeof raw.badRun === 'number') {
    fail({ input, expected: 'an array of batches on every call', received: `run ${raw.badRun} returned ${formatValue(raw.badResult)}` });
  }
  for (const order of got.orders) {
    const seen = new Set(order);
    if (order.length !== n || seen.size !== n || !order.every((i) => Number.isInteger(i) && i >= 0 && i < n)) {
      fail({ input, expected: `the batches of every call hold each index 0…${n - 1} exactly once`, received: formatValue(order) });
    }
  }
  return got;
}

const isRotation = (order: number[]): boolean => order.every((v, i) => v === (order[0] + i) % order.length);
const isReversedRotation = (order: number[]): boolean => isRotation(order.slice().reverse());

const N = 10;
const RUNS = 50;
/** At most this many repeated orders among RUNS shuffles, and runs equal under two seeds. */
const REPEATS = 5;

/**
 * miniBatches must shuffle with the rng it is given: the same seed gives the same batches, another
 * seed other batches, shuffle after shuffle gives new orders (not the identity, not a rotation,
 * not a fixed order), and Math.random is never used.
 */
export async function checkSeededShuffle(t: CheckContext, seed: number, otherSeed: number): Promise<void> {
  if (seed === otherSeed) throw new Error(`checkSeededShuffle: two different seeds are needed, received ${seed} twice`);
  const input = `${RUNS} × miniBatches(${N}, ${N}, rng) with a seeded rng (seed ${seed})`;
  const first = await shuffleRuns(t, N, RUNS, seed, input);
  if (first.mathRandomCalls > 0) {
    fail({ input, problem: `Math.random was called ${first.mathRandomCalls} times`, hint: 'take every random number from rng() so that a seeded rng gives the same batches' });
  }
  if (first.rngCalls === 0) fail({ input, problem: 'rng was never called', hint: 'shuffle the indices with rng() before cutting them into batches' });
  const keys = first.orders.map((o) => o.join(','));
  const distinct = new Set(keys).size;
  if (distinct < RUNS - REPEATS) {
    const hint = first.orders.every((o) => o.every((v, i) => v === i))
      ? 'the indices are never shuffled: the order is always 0, 1, 2, …'
      : first.orders.every(isRotation) || first.orders.every(isReversedRotation)
        ? 'every order is the sequence 0…n−1 started at a random place (a rotation), not a shuffle: use Fisher–Yates'
        : distinct === 1
          ? 'the order is always the same, whatever rng() returns'
          : 'a uniform shuffle almost never repeats an order of 10 indices: swap entry i with entry j = ⌊rng()·(i + 1)⌋ for every i from n − 1 down to 1';
    fail({ input, expected: `${RUNS} shuffles of 0…${N - 1} that are nearly all different`, received: `only ${distinct} different orders, e.g. ${formatValue(first.orders.slice(0, 3))}`, hint });
  }
  const again = await shuffleRuns(t, N, RUNS, seed, `${input}, run again`);
  const differ = again.orders.findIndex((o, i) => o.join(',') !== keys[i]);
  if (differ >= 0) {
    fail({
      input: `${input}, twice with the same seed`,
      expected: `the same batches both times (call ${differ}: ${formatValue(first.orders[differ])})`,
      received: formatValue(again.orders[differ]),
      hint: 'draw every random number from rng(), and keep no state between calls: a seeded rng must give reproducible batches',
    });
  }
  const other = await shuffleRuns(t, N, RUNS, otherSeed, `${input}, with seed ${otherSeed}`);
  const same = other.orders.filter((o, i) => o.join(',') === keys[i]).length;
  if (same > REPEATS) {
    fail({
      input: `${input}, and again with seed ${otherSeed}`,
      problem: `${same} of ${RUNS} shuffles are the same for both seeds`,
      hint: 'the order must come from the numbers rng() returns',
    });
  }
}

/** χ² statistic of counts of `categories` outcomes against the uniform distribution. */
export function chiSquare(counts: Map<string, number>, runs: number, categories: number): number {
  const expected = runs / categories;
  let chi = (categories - counts.size) * expected;
  for (const c of counts.values()) chi += ((c - expected) * (c - expected)) / expected;
  return chi;
}
