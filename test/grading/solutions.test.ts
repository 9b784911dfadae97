/**
 * The graders give every correct implementation full marks: the reference solutions and two
 * deliberately different sets of correct implementations — test/grading/alternatives (reduce,
 * another summation order, forward Fisher–Yates, recursive topological sort, velocity-form
 * momentum, classes behind closures, …) and alternatives/second (log-sigmoid, a recursive
 * trajectory, a shuffle that sorts by random keys, backward by creation order, Adam with explicit
 * m̂ and v̂, …) — on the visible and the hidden graders. The behaviour checks (∇f called at every
 * point, a seeded random permutation, trajectories of torch.optim) must accept all of them.
 */
import path from 'path';
import { describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import type { GradeReport } from '../../kit/grade/report';
import { ALTERNATIVES, EXERCISE_FILES, HIDDEN, SOLUTIONS, snapshot } from './helpers';

const SECOND = path.join(ALTERNATIVES, 'second');

function failures(report: GradeReport): string[] {
  return report.results.filter((r) => !r.passed).map((r) => `${r.file} › ${r.name}\n${r.feedback}`);
}

describe('correct implementations get full marks', () => {
  test('solutions/: every visible and hidden check passes', async () => {
    const before = snapshot([SOLUTIONS]);
    const report = await grade({ dir: SOLUTIONS, hidden: HIDDEN });
    expect(failures(report)).toEqual([]);
    expect(report.score).toBe(report.maxScore);
    expect(report.maxScore).toBeGreaterThanOrEqual(100);
    expect(report.totals().map((t) => t.file)).toEqual(EXERCISE_FILES);
    expect(report.results.some((r) => r.hidden)).toBe(true);
    expect(snapshot([SOLUTIONS])).toEqual(before);
  }, 120_000);

  test.each([ALTERNATIVES, SECOND])('alternative correct implementations in %s: every visible and hidden check passes', async (dir) => {
    const report = await grade({ dir, hidden: HIDDEN });
    expect(failures(report)).toEqual([]);
    expect(report.score).toBe(report.maxScore);
    expect(report.totals().map((t) => t.file)).toEqual(EXERCISE_FILES);
  }, 120_000);

  test('hidden checks pass for other seeds too', async () => {
    for (const seed of [1, 2, 3]) {
      for (const dir of [ALTERNATIVES, SECOND]) {
        const report = await grade({ dir, graders: HIDDEN, seed });
        expect(failures(report)).toEqual([]);
      }
    }
  }, 180_000);
});
