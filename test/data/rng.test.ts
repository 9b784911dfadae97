import { describe, expect, it } from 'vitest';
import { permutation, randint, randnFrom, rng, shuffle } from '../../src/data';
import { randn } from '../../src/tensor';
import { expectError } from '../helpers/expect-error';

const TWO_32 = 2 ** 32;


/** A fake generator that replays `values` and counts the draws. */
function scripted(values: number[]): { r: () => number; calls: () => number } {
  let i = 0;
  return {
    r: () => {
      if (i >= values.length) throw new Error('scripted rng exhausted');
      return values[i++];
    },
    calls: () => i,
  };
}

/** Pearson's χ² statistic of observed counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const e = total / counts.length;
  return counts.reduce((s, o) => s + ((o - e) * (o - e)) / e, 0);
}

// Upper 0.1 % points of the χ² distribution (standard tables), by degrees of freedom.
const CHI2_999: Record<number, number> = { 5: 20.515, 6: 22.458, 9: 27.877, 15: 37.697 };

/**
 * Independent oracle: sfc32 written from PractRand's description with BigInt arithmetic mod 2^32,
 * seeded as PractRand's sfc32::seed(uint64): a = 0, b = low word, c = high word, counter = 1,
 * then 12 discarded outputs.
 */
function sfc32BigInt(seed: bigint, count: number): number[] {
  const M = (1n << 32n) - 1n;
  const s = BigInt.asUintN(64, seed);
  let a = 0n;
  let b = s & M;
  let c = (s >> 32n) & M;
  let d = 1n;
  const step = (): bigint => {
    const t = (a + b + d) & M;
    d = (d + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = (((c << 21n) | (c >> 11n)) + t) & M;
    return t;
  };
  for (let i = 0; i < 12; i++) step();
  return Array.from({ length: count }, () => Number(step()));
}

describe('rng (sfc32)', () => {
  it('matches the published sfc32 sequence for state (0, 12345, 0, 1) after 12 discarded outputs', () => {
    // Test vector of github.com/maloquacious/prng sfc32_test.go (SFC32(0, 12345, 0, 1)).
    const expected = [
      235160590, 2967261163, 116171463, 2882324903, 362604721, 4227106926, 1933307004, 1608300071,
      2256615412, 2701957640,
    ];
    const r = rng(12345);
    expect(expected.map(() => r() * TWO_32)).toEqual(expected);
  });

  it('matches a BigInt implementation for seeds using the high word and negative seeds', () => {
    const seeds = [0, 1, -1, 2 ** 32, 2 ** 40 + 7, 2 ** 53 - 1, -(2 ** 53 - 1), -123456789];
    for (const seed of seeds) {
      const r = rng(seed);
      const got = Array.from({ length: 50 }, () => r() * TWO_32);
      expect(got, `seed ${seed}`).toEqual(sfc32BigInt(BigInt(seed), 50));
    }
  });

  it('returns multiples of 2^-32 in [0, 1)', () => {
    const r = rng(3);
    let bad = 0;
    for (let i = 0; i < 100000; i++) {
      const u = r();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * TWO_32))) bad++;
    }
    expect(bad).toBe(0);
  });

  it('repeats for the same seed and differs for different seeds', () => {
    const a = rng(42);
    const b = rng(42);
    const c = rng(43);
    const sa = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(sa);
    const sc = Array.from({ length: 100 }, () => c());
    expect(sc.filter((v, i) => v === sa[i]).length).toBe(0);
  });

  it('gives uniform first outputs over consecutive seeds (seeding mixes well)', () => {
    const counts = new Array<number>(10).fill(0);
    const firsts = new Set<number>();
    for (let seed = 0; seed < 10000; seed++) {
      const u = rng(seed)();
      firsts.add(u);
      counts[Math.floor(u * 10)]++;
    }
    expect(firsts.size).toBe(10000);
    expect(chiSquare(counts)).toBeLessThan(CHI2_999[9]);
  });

  it('is uniform over 16 bins and has no lag-1 correlation (fixed seed, deterministic)', () => {
    const r = rng(2024);
    const n = 100000;
    const counts = new Array<number>(16).fill(0);
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      u[i] = r();
      counts[Math.floor(u[i] * 16)]++;
    }
    expect(chiSquare(counts)).toBeLessThan(CHI2_999[15]);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      const x = u[i] - 0.5;
      sxx += x * x;
      if (i + 1 < n) sxy += x * (u[i + 1] - 0.5);
    }
    expect(Math.abs(sxy / sxx)).toBeLessThan(0.015); // sd of the estimate is 1/sqrt(n) ≈ 0.0032
  });

  it('rejects seeds that are not safe integers', () => {
    expectError(() => rng(1.5), RangeError, 'rng: seed must be an integer with |seed| <= 2^53 - 1, received 1.5');
    expectError(() => rng(NaN), RangeError, 'rng: seed must be an integer with |seed| <= 2^53 - 1, received NaN');
    expectError(() => rng(Infinity), RangeError, 'rng: seed must be an integer with |seed| <= 2^53 - 1, received Infinity');
    expectError(() => rng(2 ** 53), RangeError, 'rng: seed must be an integer with |seed| <= 2^53 - 1, received 9007199254740992');
    expectError(() => rng('1' as unknown as number), TypeError, 'rng: seed must be an integer, received "1"');
    expectError(() => rng(undefined as unknown as number), TypeError, 'rng: seed must be an integer, received undefined');
  });
});

