/**
 * Grader for exercises/gradient-descent.ts (chapter 03-gradient-descent). Behaviour first: the
 * driver records every call of ∇f, so each step is checked where it happens — ∇f called at xₜ,
 * then xₜ₊₁ = xₜ − η·∇f(xₜ) — and a function that never calls the gradient, or calls it once,
 * earns nothing. Whole trajectories and the gradients of linear regression are compared with
 * PyTorch's (torch.optim.SGD and autograd) in cases.json.
 */
import { arrayOf, bool, checkClose, CheckContext, deepClose, defineGrader, exactly, expectThat, fail, formatCall, formatInput, formatValue, Hint, num, numbers, receive, record } from '../../kit/grade/api';
import fixture from './cases.json';
import type { Problem, TrajectoryArgs } from './drivers';

interface TrajectoryCase {
  problem: { kind: string; a?: number[]; c?: number[] };
  x0: number[];
  lr: number;
  steps: number;
  points: number[][];
  /** Known mistakes' trajectories, for hints (left out where they overflow). */
  mistakes: { ascent?: number[][]; lrOne?: number[][] };
}

const argsOf = (c: TrajectoryCase): TrajectoryArgs => ({ problem: c.problem as Problem, x0: c.x0, lr: c.lr, steps: c.steps });

const describeProblem = (p: Problem): string =>
  p.kind === 'quadratic' ? `∇f(x) = a·x + c with a = ${formatInput(p.a)}, c = ${formatInput(p.c)}` : '∇f of the Rosenbrock function';

const inputOf = (a: TrajectoryArgs): string =>
  `gradientDescent(${describeProblem(a.problem)}, x0 = ${formatInput(a.x0)}, lr = ${a.lr}, steps = ${a.steps})`;

const observation = record({ distinctPoints: bool, containsX0: bool, x0After: numbers(), calls: arrayOf(record({ x: numbers(), g: numbers() })) });
type Call = { x: number[]; g: number[] };

/** Runs gradientDescent in the sandbox; the trajectory must be steps + 1 points of d numbers. */
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

const EXACT = { rel: 1e-12, abs: 0 };

/**
 * The behaviour every check relies on, verified step by step on the student's own points:
 * steps + 1 points starting at x0, ∇f called at every xₜ (t < steps), and each next point
 * xₜ₊₁ = xₜ − η·∇f(xₜ) with the gradient ∇f returned at that call.
 */
