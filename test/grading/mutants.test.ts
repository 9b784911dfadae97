/**
 * The mutation suite: every single-mistake variant of the solutions (course/<exercise>/mutants.ts)
 * loses points, and a fake of a function fails every check that exercises it (kit/author/mutation.ts
 * grades them all up front, a few at a time, in this process).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { gradeMutants, mutantProblems, type MutantOutcome } from '../../kit/author/mutation';
import { COURSE, ROOT } from './helpers';

/** Mistakes the issues list; each must be covered by a mutant (exercise/name). */
const REQUIRED = [
  'mse/sum-instead-of-mean', 'mse/gradient-missing-1-over-n', 'mse/gradient-missing-factor-2', 'mse/gradient-sign-error',
  'cross-entropy/bce-no-clamp', 'cross-entropy/softmax-without-max-shift', 'cross-entropy/ce-sum-instead-of-mean',
  'cross-entropy/sigmoid-overflows',
  'gradient-descent/trajectory-without-x0', 'gradient-descent/one-step-short', 'gradient-descent/points-alias-one-array',
  'gradient-descent/gradient-ascent', 'gradient-descent/lr-gradient-missing-factor-2', 'gradient-descent/lr-gradient-missing-1-over-n',
  'gradient-descent/never-calls-grad', 'gradient-descent/gradient-only-at-x0',
  'minibatch/non-uniform-shuffle', 'minibatch/dropped-last-batch', 'minibatch/losses-per-batch', 'minibatch/rotation-shuffle',
  'minibatch/training-returns-noise',
  'autograd/gradients-overwritten', 'autograd/topological-order-not-reversed', 'autograd/breadth-first-order', 'autograd/visits-nodes-twice',
  'autograd/add-wrong-derivative', 'autograd/sub-wrong-derivative', 'autograd/mul-wrong-derivative', 'autograd/div-wrong-derivative', 'autograd/neg-wrong-derivative',
  'autograd/pow-wrong-derivative', 'autograd/exp-wrong-derivative', 'autograd/log-wrong-derivative', 'autograd/tanh-wrong-derivative',
  'autograd/relu-wrong-derivative', 'autograd/backward-only-seeds',
  'optimizers/momentum-as-ema', 'optimizers/nesterov-equals-momentum', 'optimizers/adagrad-no-accumulation', 'optimizers/rmsprop-no-decay',
  'optimizers/adagrad-eps-inside-sqrt', 'optimizers/rmsprop-eps-inside-sqrt', 'optimizers/adam-eps-inside-sqrt',
  'optimizers/adam-no-bias-correction', 'optimizers/adam-betas-swapped', 'optimizers/sgd-mutates-params', 'optimizers/momentum-mutates-grads',
  'optimizers/steps-return-params-unchanged',
  'partial-derivatives/missing-inner-derivative', 'partial-derivatives/missing-factor-two', 'partial-derivatives/sign-error',
  'partial-derivatives/swapped-partials',
  // cheats: the answer computed by the library at load time, a derivative(…) call or a definition in the string
  'partial-derivatives/derives-with-the-library', 'partial-derivatives/derivative-in-the-string', 'partial-derivatives/defines-a-function',
];

let outcomes: MutantOutcome[] = [];
beforeAll(async () => {
  outcomes = await gradeMutants(ROOT);
}, 600_000);

const name = (o: MutantOutcome): string => `${o.exercise}/${o.mutant.name}`;

describe('mutation suite', () => {
  test('has at least 30 mutants, covering every exercise and every listed mistake', () => {
    const names = outcomes.map(name);
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const required of REQUIRED) expect(names, `missing mutant ${required}`).toContain(required);
    for (const exercise of COURSE) expect(outcomes.some((o) => o.exercise === exercise.name), `${exercise.name} has no mutant`).toBe(true);
  });

  test('every mutant loses points, and every fake fails each check it names', () => {
    expect(outcomes.flatMap(mutantProblems)).toEqual([]);
  });
});
