/**
 * Grader for exercises/gradient-descent.ts (chapter 03-gradient-descent). Behaviour first: the
 * driver records every call of ∇f, so each step is checked where it happens — ∇f called at xₜ,
 * then xₜ₊₁ = xₜ − η·∇f(xₜ) — and a function that never calls the gradient, or calls it once,
 * earns nothing. Whole trajectories and the gradients of linear regression are compared with
 * PyTorch's (torch.optim.SGD and autograd) in cases.json.
 */
import { type Text, arrayOf, bool, checkClose, CheckContext, deepClose, defineGrader, exactly, expectThat, fail, formatCall, formatInput, formatValue, Hint, num, numbers, receive, record } from '../../kit/grade/api';
import fixture from './cases.json';
import type { Problem, TrajectoryArgs } from './drivers';
import messages, { type GradientDescentMessages as M } from './messages';

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

const describeProblem = (m: M, p: Problem): string =>
  p.kind === 'quadratic' ? m.text.quadratic(formatInput(p.a), formatInput(p.c)) : m.text.rosenbrock;

const inputOf = (m: M, a: TrajectoryArgs): string =>
  `gradientDescent(${describeProblem(m, a.problem)}, x0 = ${formatInput(a.x0)}, lr = ${a.lr}, steps = ${a.steps})`;

const observation = record({ distinctPoints: bool, containsX0: bool, x0After: numbers(), calls: arrayOf(record({ x: numbers(), g: numbers() })) });
type Call = { x: number[]; g: number[] };

/** Runs gradientDescent in the sandbox; the trajectory must be steps + 1 points of d numbers. */
async function run(m: M, t: CheckContext, args: TrajectoryArgs) {
  const input = inputOf(m, args);
  const outcome = await t.drive('trajectory', args);
  const obs = receive(outcome, observation, { input });
  const raw = (outcome as { value: { result: unknown; resultProblem?: string } }).value;
  if (typeof raw.resultProblem === 'string') fail({ input, problem: raw.resultProblem });
  const points = receive({ ok: true, value: raw.result }, arrayOf(numbers(args.x0.length)), {
    input,
    expected: m.text.trajectoryShape(args.steps + 1, args.x0.length),
  });
  return { input, points, obs };
}

const EXACT = { rel: 1e-12, abs: 0 };

/**
 * The behaviour every check relies on, verified step by step on the student's own points:
 * steps + 1 points starting at x0, ∇f called at every xₜ (t < steps), and each next point
 * xₜ₊₁ = xₜ − η·∇f(xₜ) with the gradient ∇f returned at that call.
 */
function checkDescent(m: M, input: string, args: TrajectoryArgs, points: number[][], calls: Call[]): void {
  const n = points.length;
  if (n !== args.steps + 1) {
    const startsAtX1 = n > 0 && calls.length > 0 && deepClose(points[0], calls[0].x.map((v, i) => v - args.lr * calls[0].g[i]));
    fail({
      input,
      expected: m.text.pointCount(args.steps + 1),
      received: m.text.points(n),
      hint:
        n === args.steps && startsAtX1
          ? m.hints.x0Missing
          : n === args.steps
            ? m.hints.oneShort
            : n === args.steps + 2
              ? m.hints.oneTooMany
              : undefined,
    });
  }
  checkClose(points[0], args.x0, { input: `${input}, ${m.text.firstPoint}`, hints: [() => m.hints.firstIsX0] });
  if (args.steps > 0 && calls.length === 0) {
    fail({ input, problem: m.text.neverCalled, hint: m.hints.neverCalled });
  }
  for (let k = 0; k < args.steps; k++) {
    const call = calls.find((c) => deepClose(c.x, points[k], EXACT));
    if (call === undefined) {
      const onlyX0 = calls.every((c) => deepClose(c.x, args.x0, EXACT));
      fail({
        input,
        problem: m.text.notCalledAt(k, formatInput(points[k]), calls.length, formatInput(calls.map((c) => c.x))),
        hint: onlyX0 ? m.hints.onlyX0 : m.hints.currentPoint,
      });
    }
    const expected = points[k].map((v, i) => v - args.lr * call.g[i]);
    const hints: Array<Hint<number[]>> = [
      [points[k].map((v, i) => v + args.lr * call.g[i]), m.hints.ascent],
      [points[k].map((v, i) => v - call.g[i]), m.hints.noLr],
      [points[k], m.hints.didNotMove],
    ];
    checkClose(points[k + 1], expected, {
      input: `${input}: ${m.text.step(k)} x_${k} = ${formatValue(points[k])} and ∇f(x_${k}) = ${formatValue(call.g)}`,
      hints,
    });
  }
}

