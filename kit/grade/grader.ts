/**
 * How a grader is written. A file in test/graders/ is a vitest suite and, at the same time, a
 * plain definition the engine runs itself:
 *
 *   import * as vitest from 'vitest';
 *   import { defineGrader } from '../../kit/grade/grader';
 *   export default defineGrader(vitest, { exercise: 'mse', chapter: '01-mse' }, ({ graded }) => {
 *     graded('mse averages the squared errors', 2, async (t) => {
 *       expectClose(await t.call('mse', [[1, 2, 3], [1, 2, 5]]), 4 / 3, { input: 'mse([1, 2, 3], [1, 2, 5])' });
 *     });
 *   });
 *
 * Under vitest every `graded` check becomes a test with its points in `task.meta.points`, grading
 * the folder in $DESCENT_GRADE_DIR (default exercises/). The engine loads the same file with a
 * vitest shim and registers nothing. Checks never touch student code directly: `t.call` and
 * `t.drive` cross the isolation boundary and return plain data (an Outcome).
 */
import type { Outcome } from './expect';

export interface CallOptions {
  /** Time limit of this call in ms (default: the sandbox's per-call limit). */
  timeoutMs?: number;
}

/** What a check can do: call the submission's exports and run drivers, always through the boundary. */
export interface CheckContext {
  /** Calls `name(...args)` exported by the exercise file, with plain-data arguments. */
  call(name: string, args: unknown[], options?: CallOptions): Promise<Outcome>;
  /** Runs the driver `name(exports, arg)` from the grader's driver module next to the student's code. */
  drive(name: string, arg: unknown, options?: CallOptions): Promise<Outcome>;
  /** Seed for randomized cases. */
  readonly seed: number;
}

export interface Check {
  name: string;
  points: number;
  run: (t: CheckContext) => Promise<void> | void;
}

export interface GraderMeta {
  /** Exercise name: the file is `${exercise}.ts`. */
  exercise: string;
  /** Notebook chapter, e.g. '01-mse' (also the order of the report). */
  chapter: string;
  /** Absolute path of the driver module (TypeScript) run next to the student's code. */
  drivers?: string;
}

export interface GraderSpec extends GraderMeta {
  kind: 'descent-grader';
  file: string;
  checks: Check[];
}

export interface GraderBuilder {
  /** Declares a check worth `points`; it passes unless `run` throws. */
  graded(name: string, points: number, run: (t: CheckContext) => Promise<void> | void): void;
}

interface VitestLike {
  describe: (name: string, fn: () => void) => void;
  test: (name: string, options: { meta?: Record<string, unknown>; timeout?: number }, fn: () => Promise<void>) => void;
  beforeAll: (fn: () => unknown, timeout?: number) => void;
  afterAll: (fn: () => unknown) => void;
}

function isRealVitest(v: unknown): v is VitestLike {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.describe === 'function' && typeof o.test === 'function' && typeof o.beforeAll === 'function';
}

/** Time a single vitest test may take (the engine uses the per-file budget instead). */
const VITEST_TEST_TIMEOUT_MS = 120_000;

export function defineGrader(vitest: unknown, meta: GraderMeta, body: (g: GraderBuilder) => void): GraderSpec {
  if (!/^[a-z0-9-]+$/.test(meta.exercise)) {
    throw new RangeError(`defineGrader: exercise must be a file name without .ts, received ${JSON.stringify(meta.exercise)}`);
  }
  const spec: GraderSpec = { kind: 'descent-grader', ...meta, file: `${meta.exercise}.ts`, checks: [] };
  body({
    graded(name, points, run) {
      if (!(points > 0)) throw new RangeError(`graded: points must be > 0, received ${points} for "${name}"`);
      if (spec.checks.some((c) => c.name === name)) throw new RangeError(`graded: duplicate check name "${name}"`);
      spec.checks.push({ name, points, run });
    },
  });
  if (isRealVitest(vitest)) registerWithVitest(vitest, spec);
  return spec;
}

/** Under vitest: one describe per exercise file, one test per check, sharing one session. */
function registerWithVitest(v: VitestLike, spec: GraderSpec): void {
  type SessionModule = typeof import('./session');
  type PathsModule = typeof import('./paths');
  let session: InstanceType<SessionModule['ExerciseSession']> | undefined;
  let runCheck: SessionModule['runCheck'] | undefined;
  v.describe(spec.file, () => {
    v.beforeAll(async () => {
      const sessions: SessionModule = await import('./session');
      const paths: PathsModule = await import('./paths');
      runCheck = sessions.runCheck;
      session = new sessions.ExerciseSession(spec, { dir: paths.gradeDirFromEnv(), seed: paths.seedFromEnv() });
    }, 60_000);
    v.afterAll(() => session?.dispose());
    for (const check of spec.checks) {
      const label = `${check.name} (${check.points} pt${check.points === 1 ? '' : 's'})`;
      v.test(label, { meta: { points: check.points, exercise: spec.exercise }, timeout: VITEST_TEST_TIMEOUT_MS }, async () => {
        const verdict = await runCheck!(check, session!);
        if (!verdict.passed) throw new Error(`\n${verdict.feedback}`);
      });
    }
  });
}
