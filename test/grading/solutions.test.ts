/**
 * The graders give every correct implementation full marks: the reference solutions and every set
 * of alternative correct implementations (course/<exercise>/alternatives/<set>.ts: reduce, another
 * summation order, forward Fisher–Yates, recursive topological sort, velocity-form momentum,
 * classes behind closures, log-sigmoid, a recursive trajectory, a shuffle that sorts by random
 * keys, backward by creation order, Adam with explicit m̂ and v̂, …) — each set is solutions/ with
 * the files it replaces — on the public and the hidden graders. The behaviour checks (∇f called at
 * every point, a seeded random permutation, trajectories of torch.optim) must accept all of them.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import type { GradeReport } from '../../kit/grade/report/report';
import { alternativeSets, EXERCISE_FILES, removeDir, snapshot, solutionsCopy, SOLUTIONS } from './helpers';

const sets = [...alternativeSets()].map(([name, files]) => ({ name, dir: solutionsCopy(files), files: Object.keys(files) }));
afterAll(() => sets.forEach((s) => removeDir(s.dir)));

function failures(report: GradeReport): string[] {
  return report.results.filter((r) => !r.passed).map((r) => `${r.file} › ${r.name}\n${r.feedback}`);
}

describe('correct implementations get full marks', () => {
  test('solutions/: every public and hidden check passes', async () => {
    const before = snapshot([SOLUTIONS]);
    const report = await grade({ dir: SOLUTIONS, hidden: true });
    expect(failures(report)).toEqual([]);
    expect(report.score).toBe(report.maxScore);
    expect(report.maxScore).toBeGreaterThanOrEqual(100);
    expect(report.exercises.map((t) => t.file)).toEqual(EXERCISE_FILES);
    expect(report.results.some((r) => r.hidden)).toBe(true);
    expect(snapshot([SOLUTIONS])).toEqual(before);
  }, 120_000);

  test('there are at least two sets of alternatives, and they cover the exercises of the kit', () => {
    expect(sets.map((s) => s.name)).toEqual(expect.arrayContaining(['first', 'second']));
    for (const file of ['mse.ts', 'cross-entropy.ts', 'gradient-descent.ts', 'minibatch.ts', 'autograd.ts', 'partial-derivatives.ts', 'optimizers.ts']) {
      for (const s of sets.filter((x) => ['first', 'second'].includes(x.name))) expect(s.files, s.name).toContain(file);
    }
  });

  test.each(sets.map((s) => [s.name, s] as const))('alternative correct implementations "%s": every public and hidden check passes', async (_name, s) => {
    const report = await grade({ dir: s.dir, hidden: true });
    expect(failures(report)).toEqual([]);
    expect(report.score).toBe(report.maxScore);
    expect(report.exercises.map((t) => t.file)).toEqual(EXERCISE_FILES);
  }, 120_000);

  test('hidden checks pass for other seeds too', async () => {
    for (const seed of [1, 2, 3]) {
      for (const s of sets) {
        const report = await grade({ dir: s.dir, hidden: true, seed });
        expect(failures(report), `seed ${seed}, ${s.name}`).toEqual([]);
      }
    }
  }, 240_000);
});
