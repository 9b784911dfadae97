/**
 * The mutation suite: every single-mistake variant of the solutions in test/mutants/ loses points.
 * Each mutant is applied to a copy of solutions/ in a temp folder and graded (visible and hidden
 * graders) for its exercise; all mutants are graded up front, a few at a time, in this process.
 */
import fs from 'fs';
import path from 'path';
import { beforeAll, describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import type { GradeReport } from '../../kit/grade/report';
import { applyMutant, Mutant } from '../mutants/mutant';
import { EXERCISE_FILES, HIDDEN, MUTANTS, removeDir, solutionsCopy, SOLUTIONS } from './helpers';

/** The format (mutant.ts) and the check names by function (checks.ts) are not mutants. */
const HELPERS = ['mutant.ts', 'checks.ts'];
const files = fs.readdirSync(MUTANTS).filter((f) => f.endsWith('.ts') && !HELPERS.includes(f)).sort();

/** Mistakes the issue lists; each must be covered by at least one mutant (by file name). */
const REQUIRED = [
  'mse.sum-instead-of-mean', 'mse.gradient-missing-1-over-n', 'mse.gradient-missing-factor-2', 'mse.gradient-sign-error',
  'cross-entropy.bce-no-clamp', 'cross-entropy.softmax-without-max-shift', 'cross-entropy.ce-sum-instead-of-mean',
  'cross-entropy.sigmoid-overflows',
  'gradient-descent.trajectory-without-x0', 'gradient-descent.one-step-short', 'gradient-descent.points-alias-one-array',
  'gradient-descent.gradient-ascent', 'gradient-descent.lr-gradient-missing-factor-2', 'gradient-descent.lr-gradient-missing-1-over-n',
  'minibatch.non-uniform-shuffle', 'minibatch.dropped-last-batch', 'minibatch.losses-per-batch',
  'autograd.gradients-overwritten', 'autograd.topological-order-not-reversed', 'autograd.breadth-first-order', 'autograd.visits-nodes-twice',
  'autograd.add-wrong-derivative', 'autograd.sub-wrong-derivative', 'autograd.mul-wrong-derivative', 'autograd.div-wrong-derivative', 'autograd.neg-wrong-derivative',
  'autograd.pow-wrong-derivative', 'autograd.exp-wrong-derivative', 'autograd.log-wrong-derivative', 'autograd.tanh-wrong-derivative',
  'autograd.relu-wrong-derivative',
  'optimizers.momentum-as-ema', 'optimizers.nesterov-equals-momentum', 'optimizers.adagrad-no-accumulation', 'optimizers.rmsprop-no-decay',
  'optimizers.adagrad-eps-inside-sqrt', 'optimizers.rmsprop-eps-inside-sqrt', 'optimizers.adam-eps-inside-sqrt',
  'optimizers.adam-no-bias-correction', 'optimizers.adam-betas-swapped', 'optimizers.sgd-mutates-params', 'optimizers.momentum-mutates-grads',
];

interface Outcome {
  mutant: Mutant;
  report: GradeReport;
}
const outcomes = new Map<string, Outcome>();

async function gradeMutant(file: string): Promise<void> {
  const mutant = (await import(path.join(MUTANTS, file))).default as Mutant;
  const original = fs.readFileSync(path.join(SOLUTIONS, mutant.file), 'utf8');
  const dir = solutionsCopy({ [mutant.file]: applyMutant(original, mutant) });
  try {
    const report = await grade({ dir, hidden: HIDDEN, only: [mutant.file.replace(/\.ts$/, '')], concurrency: 1 });
    outcomes.set(file, { mutant, report });
  } finally {
    removeDir(dir);
  }
}

beforeAll(async () => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) await gradeMutant(files[next++]);
  };
  await Promise.all([worker(), worker(), worker()]);
}, 300_000);

describe('mutation suite', () => {
  test('has at least 30 mutants, covering every exercise and every listed mistake', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const names = files.map((f) => f.replace(/\.ts$/, ''));
    for (const required of REQUIRED) expect(names, `missing mutant ${required}`).toContain(required);
    for (const exercise of EXERCISE_FILES) {
      expect(names.some((n) => n.startsWith(`${exercise.replace(/\.ts$/, '')}.`)), exercise).toBe(true);
    }
  });

  test.each(files)('%s loses points', (file) => {
    const outcome = outcomes.get(file);
    expect(outcome, `${file} was not graded`).toBeDefined();
    const { mutant, report } = outcome!;
    const failed = report.results.filter((r) => !r.passed);
    expect(report.score, `${mutant.mistake}: no check failed`).toBeLessThan(report.maxScore);
    for (const r of failed) expect(r.feedback, `${file} › ${r.name}`).not.toMatch(/grader error/);
    for (const name of mutant.mustFail ?? []) {
      const result = report.results.find((r) => r.name === name);
      expect(result, `${file}: no check named "${name}"`).toBeDefined();
      expect(result!.passed, `${file}: "${name}" passed (${mutant.mistake})`).toBe(false);
    }
  });
});
