/**
 * The exercise pages' Check gives the points `npm run grade` gives: the built check worker
 * (assets/check.js, run in a Node worker thread standing in for the page's Web Worker) against the
 * real grading engine (kit/grade, its sandbox), on the reference solutions and on the stubs, every
 * exercise, check by check — names, pass/fail, points (the course's, resolved by the results model
 * in both) and feedback word for word. And the bundle's seam: a grader that needs a Node module
 * fails the build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCheckWorker, bundleChecks, CHECK_SCRIPT } from '../../kit/book/checks/bundle';
import { coursePoints, gradedExercises } from '../../kit/book/checks/where';
import { EXERCISES_DIR, SOLUTIONS_DIR } from '../../kit/book/files';
import { readProjectConfig } from '../../kit/grade/config';
import { grade } from '../../kit/grade/engine';
import type { CheckResult } from '../../kit/grade/report/model';
import { PROJECT_ROOT } from '../../kit/shared/root';
import { checkInNode } from './check-worker-node';

const work = mkdtempSync(join(tmpdir(), 'descent-book-checks-'));
const script = join(work, CHECK_SCRIPT);
const exercises = gradedExercises().map((e) => e.name);
/** The course's settings, as `npm run grade` reads them. */
const course = readProjectConfig(PROJECT_ROOT);

/** The files of a folder, name (without .ts) → source, as the page sends them. */
function sources(dir: string): Record<string, string> {
  return Object.fromEntries(exercises.map((e) => [e, readFileSync(join(dir, `${e}.ts`), 'utf8')]));
}

/** What both must agree on, check by check. */
const essentials = (r: CheckResult): Partial<CheckResult> => ({
  exercise: r.exercise, name: r.name, passed: r.passed, points: r.points, maxPoints: r.maxPoints, feedback: r.feedback, problem: r.problem,
});

async function engine(dir: string): Promise<CheckResult[]> {
  return (await grade({ dir, course, concurrency: 2 })).results;
}

async function page(dir: string): Promise<CheckResult[]> {
  const all: CheckResult[] = [];
  for (const exercise of exercises) all.push(...await checkInNode(script, { exercise, sources: sources(dir) }));
  return all;
}

beforeAll(async () => {
  expect(await bundleChecks(work, exercises)).toEqual(exercises);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Check in the book grades like npm run grade', () => {
  it('knows every exercise and the course points', () => {
    expect([...exercises].sort()).toEqual(['autograd', 'cross-entropy', 'gradient-descent', 'minibatch', 'mse', 'optimizers', 'partial-derivatives']);
    expect(coursePoints()).toEqual(course);
  });

  for (const [what, dir, full] of [['the reference solutions', SOLUTIONS_DIR, true], ['the stubs', EXERCISES_DIR, false]] as const) {
    it(`gives ${what} the same checks, points and feedback as the engine`, async () => {
      const [expected, received] = await Promise.all([engine(dir), page(dir)]);
      expect(received.length).toBeGreaterThan(40);
      const byExercise = (rs: CheckResult[]): Map<string, Array<Partial<CheckResult>>> => {
        const m = new Map<string, Array<Partial<CheckResult>>>();
        for (const r of rs) m.set(r.exercise, [...(m.get(r.exercise) ?? []), essentials(r)]);
        return m;
      };
      expect(byExercise(received)).toEqual(byExercise(expected));
      const total = (rs: CheckResult[]): number => Math.round(rs.reduce((s, r) => s + r.points * 100, 0)) / 100;
      const max = Math.round(received.reduce((s, r) => s + r.maxPoints * 100, 0)) / 100;
      expect(total(received)).toBe(full ? max : 0);
      // Each page's line: full marks are the course's points for it (course.config.json), the stub 0.
      for (const e of exercises) {
        const mine = received.filter((r) => r.exercise === e);
        const worth = course.exercises[e]?.points;
        if (worth !== undefined) expect(Math.round(mine.reduce((s, r) => s + r.maxPoints * 100, 0)) / 100).toBe(worth);
        expect(total(mine)).toBe(full ? worth ?? total(mine) : 0);
      }
    }, 240_000);
  }
});

describe('Check in the Korean book', () => {
  it("with lang 'ko' gives the engine's Korean check names and feedback (the mse stub)", async () => {
    const expected = (await grade({ dir: EXERCISES_DIR, course, only: ['mse'], lang: 'ko' })).results.map(essentials);
    const received = (await checkInNode(script, { exercise: 'mse', sources: sources(EXERCISES_DIR), lang: 'ko' })).map(essentials);
    expect(received).toEqual(expected);
    expect(received[0].name).toMatch(/[\uac00-\ud7a3]/);
    expect(received[0].feedback).toMatch(/^입력: /);
  }, 60_000);
});

describe('the check worker bundle', () => {
  it('fails the build when a grader needs a Node module', async () => {
    const dir = join(work, 'graders');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'node.ts');
    writeFileSync(file, `import fs from 'fs';\nexport default fs.readFileSync;\n`);
    await expect(bundleCheckWorker(`import g from ${JSON.stringify(file)};\nconsole.log(g);\n`, join(work, 'd.js'), 'check-test-d')).rejects.toThrow(/fs/);
  });
});
