/**
 * Grader for exercises/gradient-descent.ts (chapter 03-gradient-descent). Oracles: the update
 * x ← x − lr·∇f(x) computed here, PyTorch's SGD trajectories and PyTorch's gradient of
 * mse(Xw + b, y) from test/fixtures/torch-cases.json.
 */
import path from 'path';
import * as vitest from 'vitest';
import { checkClose, expectThat, fail, receive } from '../../kit/grade/expect';
import { CheckContext, defineGrader } from '../../kit/grade/grader';
import { arrayOf, bool, formatCall, formatInput, num, numbers, record } from '../../kit/grade/plain';
import torch from '../fixtures/torch-cases.json';
import type { Problem, TrajectoryArgs } from './drivers/gradient-descent';

const QUADRATIC: Problem = { kind: 'quadratic', a: [1, 4], c: [-1, 2] };
const describeProblem = (p: Problem): string =>
  p.kind === 'quadratic' ? `∇f(x) = a·x + c with a = ${formatInput(p.a)}, c = ${formatInput(p.c)}` : '∇f of the Rosenbrock function';

function gradient(problem: Problem, x: number[]): number[] {
  if (problem.kind === 'quadratic') return x.map((xi, i) => problem.a[i] * xi + problem.c[i]);
  const [u, v] = x;
  return [-2 * (1 - u) - 400 * u * (v - u * u), 200 * (v - u * u)];
}

/** The oracle trajectory; `sign` −1 gives gradient ascent (for hints), `lrUsed` a wrong step size. */
function descend(args: TrajectoryArgs, sign = 1, lrUsed = args.lr): number[][] {
  const points = [args.x0.slice()];
  let x = args.x0.slice();
  for (let t = 0; t < args.steps; t++) {
    const g = gradient(args.problem, x);
    x = x.map((xi, i) => xi - sign * lrUsed * g[i]);
    points.push(x);
  }
  return points;
}

const inputOf = (a: TrajectoryArgs): string =>
  `gradientDescent(${describeProblem(a.problem)}, x0 = ${formatInput(a.x0)}, lr = ${a.lr}, steps = ${a.steps})`;

const observation = record({ distinctPoints: bool, containsX0: bool, x0After: numbers(), gradCalls: num });

async function run(t: CheckContext, args: TrajectoryArgs) {
  const input = inputOf(args);
  const outcome = await t.drive('trajectory', args);
  const obs = receive(outcome, observation, { input });
  const raw = (outcome as { value: { result: unknown; resultProblem?: string } }).value;
  if (typeof raw.resultProblem === 'string') fail({ input, problem: raw.resultProblem });
  const points = receive({ ok: true, value: raw.result }, arrayOf(numbers(args.x0.length)), {
    input,
    expected: `an array of ${args.steps + 1} points, each an array of ${args.x0.length} numbers`,
  });
  return { input, points, obs };
}

