/**
 * Grader for exercises/optimizers.ts (chapter 07-optimizers). Oracles: PyTorch's trajectories in
 * test/fixtures/torch-cases.json, and the grader's own implementation of PyTorch's rules
 * (oracles/optimizers.ts, itself checked against PyTorch in test/grading) for other options,
 * tiny gradients (defaults and the place of ε) and known mistakes (for hints).
 */
import path from 'path';
import * as vitest from 'vitest';
import { checkClose, expectThat, fail, Hint, receive } from '../../kit/grade/expect';
import { CheckContext, defineGrader } from '../../kit/grade/grader';
import { anything, arrayOf, bool, formatInput, formatValue, matrix, optional, record, str } from '../../kit/grade/plain';
import torch from '../fixtures/torch-cases.json';
import type { RunArgs } from './drivers/optimizers';
import { OptimizerName, OptimizerOptions, Problem, trajectory, Variant } from './oracles/optimizers';

const TORCH_NAME: Record<string, OptimizerName | undefined> = { Adagrad: 'adagrad', RMSprop: 'rmsprop', Adam: 'adam' };

/** PyTorch cases our factories can express, with the factory and options they map to. */
function torchCases(name: OptimizerName) {
  return torch.optim.flatMap((c) => {
    const o = c.options as Record<string, unknown>;
    const keys = Object.keys(o).sort().join(',');
    let factory: OptimizerName | undefined;
    let options: OptimizerOptions = { lr: o.lr as number };
    if (c.optimizer === 'SGD' && keys === 'lr') factory = 'sgd';
    else if (c.optimizer === 'SGD' && keys === 'lr,momentum') factory = 'momentum';
    else if (c.optimizer === 'SGD' && keys === 'lr,momentum,nesterov') factory = 'nesterov';
    else if (keys === 'lr') factory = TORCH_NAME[c.optimizer];
    if (factory === 'momentum' || factory === 'nesterov') options = { lr: o.lr as number, momentum: o.momentum as number };
    if (factory !== name) return [];
    const quadratic = c.problem === 'quadratic';
    const problem: Problem = quadratic ? { kind: 'quadratic', a: c.a as number[], c: c.c as number[] } : { kind: 'rosenbrock' };
    const x0 = (quadratic ? (c.x0 as number[][])[0] : c.x0) as number[];
    const checkpoints = Object.entries(c.checkpoints).map(([k, v]) => [Number(k), (quadratic ? (v as number[][])[0] : v) as number[]] as const);
    return [{ options, problem, x0, steps: c.steps, checkpoints }];
  });
}

const observation = record({
  trajectory: arrayOf(arrayOf(anything)),
  stopped: optional(str),
  mutatedParams: bool,
  mutatedGrads: bool,
  returnedParams: bool,
});

function describeRun(a: RunArgs): string {
  const source = a.grads !== undefined ? `grads ${formatInput(a.grads)}` : a.problem!.kind === 'quadratic' ? 'the gradient of a quadratic' : 'the gradient of the Rosenbrock function';
  return `step = ${a.factory}(${JSON.stringify(a.options)}); ${a.steps} steps from ${formatInput(a.x0)} with ${source}`;
}

function validRun(input: string, obs: { trajectory: unknown[][]; stopped?: string }, args: RunArgs): number[][] {
  if (obs.stopped !== undefined) fail({ input, problem: obs.stopped });
  return receive({ ok: true, value: obs.trajectory }, matrix(args.steps + 1, args.x0.length), { input, expected: `${args.steps + 1} points of ${args.x0.length} numbers` });
}

async function drive(t: CheckContext, args: RunArgs) {
  const input = describeRun(args);
  const obs = receive(await t.drive('run', args), observation, { input });
  return { input, obs, points: validRun(input, obs, args) };
}