async function descend(m: M, t: CheckContext, c: TrajectoryCase) {
  const args = argsOf(c);
  const r = await run(m, t, args);
  checkDescent(m, r.input, args, r.points, r.obs.calls);
  return r;
}

const regressionInput = (c: { X: number[][]; y: number[]; w: number[]; b: number }): string => formatCall('linearRegressionGradient', [c.X, c.y, c.w, c.b]);

export default defineGrader(messages, ({ graded }, m) => {
    const { checks, hints } = m;
    graded(checks.points, 2, async (t) => {
      await descend(m, t, fixture.basic);
    });

    graded(checks.steps, 2, async (t) => {
      const c: TrajectoryCase = fixture.basic;
      const { input, points } = await descend(m, t, c);
      checkClose(points, c.points, {
        input,
        hints: [
          [c.mistakes.ascent ?? [], m.hints.ascent],
          [c.mistakes.lrOne ?? [], m.hints.noLr],
        ],
      });
    });

    graded(checks.torch, 1, async (t) => {
      for (const c of exactly<TrajectoryCase>(fixture.torch, 2, 'PyTorch SGD trajectories')) {
        const { input, points } = await descend(m, t, c);
        checkClose(points, c.points, { input, tol: { rel: 1e-7, abs: 1e-12 } });
      }
    });

    graded(checks.copies, 2, async (t) => {
      const c: TrajectoryCase = fixture.copies;
      const { input, obs } = await descend(m, t, c);
      expectThat(obs.distinctPoints, {
        input,
        problem: m.text.sameArray,
        hint: hints.newArray,
      });
      expectThat(!obs.containsX0, { input, problem: m.text.x0Itself, hint: hints.copyX0 });
      checkClose(obs.x0After, c.x0, { input: `${input}: ${m.text.x0After}`, hints: [[c.points[c.steps], hints.inPlace]] });
    });

    graded(checks.short, 1, async (t) => {
      for (const c of exactly<TrajectoryCase>(fixture.short, 3, 'short runs')) {
        const { input, points } = await descend(m, t, c);
        checkClose(points, c.points, { input });
      }
    });

    graded(checks.regression, 2, async (t) => {
      for (const c of exactly(fixture.linearRegression, 2, 'small regression examples')) {
        const input = regressionInput(c);
        const got = receive(await t.call('linearRegressionGradient', [c.X, c.y, c.w, c.b]), record({ dw: numbers(c.w.length), db: num }), { input });
        const n = c.X.length;
        const variants: Array<[number, Text]> = [
          [-1, hints.residualSign],
          [0.5, hints.factor2],
          [n, hints.divideN],
          [n / 2, hints.both],
        ];
        checkClose(got.dw, c.dw, { input: `${input}.dw`, hints: variants.map(([k, h]) => [c.dw.map((v) => v * k), h] as const) });
        checkClose(got.db, c.db, { input: `${input}.db`, hints: variants.map(([k, h]) => [c.db * k, h] as const) });
      }
    });

    graded(checks.regressionTorch, 2, async (t) => {
      for (const c of exactly(fixture.linearRegressionTorch, 3, 'PyTorch regression cases')) {
        const input = regressionInput(c);
        const got = receive(await t.call('linearRegressionGradient', [c.X, c.y, c.w, c.b]), record({ dw: numbers(c.w.length), db: num }), { input });
        checkClose(got.dw, c.dw, { input: `${input}.dw` });
        checkClose(got.db, c.db, { input: `${input}.db` });
      }
    });
  },
);