describe('randnFrom (Box–Muller)', () => {
  it('maps (u1, u2) to ρ cos 2πu2 and then the cached ρ sin 2πu2, ρ = √(−2 ln(1 − u1))', () => {
    // 1 − u1 = e^{-2} gives ρ = 2; u2 = 1/12 gives angle π/6: z0 = √3, z1 = 1.
    const s = scripted([1 - Math.exp(-2), 1 / 12, 0.5, 0.25]);
    const z = randnFrom(s.r);
    expect(z()).toBeCloseTo(Math.sqrt(3), 12);
    expect(s.calls()).toBe(2);
    expect(z()).toBeCloseTo(1, 12);
    expect(s.calls()).toBe(2); // the second value came from the cache
    // 1 − u1 = 0.5: ρ = √(2 ln 2); u2 = 1/4: cos = 0, sin = 1.
    expect(z()).toBeCloseTo(0, 12);
    expect(z()).toBeCloseTo(Math.sqrt(2 * Math.LN2), 12);
    expect(s.calls()).toBe(4);
  });

  it('stays finite when the generator returns 0', () => {
    const z = randnFrom(() => 0);
    expect(z()).toBe(0);
    expect(z()).toBe(0);
  });

  it('has the moments of N(0, 1) (2·10^5 draws, fixed seed)', () => {
    const z = randnFrom(rng(11));
    const n = 200000;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const x = z();
      s1 += x;
      s2 += x * x;
      s3 += x * x * x;
      s4 += x * x * x * x;
      if (Math.abs(x) < 1) within1++;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(0.01); // sd 0.0022
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.015); // sd 0.0032
    expect(Math.abs(s3 / n)).toBeLessThan(0.03); // sd 0.0055
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.1); // sd 0.022
    expect(Math.abs(within1 / n - 0.682689)).toBeLessThan(0.005); // P(|Z| < 1), sd 0.001
  });

  it('produces the same stream as the library randn for the same seed', () => {
    const z = randnFrom(rng(5));
    const t = randn([7], rng(5));
    expect(Array.from({ length: 7 }, () => z())).toEqual(Array.from(t.data));
  });

  it('rejects a non-function and out-of-range draws', () => {
    expectError(
      () => randnFrom(5 as unknown as () => number),
      TypeError,
      'randnFrom: rng must be a function returning numbers in [0, 1), e.g. rng(0), received 5',
    );
    expectError(() => randnFrom(() => 1)(), RangeError, 'randnFrom: rng must return numbers in [0, 1), returned 1');
    expectError(() => randnFrom(() => NaN)(), RangeError, 'randnFrom: rng must return numbers in [0, 1), returned NaN');
  });
});

