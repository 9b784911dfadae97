/**
 * Driver for optimizers.ts, run inside the sandbox next to the student's code (trusted code,
 * self-contained). A Step is a closure with hidden state, so it is created and stepped here; the
 * trajectory comes back as plain data, with what only this side can see: whether a step modified
 * its arguments or returned the params array itself.
 */

export type Problem = { kind: 'quadratic'; a: number[]; c: number[] } | { kind: 'rosenbrock' };

function gradient(problem: Problem, x: number[]): number[] {
  if (problem.kind === 'quadratic') return x.map((xi, i) => problem.a[i] * xi + problem.c[i]);
  const [u, v] = x;
  return [-2 * (1 - u) - 400 * u * (v - u * u), 200 * (v - u * u)];
}

function need(mod: Record<string, unknown>, name: string): (...args: unknown[]) => unknown {
  const f = mod[name];
  if (typeof f !== 'function') {
    const e = new Error(`optimizers.ts does not export a function named ${name}`);
    e.name = 'MissingExport';
    throw e;
  }
  return f as (...args: unknown[]) => unknown;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A driver-owned copy of an array the student's code holds, by index: a student's array may carry
 * its own `every`, `slice`, `filter` or iterator, so drivers never call its methods. */
function copyArray<T>(a: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  return out;
}

/** Same length and Object.is-equal elements, by index (no method of either array is called). */
function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export interface RunArgs {
  factory: string;
  options: Record<string, number | number[]>;
  x0: number[];
  steps: number;
  problem?: Problem;
  grads?: number[][];
}

export interface RunObservation {
  trajectory: unknown[][];
  /** Why stepping stopped early, e.g. "step 2 returned undefined". */
  stopped?: string;
  mutatedParams: boolean;
  mutatedGrads: boolean;
  returnedParams: boolean;
}

/** One optimizer object, driven for `steps` steps; the trajectory starts with x0. */
class Runner {
  readonly obs: RunObservation;
  private readonly step: ((p: number[], g: number[]) => unknown) | undefined;
  private params: number[];
  private k = 0;

  constructor(mod: Record<string, unknown>, private readonly args: RunArgs) {
    const made = need(mod, args.factory)({ ...args.options });
    this.params = args.x0.slice();
    this.obs = { trajectory: [args.x0.slice()], mutatedParams: false, mutatedGrads: false, returnedParams: false };
    if (typeof made === 'function') this.step = made as (p: number[], g: number[]) => unknown;
    else this.obs.stopped = `${args.factory}(${JSON.stringify(args.options)}) returned ${kind(made)}, expected a function (the Step)`;
  }

  next(): void {
    if (this.step === undefined || this.obs.stopped !== undefined) return;
    const g = this.args.grads !== undefined ? copyArray(this.args.grads[this.k]) : gradient(this.args.problem!, copyArray(this.params));
    this.k += 1;
    const p = this.params;
    const pBefore = copyArray(p);
    const gBefore = copyArray(g);
    const out = this.step(p, g);
    if (!sameArray(p, pBefore)) this.obs.mutatedParams = true;
    if (!sameArray(g, gBefore)) this.obs.mutatedGrads = true;
    if (out === p) this.obs.returnedParams = true;
    if (!Array.isArray(out)) {
      this.obs.stopped = `step ${this.k} returned ${kind(out)}, expected an array of ${p.length} numbers`;
      return;
    }
    this.obs.trajectory.push(copyArray(out as unknown[]));
    this.params = out === p ? p : copyArray(out as number[]);
  }
}

export function run(mod: Record<string, unknown>, args: RunArgs): RunObservation {
  const runner = new Runner(mod, args);
  for (let k = 0; k < args.steps; k++) runner.next();
  return runner.obs;
}

/** Two optimizers from the same factory, stepped alternately (a, b, a, b, …). */
export function interleaved(mod: Record<string, unknown>, args: { a: RunArgs; b: RunArgs }): { a: RunObservation; b: RunObservation } {
  const a = new Runner(mod, args.a);
  const b = new Runner(mod, args.b);
  for (let k = 0; k < Math.max(args.a.steps, args.b.steps); k++) {
    if (k < args.a.steps) a.next();
    if (k < args.b.steps) b.next();
  }
  return { a: a.obs, b: b.obs };
}
