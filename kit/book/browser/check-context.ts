/**
 * The check worker's side of a grader's `t.call` / `t.drive`: the student's exercise file, loaded
 * once per worker (with its sibling files), called with copies of plain-data arguments; what comes
 * back is copied too (structured clone), so the grader only ever sees plain data — the same
 * outcomes, and the same problem texts, as the sandbox of `npm run grade` (kit/grade/sandbox):
 * "threw Error: …", "could not run: mse.ts does not export a function named mse", "returned a
 * Promise (is the function async?), which cannot be copied back", "mse.ts failed to load: …", the
 * file's time budget. The per-call time limit is the page's: it stops this worker when a call runs
 * too long (check-runner.ts) and a fresh worker resumes with that call's outcome in `skip`.
 */
import type { CallOptions, CheckContext, Outcome } from '../../grade/api/grader';
import { seconds } from '../../shared/time';
import { moduleLoader, type Module } from './modules';

/** A thrown value as the sandbox reports it: "TypeError: x is not a function". */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'function') return 'a non-error value: a function';
  let text: string;
  try {
    text = typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    text = Object.prototype.toString.call(error);
  }
  return `a non-error value: ${text.slice(0, 200)}`;
}

function describeUncloneable(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (value instanceof Promise) return 'a Promise (is the function async?)';
  if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') return 'a Promise-like object with a then method';
  return 'an object that contains functions or other values that cannot be copied';
}

/** A returned value copied back, or the problem the sandbox would report. */
function copyBack(value: unknown): Outcome {
  if (typeof value === 'function' || typeof value === 'symbol' || value instanceof Promise
    || (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function')) {
    return { ok: false, problem: `returned ${describeUncloneable(value)}, which cannot be copied back` };
  }
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    return { ok: false, problem: `returned ${describeUncloneable(value)}, which cannot be copied back` };
  }
}

export interface ContextOptions {
  /** The exercise's file name (`mse.ts`). */
  file: string;
  /** The exercise files, name (without .ts) → TypeScript. */
  sources: Record<string, string>;
  /** The grader's driver module, if it has one. */
  drivers?: Module;
  seed: number;
  callTimeoutMs: number;
  budgetMs: number;
  /** Time left of the budget when this worker started (the budget started in an earlier one). */
  budgetLeftMs?: number;
  /** Set when an earlier worker could not load the file. */
  loadProblem?: string;
  /** Called before and after each call into the student's code (the page's watchdog). */
  onCall(limitMs: number): void;
  onReturn(): void;
}

export class BrowserCheckContext implements CheckContext {
  readonly seed: number;
  /** Every problem the submission caused, in order (the report's `problem` is a check's first). */
  readonly problems: string[] = [];
  /** Outcomes of calls of the current check decided by an earlier worker (call number → problem). */
  skip: Record<number, string> = {};
  /** Calls made by the current check. */
  calls = 0;
  private exports: Module | undefined;
  private loadProblem: string | undefined;
  private deadline: number | undefined;

  constructor(private readonly o: ContextOptions) {
    this.seed = o.seed;
    this.loadProblem = o.loadProblem;
  }

  /** Loads the exercise file and its imports (once); undefined when it loaded. */
  load(): string | undefined {
    if (this.exports !== undefined || this.loadProblem !== undefined) return this.loadProblem;
    const name = this.o.file.replace(/\.ts$/, '');
    if (this.o.sources[name] === undefined) return (this.loadProblem = `could not run: ${this.o.file} was not found`);
    try {
      const load = moduleLoader(this.o.sources, () => undefined, (spec, from) =>
        `${from}.ts imports "${spec}", but exercise files may only import each other (for example './gradient-descent')`);
      this.exports = load(name);
    } catch (error) {
      const syntax = error instanceof SyntaxError && !/^syntax error/.test(error.message);
      const why = syntax ? `SyntaxError: syntax error at ${this.o.file}: ${error.message}` : describeThrown(error);
      this.loadProblem = `${this.o.file} failed to load: ${why}`;
    }
    if (this.loadProblem === undefined) this.deadline = performance.now() + (this.o.budgetLeftMs ?? this.o.budgetMs);
    return this.loadProblem;
  }

  call(name: string, args: unknown[], options?: CallOptions): Promise<Outcome> {
    return Promise.resolve(this.limited((exports) => {
      const fn = exports[name];
      if (typeof fn !== 'function') return { ok: false, problem: `could not run: ${this.o.file} does not export a function named ${name}` };
      return copyBack(Reflect.apply(fn, undefined, structuredClone(args)));
    }, options));
  }

  drive(name: string, arg: unknown, options?: CallOptions): Promise<Outcome> {
    return Promise.resolve(this.limited((exports) => {
      const driver = this.o.drivers?.[name];
      if (typeof driver !== 'function') throw new Error(`grader bug: no driver named ${name}`);
      return copyBack(driver(exports, structuredClone(arg)));
    }, options));
  }

  private limited(request: (exports: Module) => Outcome, options?: CallOptions): Outcome {
    const outcome = this.budgeted(request, options);
    if (!outcome.ok) this.problems.push(outcome.problem);
    return outcome;
  }

  /** session.ts's budget and time-out wording, with the call run here (or decided by an earlier worker). */
  private budgeted(request: (exports: Module) => Outcome, options?: CallOptions): Outcome {
    const n = this.calls++;
    const problem = this.load();
    if (problem !== undefined) return { ok: false, problem };
    const left = this.deadline! - performance.now();
    if (left <= 0) return { ok: false, problem: `not run: ${this.o.file} used up its time budget of ${seconds(this.o.budgetMs)}` };
    const wanted = options?.timeoutMs ?? this.o.callTimeoutMs;
    const limit = Math.max(1, Math.floor(Math.min(wanted, left)));
    let outcome: Outcome;
    if (Object.prototype.hasOwnProperty.call(this.skip, n)) {
      outcome = { ok: false, problem: this.skip[n] };
    } else {
      this.o.onCall(limit);
      try {
        outcome = request(this.exports!);
      } catch (error) {
        const missing = error instanceof Error && error.name === 'MissingExport';
        outcome = { ok: false, problem: missing ? `could not run: ${error.message}` : `threw ${describeThrown(error)}` };
      } finally {
        this.o.onReturn();
      }
    }
    if (!outcome.ok && left < wanted && outcome.problem.startsWith('timed out')) {
      return { ok: false, problem: `timed out: ${this.o.file} used up its time budget of ${seconds(this.o.budgetMs)}` };
    }
    return outcome;
  }
}