const HINTS: Partial<Record<Variant, string>> = {
  ascent: 'the parameters move uphill: subtract the update',
  'momentum-ema': 'looks like an exponential moving average b = μb + (1 − μ)g; PyTorch uses b = μb + g',
  'nesterov-plain': 'this is plain momentum: Nesterov steps along g + μb, not b',
  'adagrad-no-accumulation': 's must accumulate: s ← s + g² (it looks like s = g² at every step)',
  'rmsprop-no-decay': 'v must decay: v ← αv + (1 − α)g²',
  'eps-inside-sqrt': 'ε goes outside the square root: √v + ε, not √(v + ε)',
  'adam-no-bias-correction': 'Adam divides m by (1 − β₁ᵗ) and v by (1 − β₂ᵗ) (bias correction)',
  'adam-betas-swapped': 'β₁ and β₂ are swapped: β₁ goes with g, β₂ with g²',
};

/** Compares a trajectory with the reference; hints name the mistake whose trajectory matches. */
function compare(input: string, got: number[][], name: OptimizerName, args: RunArgs, at: Array<readonly [number, number[]]> | undefined, tol?: { rel: number; abs: number }) {
  const source = args.grads !== undefined ? { grads: args.grads } : { problem: args.problem as Problem };
  const options = args.options as unknown as OptimizerOptions;
  const variants = (Object.keys(HINTS) as Variant[]).map((v) => [trajectory(name, options, args.x0, args.steps, source, v), HINTS[v]!] as const);
  const expected = trajectory(name, options, args.x0, args.steps, source);
  const points = at ?? expected.map((p, k) => [k, p] as const);
  for (const [k, e] of points) {
    const hints: Array<Hint<number[]>> = variants.filter(([traj]) => traj[k] !== undefined).map(([traj, h]) => [traj[k], h] as const);
    checkClose(got[k], e, { input: `${input}: point after step ${k}`, hints, tol });
  }
}

async function againstTorch(t: CheckContext, name: OptimizerName) {
  const cases = torchCases(name);
  if (cases.length === 0) throw new Error(`no PyTorch case for ${name}`);
  for (const c of cases) {
    const args: RunArgs = { factory: name, options: { ...c.options }, x0: c.x0, steps: c.steps, problem: c.problem };
    const { input, points } = await drive(t, args);
    compare(input, points, name, args, c.checkpoints, { rel: 1e-7, abs: 1e-12 });
  }
}

async function againstOracle(t: CheckContext, name: OptimizerName, options: OptimizerOptions, grads: number[][], x0: number[]) {
  const args: RunArgs = { factory: name, options: { ...options }, x0, steps: grads.length, grads };
  const { input, points } = await drive(t, args);
  compare(input, points, name, args, undefined);
}

const GRADS = [[0.5, -1.2, 2], [0.1, 0.4, -3], [-0.7, 0.3, 1], [0.2, -0.2, 0.5], [1.5, 0.9, -0.1]];
const TINY = [[1e-9, -3e-10, 2e-9], [2e-9, 1e-10, -1e-9], [-5e-10, 4e-10, 1e-9]];
const X0 = [1, -0.5, 2];

