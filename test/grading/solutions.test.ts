/**
 * The graders give every correct implementation full marks: the reference solutions and a second,
 * deliberately different set of correct implementations (test/grading/alternatives: reduce,
 * another summation order, forward Fisher–Yates, recursive topological sort, velocity-form
 * momentum, classes behind closures, …), on the visible and the hidden graders.
 */
import { describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import type { GradeReport } from '../../kit/grade/report';
import { ALTERNATIVES, EXERCISE_FILES, HIDDEN, SOLUTIONS, snapshot } from './helpers';

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

  test('alternative correct implementations: every visible and hidden check passes', async () => {
    const report = await grade({ dir: ALTERNATIVES, hidden: HIDDEN });
    expect(failures(report)).toEqual([]);
    expect(report.score).toBe(report.maxScore);
  }, 120_000);

  test('hidden checks pass for other seeds too', async () => {
    for (const seed of [1, 2, 3]) {
      const report = await grade({ dir: ALTERNATIVES, graders: HIDDEN, seed });
      expect(failures(report)).toEqual([]);
    }
  }, 120_000);
});
