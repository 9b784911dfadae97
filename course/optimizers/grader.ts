/**
 * Grader for exercises/optimizers.ts (chapter 07-optimizers). Every check compares trajectories
 * with torch.optim's (cases.json): on a quadratic and on the Rosenbrock
 * function, and on given gradients for the options, the defaults (tiny gradients show where ε
 * goes), the state kept by each optimizer and the arrays a step must not touch. A step that
 * returns its params unchanged, or forgets its state, fails every one of them. Known mistakes
 * (precomputed beside the expected values) name themselves in the hints.
 */
import { anything, arrayOf, bool, checkClose, CheckContext, deepClose, defineGrader, entry, exactly, expectThat, fail, formatInput, Hint, matrix, optional, receive, record, str, Tolerance } from '../../kit/grade/api';
import messages, { type OptimizersMessages as M } from './messages';
import fixture from './cases.json';
import type { Problem, RunArgs } from './drivers';

type Points = number[][];
/** A run of torch.optim: on given gradients (every point) or on a problem (checkpoints). */
interface Run {
  factory: string;
  options: Record<string, number | number[]>;
  x0: number[];
  steps: number;
  grads?: number[][];
  problem?: Problem;
  points?: Points;
  checkpoints?: Record<string, number[]>;
  mistakes: Record<string, Points | Record<string, number[]>>;
}
const CASES = fixture as unknown as { torch: Run[]; runs: Record<string, Run> };
const run = (name: string): Run => entry(CASES.runs, name, 'optimizer run');
const torchRuns = (factory: string): readonly Run[] => exactly(CASES.torch.filter((c) => c.factory === factory), 2, `PyTorch runs of ${factory}`);

const observation = record({
  trajectory: arrayOf(arrayOf(anything)),
  stopped: optional(str),
  mutatedParams: bool,
  mutatedGrads: bool,
  returnedParams: bool,
});

const argsOf = (r: Run): RunArgs => ({ factory: r.factory, options: { ...r.options }, x0: r.x0, steps: r.steps, ...(r.grads !== undefined ? { grads: r.grads } : { problem: r.problem }) });

const FACTORIES = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];

/** The helpers of the checks, speaking the student's language (m: this exercise's messages). */
function helpers(m: M) {
  function describeRun(a: RunArgs): string {
    const source = a.grads !== undefined ? `grads ${formatInput(a.grads)}` : a.problem!.kind === 'quadratic' ? m.text.quadratic : m.text.rosenbrock;
    return m.text.run(`step = ${a.factory}(${JSON.stringify(a.options)})`, a.steps, formatInput(a.x0), source);
  }

  function validRun(input: string, obs: { trajectory: unknown[][]; stopped?: string }, args: RunArgs): Points {
    if (obs.stopped !== undefined) fail({ input, problem: obs.stopped });
    return receive({ ok: true, value: obs.trajectory }, matrix(args.steps + 1, args.x0.length), { input, expected: m.text.points(args.steps + 1, args.x0.length) });
  }

  async function drive(t: CheckContext, args: RunArgs) {
    const input = describeRun(args);
    const obs = receive(await t.drive('run', args), observation, { input });
    return { input, obs, points: validRun(input, obs, args) };
  }

  const HINTS: Record<string, string> = m.mistakes;

  /** The student's points against torch's, at every step (given gradients) or at the checkpoints. */
  function compare(input: string, got: Points, r: Run, tol?: Tolerance): void {
    const expected: Array<[number, number[]]> =
      r.points !== undefined ? r.points.map((p, k) => [k, p]) : Object.entries(r.checkpoints ?? {}).map(([k, p]) => [Number(k), p]);
    if (expected.length === 0) throw new Error(`grader fixture: the ${r.factory} run has no expected points`);
    for (const [k, e] of expected) {
      const hints: Array<Hint<number[]>> = Object.entries(r.mistakes).flatMap(([m, traj]) => {
        const at = Array.isArray(traj) ? traj[k] : traj[String(k)];
        return at === undefined || HINTS[m] === undefined ? [] : [[at, HINTS[m]] as const];
      });
      if (k > 0) {
        hints.unshift((received) => (deepClose(received, got[k - 1]) ? m.hints.unchanged(k) : undefined));
      }
      checkClose(got[k], e, { input: `${input}: ${m.text.after(k)}`, hints, tol });
    }
  }

  /** Torch's tolerance over many steps (a few ulps per step add up; DEVELOPERS.md, "Numbers match PyTorch"). */
  const LONG_RUN = { rel: 1e-7, abs: 1e-12 };

  async function againstTorch(t: CheckContext, factory: string): Promise<void> {
    for (const r of torchRuns(factory)) {
      const { input, points } = await drive(t, argsOf(r));
      compare(input, points, r, LONG_RUN);
    }
  }

  async function againstRun(t: CheckContext, name: string): Promise<void> {
    const r = run(name);
    const { input, points } = await drive(t, argsOf(r));
    compare(input, points, r);
  }

  return { describeRun, validRun, drive, compare, againstTorch, againstRun };
}

