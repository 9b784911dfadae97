/**
 * Seeded randomness: one small generator that gives the same numbers for the same seed on every
 * platform, plus the three things the course draws from it — normal noise, integers and
 * permutations. Chapter 04-minibatch shuffles with it; every data set in `src/data` is built on it.
 *
 * Everything takes the generator as an argument (`() => number` returning values in [0, 1)),
 * so `Math.random` also works when reproducibility does not matter.
 */
import { checkFinite, checkInteger, describe, expected } from '../util/validate';

/** A source of uniform numbers in [0, 1). `rng(seed)` makes one; `Math.random` is one too. */
export type Rng = () => number;

/** The seed used when a data set, split or loader is given none. */
export const DEFAULT_SEED = 0;

/** Outputs discarded after seeding so the state is well mixed (PractRand's choice). */
export const SFC32_WARMUP = 12;

const TWO_32 = 4294967296; // 2^32

/**
 * Checks a seed: any safe integer, negative ones included (|seed| ≤ 2^53 − 1).
 * @internal shared by the data sets, `trainTestSplit` and `DataLoader`.
 */
export function checkSeed(where: string, seed: unknown): number {
  if (typeof seed !== 'number') throw new TypeError(expected(where, 'seed', 'an integer', seed));
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(expected(where, 'seed', 'an integer with |seed| <= 2^53 - 1', seed));
  }
  return seed;
}

/** Checks that `value` is a generator function. @internal */
export function checkRng(where: string, value: unknown, name = 'rng'): Rng {
  if (typeof value !== 'function') {
    throw new TypeError(expected(where, name, 'a function returning numbers in [0, 1), e.g. rng(0)', value));
  }
  return value as Rng;
}

/** One draw from `rng`, rejected early if it is not a number in [0, 1). @internal */
export function draw(where: string, rng: Rng): number {
  const u = rng();
  if (typeof u !== 'number' || !(u >= 0 && u < 1)) {
    throw new RangeError(`${where}: rng must return numbers in [0, 1), returned ${describe(u)}`);
  }
  return u;
}

/**
 * A seeded generator of uniform numbers in [0, 1): `const r = rng(42); r(); r(); …`.
 *
 * Algorithm: **sfc32** ("small fast counting", Chris Doty-Humphrey, from the PractRand test
 * suite; public domain). Its state is four 32-bit words (a, b, c, counter); one step is
 *
 *   t = a + b + counter;  counter += 1;  a = b ⊕ (b ≫ 9);  b = c + (c ≪ 3);
 *   c = rotl(c, 21) + t;  output t           (all arithmetic mod 2^32)
 *
 * Seeding follows PractRand's `sfc32::seed(uint64 s)`: a = 0, b = low 32 bits of s,
 * c = high 32 bits of s (two's complement for negative seeds), counter = 1, then 12 outputs are
 * thrown away. The returned number is t / 2^32, so every value is a multiple of 2^-32 in [0, 1).
 * Only exact 32-bit integer operations (add, shift, xor; no multiplication, no floating-point
 * rounding) are used, so the sequence is bit-for-bit the same on every JavaScript engine.
 */
export function rng(seed: number): Rng {
  checkSeed('rng', seed);
  let a = 0;
  let b = seed | 0; // ToInt32 keeps the low 32 bits
  let c = Math.floor(seed / TWO_32) | 0; // high 32 bits (floor gives two's complement)
  let counter = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / TWO_32;
  };
  for (let i = 0; i < SFC32_WARMUP; i++) next();
  return next;
}

/**
 * A generator of standard normal numbers N(0, 1) drawn from `rng` by the Box–Muller transform:
 *
 *   u₁ = 1 − rng() ∈ (0, 1],  u₂ = rng(),  ρ = √(−2 ln u₁),
 *   z₀ = ρ cos(2π u₂),  z₁ = ρ sin(2π u₂)
 *
 * z₀ and z₁ are independent N(0, 1). Each pair costs two uniforms; **z₁ is cached** and returned
 * by the next call, so calls alternate between drawing two uniforms and drawing none. Using
 * 1 − rng() keeps the logarithm finite when rng() returns 0.
 */
export function randnFrom(rng: Rng): () => number {
  return normalsFrom('randnFrom', rng);
}

/**
 * The Box–Muller generator of `randnFrom`, with `where` naming the caller in error messages (the
 * one implementation, shared with the Tensor engine's `randn`). @internal
 */
export function normalsFrom(where: string, rng: Rng): () => number {
  checkRng(where, rng);
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const u1 = 1 - draw(where, rng);
    const u2 = draw(where, rng);
    const rho = Math.sqrt(0 - 2 * Math.log(u1)); // 0 − … so u1 = 1 gives +0, not −0
    spare = rho * Math.sin(2 * Math.PI * u2);
    hasSpare = true;
    return rho * Math.cos(2 * Math.PI * u2);
  };
}

/**
 * A uniform integer in {0, 1, …, n − 1}, exactly unbiased: take u = ⌊rng() · 2^32⌋ and reject it
 * while u ≥ L, where L = 2^32 − (2^32 mod n) is the largest multiple of n not above 2^32; then
 * return u mod n (each residue is hit by exactly L / n values of u). n may be at most 2^32.
 */
export function randint(rng: Rng, n: number): number {
  checkRng('randint', rng);
  checkFinite('randint', 'n', n);
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
    throw new RangeError(expected('randint', 'n', 'an integer in [1, 2^32]', n));
  }
  return uniformInt(rng, n);
}

function uniformInt(rng: Rng, n: number): number {
  const limit = TWO_32 - (TWO_32 % n);
  let u: number;
  do {
    u = Math.floor(draw('randint', rng) * TWO_32);
  } while (u >= limit);
  return u % n;
}

/**
 * Shuffles `array` in place (and returns it) by the Fisher–Yates algorithm: for i = n − 1 down
 * to 1, swap element i with element j, j uniform in {0, …, i}. All n! orders are equally likely
 * (given an unbiased `randint`). Chapter 04-minibatch reshuffles the data this way every epoch.
 */
export function shuffle<T>(array: T[], rng: Rng): T[] {
  if (!Array.isArray(array)) throw new TypeError(expected('shuffle', 'array', 'an array', array));
  checkRng('shuffle', rng);
  for (let i = array.length - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1);
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}

/** A random order of 0, 1, …, n − 1: `shuffle([0, …, n − 1], rng)` (Fisher–Yates). */
export function permutation(n: number, rng: Rng): number[] {
  checkInteger('permutation', 'n', n, 0);
  checkRng('permutation', rng);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffle(order, rng);
}