describe('randint', () => {
  it('rejects the 32-bit values above the largest multiple of n (no modulo bias)', () => {
    // 2^32 mod 3 = 1, so the limit is 2^32 − 1 and u = 2^32 − 1 is rejected; then u = 5 → 2.
    const s = scripted([(TWO_32 - 1) / TWO_32, 5 / TWO_32]);
    expect(randint(s.r, 3)).toBe(2);
    expect(s.calls()).toBe(2);
    // n = 2^32 uses the 32-bit value as it is; n = 1 always gives 0.
    expect(randint(() => 123 / TWO_32, TWO_32)).toBe(123);
    expect(randint(() => 0.999, 1)).toBe(0);
  });

  it('is uniform over {0, …, 6} (7·10^4 draws, fixed seed)', () => {
    const r = rng(8);
    const counts = new Array<number>(7).fill(0);
    let bad = 0;
    for (let i = 0; i < 70000; i++) {
      const k = randint(r, 7);
      if (Number.isInteger(k) && k >= 0 && k < 7) counts[k]++;
      else bad++;
    }
    expect(bad).toBe(0);
    expect(chiSquare(counts)).toBeLessThan(CHI2_999[6]);
  });

  it('rejects a bad n or rng', () => {
    const r = rng(0);
    const what = 'an integer in [1, 2^32]';
    expectError(() => randint(r, 0), RangeError, `randint: n must be ${what}, received 0`);
    expectError(() => randint(r, 2.5), RangeError, `randint: n must be ${what}, received 2.5`);
    expectError(() => randint(r, TWO_32 + 1), RangeError, `randint: n must be ${what}, received 4294967297`);
    expectError(() => randint(r, Infinity), RangeError, 'randint: n must be a finite number, received Infinity');
    expectError(() => randint(r, '3' as unknown as number), TypeError, 'randint: n must be a number, received "3"');
    expectError(
      () => randint(null as unknown as () => number, 3),
      TypeError,
      'randint: rng must be a function returning numbers in [0, 1), e.g. rng(0), received null',
    );
    expectError(() => randint(() => -0.5, 3), RangeError, 'randint: rng must return numbers in [0, 1), returned -0.5');
  });
});

describe('shuffle and permutation (Fisher–Yates)', () => {
  const ORDERS = ['012', '021', '102', '120', '201', '210'];

  it('makes all 6 orders of 3 elements equally likely (χ², 6·10^4 shuffles, fixed seed)', () => {
    const r = rng(2024);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[ORDERS.indexOf(permutation(3, r).join(''))]++;
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(chiSquare(counts)).toBeLessThan(CHI2_999[5]);
  });

  it('the same χ² check catches the classic biased shuffle (swap with any position)', () => {
    const r = rng(2024);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) {
      const a = [0, 1, 2];
      for (let k = 0; k < 3; k++) {
        const j = randint(r, 3); // wrong: should be randint(r, k + 1) going downwards
        [a[k], a[j]] = [a[j], a[k]];
      }
      counts[ORDERS.indexOf(a.join(''))]++;
    }
    expect(chiSquare(counts)).toBeGreaterThan(CHI2_999[5]);
  });

  it('puts every element in every position equally often (n = 10, 2·10^4 permutations)', () => {
    const r = rng(99);
    const counts = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    for (let k = 0; k < 20000; k++) permutation(10, r).forEach((v, pos) => counts[v][pos]++);
    for (const row of counts) expect(chiSquare(row)).toBeLessThan(CHI2_999[9]);
  });

  it('follows Fisher–Yates on the published sfc32 stream of seed 12345', () => {
    const stream = [235160590, 2967261163, 116171463, 2882324903, 362604721, 4227106926, 1933307004, 1608300071, 2256615412];
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    for (let i = 9, k = 0; i > 0; i--, k++) {
      const j = stream[k] % (i + 1); // none of these values is above the rejection limit
      [order[i], order[j]] = [order[j], order[i]];
    }
    expect(permutation(10, rng(12345))).toEqual(order);
  });

  it('returns each index exactly once; shuffle works in place', () => {
    const p = permutation(1000, rng(1));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(permutation(0, rng(1))).toEqual([]);
    expect(permutation(1, rng(1))).toEqual([0]);
    const a = ['a', 'b', 'c', 'd', 'e'];
    const out = shuffle(a, rng(4));
    expect(out).toBe(a);
    expect([...a].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shuffle(['x', 'y', 'z'], rng(4))).toEqual(shuffle(['x', 'y', 'z'], rng(4)));
  });

  it('rejects bad arguments', () => {
    const r = rng(0);
    expectError(() => permutation(-1, r), RangeError, 'permutation: n must be an integer >= 0, received -1');
    expectError(() => permutation(2.5, r), RangeError, 'permutation: n must be an integer >= 0, received 2.5');
    expectError(() => permutation('3' as unknown as number, r), TypeError, 'permutation: n must be an integer >= 0, received "3"');
    expectError(
      () => permutation(3, undefined as unknown as () => number),
      TypeError,
      'permutation: rng must be a function returning numbers in [0, 1), e.g. rng(0), received undefined',
    );
    expectError(() => shuffle('abc' as unknown as string[], r), TypeError, 'shuffle: array must be an array, received "abc"');
    expectError(
      () => shuffle([1, 2], {} as unknown as () => number),
      TypeError,
      'shuffle: rng must be a function returning numbers in [0, 1), e.g. rng(0), received object',
    );
  });
});
