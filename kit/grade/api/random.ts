/** Seeded randomness for randomized cases (the hidden graders draw their inputs from `t.seed`). */

/** mulberry32: numbers in [0, 1), reproducible from the seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** n numbers uniform in [lo, hi). */
  vector(n: number, lo: number, hi: number): number[];
  pick<T>(items: readonly T[]): T;
}

export function random(seed: number): Random {
  const next = seeded(seed);
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * next();
  return {
    uniform,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    vector: (n, lo, hi) => Array.from({ length: n }, () => uniform(lo, hi)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
