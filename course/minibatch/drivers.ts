/**
 * Driver for minibatch.ts, run inside the sandbox next to the student's code (trusted code,
 * self-contained). miniBatches and trainLinearRegression take an rng function, which cannot cross
 * the boundary, so the seeded rng lives here; results come back as plain data, with counts of
 * rng() and Math.random() calls.
 */

/** mulberry32: a small, good 32-bit generator returning numbers in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function need(mod: Record<string, unknown>, name: string): (...args: unknown[]) => unknown {
  const f = mod[name];
  if (typeof f !== 'function') {
    const e = new Error(`minibatch.ts does not export a function named ${name}`);
    e.name = 'MissingExport';
    throw e;
  }
  return f as (...args: unknown[]) => unknown;
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Runs fn while counting calls to Math.random (which the exercise must not use). */
function countingMathRandom<T>(fn: () => T): { value: T; mathRandomCalls: number } {
  const original = Math.random;
  let mathRandomCalls = 0;
  Math.random = () => {
    mathRandomCalls += 1;
    return original();
  };
  try {
    return { value: fn(), mathRandomCalls };
  } finally {
    Math.random = original;
  }
}

export interface Observation {
  result: unknown;
  resultProblem?: string;
  rngCalls: number;
  mathRandomCalls: number;
}

function observe(fn: (rng: () => number) => unknown, seed: number): Observation {
  const base = seeded(seed);
  let rngCalls = 0;
  const rng = (): number => {
    rngCalls += 1;
    return base();
  };
  const { value, mathRandomCalls } = countingMathRandom(() => fn(rng));
  const ok = cloneable(value);
  return {
    result: ok ? value : null,
    resultProblem: ok ? undefined : 'returned something that is not plain data (a function or a Promise?)',
    rngCalls,
    mathRandomCalls,
  };
}

/** miniBatches(n, batchSize, rng) once, with a seeded rng. */
export function batches(mod: Record<string, unknown>, args: { n: number; batchSize: number; seed: number }): Observation {
  const miniBatches = need(mod, 'miniBatches');
  return observe((rng) => miniBatches(args.n, args.batchSize, rng), args.seed);
}

/** A driver-owned copy of an array the student's code holds, by index: a student's array may carry
 * its own `every`, `slice`, `filter` or iterator, so drivers never call its methods. */
function copyArray<T>(a: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  return out;
}

export interface Shuffles {
  /** Each run's batches, concatenated. */
  orders: number[][];
  /** The first run that did not return an array of arrays, and what it returned. */
  badRun?: number;
  badResult?: unknown;
  rngCalls: number;
  mathRandomCalls: number;
}

/**
 * `runs` calls of miniBatches(n, n, rng) sharing one seeded rng; each run's batches concatenated.
 * Stops at the first run that does not return an array of arrays (its value is returned).
 */
export function shuffles(mod: Record<string, unknown>, args: { n: number; runs: number; seed: number }): Shuffles {
  const miniBatches = need(mod, 'miniBatches');
  const base = seeded(args.seed);
  let rngCalls = 0;
  const rng = (): number => {
    rngCalls += 1;
    return base();
  };
  const { value, mathRandomCalls } = countingMathRandom((): Omit<Shuffles, 'rngCalls' | 'mathRandomCalls'> => {
    const orders: number[][] = [];
    for (let run = 0; run < args.runs; run++) {
      const out = miniBatches(args.n, args.n, rng);
      const batches = Array.isArray(out) ? copyArray(out as unknown[]) : null;
      if (batches === null || !batches.every((b) => Array.isArray(b))) {
        return { orders, badRun: run, badResult: cloneable(out) ? out : String(typeof out) };
      }
      const order: number[] = [];
      for (const batch of batches) for (const i of copyArray(batch as number[])) order.push(i);
      orders.push(order);
    }
    return { orders };
  });
  return { ...value, rngCalls, mathRandomCalls };
}

/** trainLinearRegression(X, y, { lr, epochs, batchSize, rng }) with a seeded rng. */
export function train(
  mod: Record<string, unknown>,
  args: { X: number[][]; y: number[]; lr: number; epochs: number; batchSize: number; seed: number },
): Observation {
  const trainLinearRegression = need(mod, 'trainLinearRegression');
  return observe(
    (rng) => trainLinearRegression(args.X, args.y, { lr: args.lr, epochs: args.epochs, batchSize: args.batchSize, rng }),
    args.seed,
  );
}