function checkDescent(input: string, args: TrajectoryArgs, points: number[][], calls: Call[]): void {
  const n = points.length;
  if (n !== args.steps + 1) {
    const startsAtX1 = n > 0 && calls.length > 0 && deepClose(points[0], calls[0].x.map((v, i) => v - args.lr * calls[0].g[i]));
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
  checkClose(points[0], args.x0, { input: `${input}, first point`, hints: [() => 'the first point must be x0 itself, before any step'] });
  if (args.steps > 0 && calls.length === 0) {
    fail({ input, problem: 'grad was never called', hint: 'each step needs the gradient at the current point: g = grad(x), then x − lr·g' });
  }
  for (let k = 0; k < args.steps; k++) {
    const call = calls.find((c) => deepClose(c.x, points[k], EXACT));
    if (call === undefined) {
      const onlyX0 = calls.every((c) => deepClose(c.x, args.x0, EXACT));
      fail({
        input,
        problem: `grad was never called at point ${k} (${formatInput(points[k])}); it was called ${calls.length} time(s), at ${formatInput(calls.map((c) => c.x))}`,
        hint: onlyX0 ? 'the gradient was only taken at x0: call grad(x) inside the loop, at every new point' : 'take the gradient at the current point xₜ, then step from xₜ',
      });
    }
    const expected = points[k].map((v, i) => v - args.lr * call.g[i]);
    const hints: Array<Hint<number[]>> = [
      [points[k].map((v, i) => v + args.lr * call.g[i]), 'that is gradient ascent: subtract lr·∇f(x), do not add it'],
      [points[k].map((v, i) => v - call.g[i]), 'the learning rate is missing: step by lr·∇f(x)'],
      [points[k], 'the point did not move: xₜ₊₁ = xₜ − lr·∇f(xₜ)'],
    ];
    checkClose(points[k + 1], expected, {
      input: `${input}: point ${k + 1} = x_${k} − lr·∇f(x_${k}), with x_${k} = ${formatValue(points[k])} and ∇f(x_${k}) = ${formatValue(call.g)}`,
      hints,
    });
  }
}

async function descend(t: CheckContext, c: TrajectoryCase) {
  const args = argsOf(c);
  const r = await run(t, args);
  checkDescent(r.input, args, r.points, r.obs.calls);
  return r;
}

const regressionInput = (c: { X: number[][]; y: number[]; w: number[]; b: number }): string => formatCall('linearRegressionGradient', [c.X, c.y, c.w, c.b]);

export default defineGrader(({ graded }) => {
    graded('gradientDescent returns steps + 1 points, x0 first', 2, async (t) => {
      await descend(t, fixture.basic);
    });

    graded('each step calls ∇f at xₜ and moves to xₜ − η·∇f(xₜ)', 2, async (t) => {
      const c: TrajectoryCase = fixture.basic;
      const { input, points } = await descend(t, c);
      checkClose(points, c.points, {
        input,
        hints: [
          [c.mistakes.ascent ?? [], 'that is gradient ascent: subtract lr·∇f(x), do not add it'],
          [c.mistakes.lrOne ?? [], 'the learning rate is missing: step by lr·∇f(x)'],
        ],
      });
    });

    graded('gradientDescent matches PyTorch SGD', 1, async (t) => {
      for (const c of exactly<TrajectoryCase>(fixture.torch, 2, 'PyTorch SGD trajectories')) {
        const { input, points } = await descend(t, c);
        checkClose(points, c.points, { input, tol: { rel: 1e-7, abs: 1e-12 } });
      }
    });

    graded('every point is a new array and x0 is not modified', 2, async (t) => {
      const c: TrajectoryCase = fixture.copies;
      const { input, obs } = await descend(t, c);
      expectThat(obs.distinctPoints, {
        input,
        problem: 'some points of the trajectory are the same array',
        hint: 'push a new array for every point (e.g. x = x.map(…), or trajectory.push(x.slice())), otherwise changing one point changes the others',
      });
      expectThat(!obs.containsX0, { input, problem: 'the first point is the x0 array itself', hint: 'start the trajectory with a copy of x0 (x0.slice())' });
      checkClose(obs.x0After, c.x0, { input: `${input}: x0 after the call`, hints: [[c.points[c.steps], 'x0 was updated in place: work on a copy']] });
    });

    graded('steps = 0 gives [x0]; steps = 1 and 3 give one more point per step', 1, async (t) => {
      for (const c of exactly<TrajectoryCase>(fixture.short, 3, 'short runs')) {
        const { input, points } = await descend(t, c);
        checkClose(points, c.points, { input });
      }
    });

    graded('linearRegressionGradient on small examples', 2, async (t) => {
      for (const c of exactly(fixture.linearRegression, 2, 'small regression examples')) {
        const input = regressionInput(c);
        const got = receive(await t.call('linearRegressionGradient', [c.X, c.y, c.w, c.b]), record({ dw: numbers(c.w.length), db: num }), { input });
        const n = c.X.length;
        const variants: Array<[number, string]> = [
          [-1, 'the sign is flipped: the residual is ŷ − y (prediction minus target)'],
          [0.5, 'the factor 2 from differentiating the square is missing'],
          [n, 'did you forget to divide by n?'],
          [n / 2, 'both the factor 2 and the 1/n are missing'],
        ];
        checkClose(got.dw, c.dw, { input: `${input}.dw`, hints: variants.map(([k, h]) => [c.dw.map((v) => v * k), h] as const) });
        checkClose(got.db, c.db, { input: `${input}.db`, hints: variants.map(([k, h]) => [c.db * k, h] as const) });
      }
    });

    graded('linearRegressionGradient matches PyTorch on random data', 2, async (t) => {
      for (const c of exactly(fixture.linearRegressionTorch, 3, 'PyTorch regression cases')) {
        const input = regressionInput(c);
        const got = receive(await t.call('linearRegressionGradient', [c.X, c.y, c.w, c.b]), record({ dw: numbers(c.w.length), db: num }), { input });
        checkClose(got.dw, c.dw, { input: `${input}.dw` });
        checkClose(got.db, c.db, { input: `${input}.db` });
      }
    });
  },
);
