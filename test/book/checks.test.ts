/**
 * The exercise pages' Check gives the points `npm run grade` gives: the built check worker
 * (assets/check.js, run in a Node worker thread standing in for the page's Web Worker) against the
 * real grading engine (kit/grade, its sandbox), on the reference solutions and on the stubs, every
 * exercise, check by check — names, pass/fail, points (rescaled to the course's by the release's
 * scaleReport in both) and feedback word for word. And the bundle's seam: graders get `vitest` as
 * an empty module, so a grader that uses any vitest API (an unshimmed matcher) fails the build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCheckWorker, bundleChecks, CHECK_SCRIPT } from '../../kit/book/checks/bundle';
import { coursePoints, gradedExercises, scaleModule } from '../../kit/book/checks/where';
import { EXERCISES_DIR, SOLUTIONS_DIR } from '../../kit/book/files';
import { grade } from '../../kit/grade/engine';
import type { CheckResult } from '../../kit/grade/report';
import { checkInNode } from './check-worker-node';

const work = mkdtempSync(join(tmpdir(), 'descent-book-checks-'));
const script = join(work, CHECK_SCRIPT);
const exercises = gradedExercises();
type Scale = typeof import('../../kit/release/course/scale');
let scaleReport: Scale['scaleReport'];

/** The files of a folder, name (without .ts) → source, as the page sends them. */
function sources(dir: string): Record<string, string> {
  return Object.fromEntries(exercises.map((e) => [e, readFileSync(join(dir, `${e}.ts`), 'utf8')]));
}

/** What both must agree on, check by check. */
const essentials = (r: CheckResult): Partial<CheckResult> => ({
  exercise: r.exercise, name: r.name, passed: r.passed, points: r.points, maxPoints: r.maxPoints, feedback: r.feedback, problem: r.problem,
});

async function engine(dir: string): Promise<CheckResult[]> {
  const report = await grade({ dir, concurrency: 2 });
  return scaleReport(report, { ...await coursePoints(exercises) }).results.map(({ graderMaxPoints: _, ...r }) => r);
}

async function page(dir: string): Promise<CheckResult[]> {
  const all: CheckResult[] = [];
  for (const exercise of exercises) all.push(...await checkInNode(script, { exercise, sources: sources(dir) }));
  return all;
}

beforeAll(async () => {
  ({ scaleReport } = await import(scaleModule()) as Scale);
  expect(await bundleChecks(work, exercises)).toEqual(exercises);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Check in the book grades like npm run grade', () => {
  it('knows every exercise and the course points', async () => {
    expect(exercises).toEqual(['autograd', 'cross-entropy', 'gradient-descent', 'minibatch', 'mse', 'optimizers']);
    expect((await coursePoints(exercises)).exercises.mse).toEqual({ points: 10 });
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
      // The mse page's line: full marks are 10 / 10 (course.config.json), the stub 0 / 10.
      expect(total(received.filter((r) => r.exercise === 'mse'))).toBe(full ? 10 : 0);
    }, 240_000);
  }
});

describe('the check worker bundle', () => {
  const grader = (body: string): string => {
    const dir = join(work, 'graders');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `g${Math.random().toString(36).slice(2)}.test.ts`);
    writeFileSync(file, `import * as vitest from 'vitest';\n${body}\nexport default 1;\n`);
    return `import g from ${JSON.stringify(file)};\nconsole.log(g);\n`;
  };

  it('fails the build when a grader uses a vitest API the book does not have', async () => {
    await expect(bundleCheckWorker(grader('vitest.expect(1).toBe(1);'), join(work, 'a.js'), 'check-test-a')).rejects.toThrow(/bundling check-test-a warned.*expect/s);
    await expect(bundleCheckWorker(grader('vitest.vi.fn();'), join(work, 'b.js'), 'check-test-b')).rejects.toThrow(/warned.*vi/s);
    await expect(bundleCheckWorker(`import { expect } from 'vitest';\nexpect(1);\n`, join(work, 'c.js'), 'check-test-c')).rejects.toThrow(/expect/);
  });

  it('fails the build when a grader needs a Node module', async () => {
    await expect(bundleCheckWorker(grader(`import fs from 'fs';\nconsole.log(fs.readFileSync);`), join(work, 'd.js'), 'check-test-d')).rejects.toThrow(/fs/);
  });
});
