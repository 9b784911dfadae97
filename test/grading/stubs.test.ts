/** The stubs in exercises/ score 0, with "not implemented yet" feedback and no crash. */
import { expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import { EXERCISE_FILES, EXERCISES } from './helpers';

test('exercises/ (the stubs) score 0 on every check, each with a clear message', async () => {
  const report = await grade({ dir: EXERCISES, hidden: true });
  expect(report.score).toBe(0);
  expect(report.maxScore).toBeGreaterThan(0);
  expect(report.exercises.map((t) => t.file)).toEqual(EXERCISE_FILES);
  for (const r of report.results) {
    expect(r.passed, `${r.file} › ${r.name}`).toBe(false);
    expect(r.feedback, `${r.file} › ${r.name}`).toMatch(/problem: {2}threw Error: TODO: implement/);
    expect(r.feedback, `${r.file} › ${r.name}`).toMatch(/hint: {5}not implemented yet/);
    expect(r.feedback).not.toMatch(/grader error/);
  }
}, 120_000);
