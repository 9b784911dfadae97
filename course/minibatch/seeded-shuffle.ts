/**
 * What "a seeded random permutation" means, checked on many calls of the student's miniBatches
 * (through the minibatch driver's `shuffles`), for the public and the hidden minibatch graders.
 * The bounds are statistical but generous, so that an honest shuffle never fails them: among 50
 * shuffles of 0…9 (10! ≈ 3.6 million orders) a uniform shuffle repeats an order with probability
 * below 1 in 2,900, and the checks allow five repeats.
 */
import { arrayOf, CheckContext, fail, formatValue, num, numbers, receive, record } from '../../kit/grade/api';
import defaultMessages, { type MinibatchMessages as M } from './messages';

const shufflesSchema = record({ orders: arrayOf(numbers()), rngCalls: num, mathRandomCalls: num });

/** `runs` shuffles of 0…n−1 (miniBatches(n, n, rng), one seeded rng); every order must be a permutation. */
export async function shuffleRuns(t: CheckContext, n: number, runs: number, seed: number, input: string, timeoutMs?: number, m: M = defaultMessages.en) {
  const outcome = await t.drive('shuffles', { n, runs, seed }, { timeoutMs });
  const got = receive(outcome, shufflesSchema, { input });
  const raw = (outcome as { value: { badRun?: unknown; badResult?: unknown } }).value;
  if (typeof raw.badRun === 'number') {
    fail({ input, expected: m.text.batchesEveryCall, received: m.text.badRun(raw.badRun, formatValue(raw.badResult)) });
  }
  for (const order of got.orders) {
    const seen = new Set(order);
    if (order.length !== n || seen.size !== n || !order.every((i) => Number.isInteger(i) && i >= 0 && i < n)) {
      fail({ input, expected: m.text.everyCallIndex(n - 1), received: formatValue(order) });
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
export async function checkSeededShuffle(t: CheckContext, seed: number, otherSeed: number, m: M = defaultMessages.en): Promise<void> {
  if (seed === otherSeed) throw new Error(`checkSeededShuffle: two different seeds are needed, received ${seed} twice`);
  const input = m.text.seededInput(RUNS, N, seed);
  const first = await shuffleRuns(t, N, RUNS, seed, input, undefined, m);
  if (first.mathRandomCalls > 0) {
    fail({ input, problem: m.text.mathRandom(first.mathRandomCalls), hint: m.hints.rng });
  }
  if (first.rngCalls === 0) fail({ input, problem: m.text.rngNever, hint: m.hints.rngNever });
  const keys = first.orders.map((o) => o.join(','));
  const distinct = new Set(keys).size;
  if (distinct < RUNS - REPEATS) {
    const hint = first.orders.every((o) => o.every((v, i) => v === i))
      ? m.hints.identity
      : first.orders.every(isRotation) || first.orders.every(isReversedRotation)
        ? m.hints.rotation
        : distinct === 1
          ? m.hints.fixed
          : m.hints.repeats;
    fail({ input, expected: m.text.nearlyAll(RUNS, N - 1), received: m.text.distinct(distinct, formatValue(first.orders.slice(0, 3))), hint });
  }
  const again = await shuffleRuns(t, N, RUNS, seed, `${input}, ${m.text.runAgain}`, undefined, m);
  const differ = again.orders.findIndex((o, i) => o.join(',') !== keys[i]);
  if (differ >= 0) {
    fail({
      input: `${input}, ${m.text.twiceSameSeed}`,
      expected: m.text.bothTimes(differ, formatValue(first.orders[differ])),
      received: formatValue(again.orders[differ]),
      hint: m.hints.noState,
    });
  }
  const other = await shuffleRuns(t, N, RUNS, otherSeed, `${input}, ${m.text.withSeed(otherSeed)}`, undefined, m);
  const same = other.orders.filter((o, i) => o.join(',') === keys[i]).length;
  if (same > REPEATS) {
    fail({
      input: `${input}, ${m.text.againWithSeed(otherSeed)}`,
      problem: m.text.sameForBoth(same, RUNS),
      hint: m.hints.fromRng,
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