export default defineGrader(messages, ({ graded }, m) => {
    const { checks } = m;
    const { describeRun, validRun, drive, compare, againstTorch, againstRun } = helpers(m);
    graded(checks.sgd, 1, (t) => againstTorch(t, 'sgd'));

    graded(checks.momentum, 2, (t) => againstTorch(t, 'momentum'));

    graded(checks.nesterov, 2, (t) => againstTorch(t, 'nesterov'));

    graded(checks.mu, 1, async (t) => {
      await againstRun(t, 'momentum μ = 0.5');
      await againstRun(t, 'nesterov μ = 0.5');
    });

    graded(checks.adagrad, 2, (t) => againstTorch(t, 'adagrad'));

    graded(checks.adagradEps, 1, async (t) => {
      await againstRun(t, 'adagrad tiny');
      await againstRun(t, 'adagrad eps');
    });

    graded(checks.rmsprop, 2, (t) => againstTorch(t, 'rmsprop'));

    graded(checks.rmspropOptions, 1, async (t) => {
      await againstRun(t, 'rmsprop options');
      await againstRun(t, 'rmsprop tiny');
    });

    graded(checks.adam, 2, (t) => againstTorch(t, 'adam'));

    graded(checks.adamOptions, 2, async (t) => {
      await againstRun(t, 'adam options');
      await againstRun(t, 'adam tiny');
    });

    graded(checks.state, 1, async (t) => {
      for (const name of ['momentum', 'adam']) {
        const a = run(`${name} first`);
        const b = run(`${name} second`);
        const input = m.text.interleaved(`${name}(${JSON.stringify(a.options)})`);
        const out = receive(await t.drive('interleaved', { a: argsOf(a), b: argsOf(b) }), record({ a: observation, b: observation }), { input });
        for (const [label, r, obs] of [[m.text.first, a, out.a], [m.text.second, b, out.b]] as const) {
          const args = argsOf(r);
          const where = `${input}: ${label} (${describeRun(args)})`;
          const points = validRun(where, obs, args);
          if (!deepClose(points, r.points)) {
            const alone = await drive(t, args);
            if (deepClose(alone.points, r.points)) {
              fail({ input: where, problem: m.text.sharedState, hint: m.hints.sharedState });
            }
          }
          compare(where, points, r);
        }
      }
    });

    graded(checks.copies, 2, async (t) => {
      for (const name of FACTORIES) {
        const r = run(`${name} 3 steps`);
        const { input, obs, points } = await drive(t, argsOf(r));
        expectThat(!obs.mutatedParams, { input, problem: m.text.mutatedParams, hint: m.hints.mutatedParams });
        expectThat(!obs.mutatedGrads, { input, problem: m.text.mutatedGrads, hint: m.hints.mutatedGrads });
        expectThat(!obs.returnedParams, { input, problem: m.text.returnedParams, hint: m.hints.returnedParams });
        compare(input, points, r);
      }
    });
  },
);