export default defineGrader(
  vitest,
  { exercise: 'gradient-descent', chapter: '03-gradient-descent', drivers: path.join(__dirname, 'drivers', 'gradient-descent.ts') },
  ({ graded }) => {
    graded('gradientDescent returns steps + 1 points, x0 first', 2, async (t) => {
      const args: TrajectoryArgs = { problem: QUADRATIC, x0: [1, -2], lr: 0.1, steps: 5 };
      const { input, points } = await run(t, args);
      const expected = descend(args);
      const n = points.length;
      if (n !== args.steps + 1) {
        const startsAtX1 = n > 0 && points[0].every((v, i) => Math.abs(v - expected[1][i]) < 1e-12);
        fail({
          input,
          expected: `${args.steps + 1} points (x0 and one per step)`,
          received: `${n} points`,
          hint:
            n === args.steps && startsAtX1
              ? 'x0 is missing: the trajectory starts with x0 itself'
              : n === args.steps
                ? 'one step short: run the loop `steps` times and keep x0 as the first point'
                : n === args.steps + 2
                  ? 'one point too many'
                  : undefined,
        });
      }
      checkClose(points[0], expected[0], {
        input: `${input}, first point`,
        hints: [
          [expected[1], 'the first point must be x0 itself, before any step'],
          [expected[args.steps], 'the first point equals the last one: are all points the same array? push a new array for every point'],
        ],
      });
    });

    graded('each step is x − lr·∇f(x)', 2, async (t) => {
      const args: TrajectoryArgs = { problem: QUADRATIC, x0: [1, -2], lr: 0.1, steps: 5 };
      const { input, points } = await run(t, args);
      checkClose(points, descend(args), {
        input,
        hints: [
          [descend(args, -1), 'that is gradient ascent: subtract lr·∇f(x), do not add it'],
          [descend(args, 1, 1), 'the learning rate is missing: step by lr·∇f(x)'],
          [descend(args).map(() => descend(args)[args.steps]), 'every point equals the last one: all points are the same array; push a new array for every point'],
        ],
      });
    });

    graded('gradientDescent matches PyTorch SGD', 1, async (t) => {
      for (const c of torch.optim) {
        if (c.optimizer !== 'SGD' || Object.keys(c.options).length !== 1) continue;
        const quadratic = c.problem === 'quadratic';
        const x0 = (quadratic ? (c.x0 as number[][])[0] : c.x0) as number[];
        const problem: Problem = quadratic ? { kind: 'quadratic', a: c.a as number[], c: c.c as number[] } : { kind: 'rosenbrock' };
        const args: TrajectoryArgs = { problem, x0, lr: c.options.lr, steps: c.steps };
        const { input, points } = await run(t, args);
        expectThat(points.length === c.steps + 1, { input, expected: `${c.steps + 1} points`, received: `${points.length} points` });
        for (const [step, value] of Object.entries(c.checkpoints)) {
          const expected = (quadratic ? (value as number[][])[0] : value) as number[];
          checkClose(points[Number(step)], expected, { input: `${input}, point ${step}`, tol: { rel: 1e-7, abs: 1e-12 } });
        }
      }
    });

    graded('every point is a new array and x0 is not modified', 2, async (t) => {
      const args: TrajectoryArgs = { problem: QUADRATIC, x0: [3, 1], lr: 0.05, steps: 4 };
      const { input, obs } = await run(t, args);
      expectThat(obs.distinctPoints, {
        input,
        problem: 'some points of the trajectory are the same array',
        hint: 'push a new array for every point (e.g. x = x.map(…), or trajectory.push(x.slice())), otherwise changing one point changes the others',
      });
      expectThat(!obs.containsX0, {
        input,
        problem: 'the first point is the x0 array itself',
        hint: 'start the trajectory with a copy of x0 (x0.slice())',
      });
      checkClose(obs.x0After, args.x0, { input: `${input}: x0 after the call`, hints: [[descend(args)[args.steps], 'x0 was updated in place: work on a copy']] });
    });

    graded('steps = 0 gives [x0]', 1, async (t) => {
      const args: TrajectoryArgs = { problem: QUADRATIC, x0: [0.5, 0.25], lr: 0.1, steps: 0 };
      const { input, points } = await run(t, args);
      checkClose(points, [args.x0], { input });
    });

    const X = [[1, 2], [0, -1], [3, 1]];
    const y = [1, 0, 2];
    const w = [0.5, -0.5];
    const b = 0.1;
    const gradientOf = (Xs: number[][], ys: number[], ws: number[], bs: number) => {
      const r = Xs.map((row, i) => row.reduce((s, v, j) => s + v * ws[j], bs) - ys[i]);
      const n = Xs.length;
      return { dw: ws.map((_, j) => (2 / n) * r.reduce((s, ri, i) => s + ri * Xs[i][j], 0)), db: (2 / n) * r.reduce((s, ri) => s + ri, 0), n };
    };

    graded('linearRegressionGradient on a small example', 2, async (t) => {
      const input = formatCall('linearRegressionGradient', [X, y, w, b]);
      const got = receive(await t.call('linearRegressionGradient', [X, y, w, b]), record({ dw: numbers(w.length), db: num }), { input });
      const e = gradientOf(X, y, w, b);
      const variants: Array<[number, string]> = [
        [-1, 'the sign is flipped: the residual is ŷ − y (prediction minus target)'],
        [0.5, 'the factor 2 from differentiating the square is missing'],
        [e.n, 'did you forget to divide by n?'],
        [e.n / 2, 'both the factor 2 and the 1/n are missing'],
      ];
      checkClose(got.dw, e.dw, { input: `${input}.dw`, hints: variants.map(([k, h]) => [e.dw.map((v) => v * k), h] as const) });
      checkClose(got.db, e.db, { input: `${input}.db`, hints: variants.map(([k, h]) => [e.db * k, h] as const) });
    });

    graded('linearRegressionGradient matches PyTorch on random data', 2, async (t) => {
      const g = torch.graphs.find((c) => c.name === 'mse_linear')!;
      const inputs = g.inputs as { X: number[][]; w: number[][]; b: number[]; y: number[][] };
      const grads = g.grads as { w: number[][]; b: number[] };
      const args = [inputs.X, inputs.y.map((r) => r[0]), inputs.w.map((r) => r[0]), inputs.b[0]];
      const input = formatCall('linearRegressionGradient', args);
      const got = receive(await t.call('linearRegressionGradient', args), record({ dw: numbers(3), db: num }), { input });
      checkClose(got.dw, grads.w.map((r) => r[0]), { input: `${input}.dw` });
      checkClose(got.db, grads.b[0], { input: `${input}.db` });
    });
  },
);