export default defineGrader(
  vitest,
  { exercise: 'optimizers', chapter: '07-optimizers', drivers: path.join(__dirname, 'drivers', 'optimizers.ts') },
  ({ graded }) => {
    graded('sgd matches PyTorch: θ ← θ − lr·g', 1, (t) => againstTorch(t, 'sgd'));

    graded('momentum matches PyTorch: b ← μb + g, θ ← θ − lr·b', 2, (t) => againstTorch(t, 'momentum'));

    graded('nesterov matches PyTorch: θ ← θ − lr·(g + μb)', 2, (t) => againstTorch(t, 'nesterov'));

    graded('momentum and nesterov with μ = 0.5 on given gradients', 1, async (t) => {
      await againstOracle(t, 'momentum', { lr: 0.1, momentum: 0.5 }, GRADS, X0);
      await againstOracle(t, 'nesterov', { lr: 0.1, momentum: 0.5 }, GRADS, X0);
    });

    graded('adagrad matches PyTorch: s ← s + g², θ ← θ − lr·g/(√s + ε)', 2, (t) => againstTorch(t, 'adagrad'));

    graded('adagrad: ε outside the root, default ε = 1e-10', 1, async (t) => {
      await againstOracle(t, 'adagrad', { lr: 0.1 }, TINY.map((g) => g.map((v) => v / 10)), X0);
      await againstOracle(t, 'adagrad', { lr: 0.1, eps: 0.5 }, GRADS, X0);
    });

    graded('rmsprop matches PyTorch: v ← αv + (1 − α)g², θ ← θ − lr·g/(√v + ε)', 2, (t) => againstTorch(t, 'rmsprop'));

    graded('rmsprop: options alpha and eps, defaults α = 0.99 and ε = 1e-8', 1, async (t) => {
      await againstOracle(t, 'rmsprop', { lr: 0.01, alpha: 0.9, eps: 0.1 }, GRADS, X0);
      await againstOracle(t, 'rmsprop', { lr: 0.01 }, TINY, X0);
    });

    graded('adam matches PyTorch (bias-corrected m and v)', 2, (t) => againstTorch(t, 'adam'));

    graded('adam: options beta1, beta2 and eps, defaults 0.9, 0.999, 1e-8', 2, async (t) => {
      await againstOracle(t, 'adam', { lr: 0.05, beta1: 0.8, beta2: 0.95, eps: 1e-3 }, GRADS, X0);
      await againstOracle(t, 'adam', { lr: 0.01 }, TINY, X0);
    });

    graded('each optimizer keeps its own state', 1, async (t) => {
      for (const [name, options] of [['momentum', { lr: 0.1, momentum: 0.9 }], ['adam', { lr: 0.1 }]] as const) {
        const a: RunArgs = { factory: name, options: { ...options }, x0: X0, steps: 4, grads: GRADS.slice(0, 4) };
        const b: RunArgs = { factory: name, options: { ...options }, x0: [0, 0, 0], steps: 4, grads: GRADS.slice(1, 5).map((g) => g.map((v) => -2 * v)) };
        const input = `two optimizers from ${name}(${JSON.stringify(options)}), stepped in turn`;
        const out = receive(await t.drive('interleaved', { a, b }), record({ a: observation, b: observation }), { input });
        for (const [label, args, obs] of [['first', a, out.a], ['second', b, out.b]] as const) {
          // The property: stepping two optimizers in turn changes nothing (compared with the student's own runs).
          const alone = await drive(t, args);
          const points = validRun(`${input}: the ${label} one`, obs, args);
          checkClose(points, alone.points, {
            input: `${input}: the ${label} one (${describeRun(args)})`,
            expectedText: `the same points as when it runs alone: ${formatValue(alone.points)}`,
            hints: [() => 'state shared between optimizers: keep the buffers inside the factory (in the closure), not at module level'],
          });
        }
      }
    });

    graded('every step returns a new array and leaves params and grads untouched', 2, async (t) => {
      const all: Array<[OptimizerName, OptimizerOptions]> = [
        ['sgd', { lr: 0.1 }],
        ['momentum', { lr: 0.1, momentum: 0.9 }],
        ['nesterov', { lr: 0.1, momentum: 0.9 }],
        ['adagrad', { lr: 0.1 }],
        ['rmsprop', { lr: 0.01 }],
        ['adam', { lr: 0.01 }],
      ];
      for (const [name, options] of all) {
        const args: RunArgs = { factory: name, options: { ...options }, x0: X0, steps: 3, grads: GRADS.slice(0, 3) };
        const { input, obs } = await drive(t, args);
        expectThat(!obs.mutatedParams, { input, problem: 'the step modified the params array it was given', hint: 'build and return a new array (params.map(…)) instead of updating params in place' });
        expectThat(!obs.mutatedGrads, { input, problem: 'the step modified the grads array it was given', hint: 'never write into grads: keep your own buffers' });
        expectThat(!obs.returnedParams, { input, problem: 'the step returned the params array itself', hint: 'return a new array' });
      }
    });
  },
);

