/**
 * Wrong submissions get clear feedback, never a crash: a function that throws, returns NaN, the
 * wrong type or the wrong length, loops forever, exits, runs out of memory, writes a file, or does
 * not load. The other functions and exercises are still graded normally.
 */
import fs from 'fs';
import path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import type { CheckResult } from '../../kit/grade/report/model';
import type { SandboxLimits } from '../../kit/grade/sandbox/sandbox';
import { removeDir, solutionsCopy, SOLUTIONS } from './helpers';

const GOOD_GRADIENT = `export function mseGradient(yHat: number[], y: number[]): number[] { return yHat.map((p, i) => (2 * (p - y[i])) / y.length); }\n`;
const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

/** Grades a copy of solutions/ whose mse.ts exports `mse` with the given body (and a correct mseGradient). */
async function gradeMse(body: string, limits: Partial<SandboxLimits> = { callTimeoutMs: 1000 }): Promise<{ mse: CheckResult[]; gradient: CheckResult[] }> {
  const dir = solutionsCopy({ 'mse.ts': `export function mse(yHat: number[], y: number[]): number {\n${body}\n}\n${GOOD_GRADIENT}` });
  temps.push(dir);
  const report = await grade({ dir, only: ['mse'], limits, budgetMs: 20_000 });
  return {
    mse: report.results.filter((r) => r.name.startsWith('mse ')),
    gradient: report.results.filter((r) => r.name.startsWith('mseGradient')),
  };
}

function expectOnlyMseFails(r: { mse: CheckResult[]; gradient: CheckResult[] }, pattern: RegExp): void {
  expect(r.mse.length).toBeGreaterThan(0);
  for (const c of r.mse) {
    expect(c.passed, c.name).toBe(false);
    expect(c.feedback, c.name).toMatch(pattern);
    expect(c.feedback).not.toMatch(/grader error/);
  }
  for (const c of r.gradient) expect(c.passed, `${c.name}: ${c.feedback}`).toBe(true);
}

describe('feedback for wrong results', () => {
  test('a function that throws', async () => {
    expectOnlyMseFails(await gradeMse("throw new RangeError('boom');"), /problem: {2}threw RangeError: boom/);
  }, 60_000);

  test('NaN', async () => {
    expectOnlyMseFails(await gradeMse('return NaN;'), /received: NaN\nhint: {5}NaN: arithmetic on a whole array .* otherwise NaN comes from/);
  }, 60_000);

  test('the wrong type', async () => {
    expectOnlyMseFails(await gradeMse("return '4' as unknown as number;"), /expected: a number\nreceived: it is a string "4"/);
  }, 60_000);

  test('an object instead of a number', async () => {
    expectOnlyMseFails(await gradeMse('return { value: 1 } as unknown as number;'), /received: it is an object with keys value/);
  }, 60_000);

  test('a Promise (async function)', async () => {
    expectOnlyMseFails(await gradeMse('return Promise.resolve(1) as unknown as number;'), /returned a Promise \(is the function async\?\)/);
  }, 60_000);

  test('the wrong length', async () => {
    const dir = solutionsCopy({ 'mse.ts': fs.readFileSync(path.join(SOLUTIONS, 'mse.ts'), 'utf8').replace('return yHat.map(', 'return yHat.slice(1).map(') });
    temps.push(dir);
    const report = await grade({ dir, only: ['mse'] });
    const gradient = report.results.filter((r) => r.name.startsWith('mseGradient'));
    for (const c of gradient) expect(c.feedback).toMatch(/expected: an array of \d+ numbers\nreceived: it has length \d+ instead of \d+/);
  }, 60_000);

  test('a missing export', async () => {
    const dir = solutionsCopy({ 'mse.ts': GOOD_GRADIENT });
    temps.push(dir);
    const report = await grade({ dir, only: ['mse'] });
    const mse = report.results.filter((r) => r.name.startsWith('mse '));
    for (const c of mse) expect(c.feedback).toMatch(/could not run: mse.ts does not export a function named mse/);
  }, 60_000);
});

describe('failure modes of the process', () => {
  test('an endless loop times out; the other functions are still graded', async () => {
    expectOnlyMseFails(await gradeMse('for (;;) {}', { callTimeoutMs: 300 }), /timed out after 0.3 s/);
  }, 60_000);

  test('process.exit', async () => {
    expectOnlyMseFails(await gradeMse('process.exit(0);'), /exited the process \(process\.exit\(0\)\) instead of returning/);
  }, 60_000);

  test('a memory bomb', async () => {
    const body = 'const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(1));';
    expectOnlyMseFails(await gradeMse(body, { callTimeoutMs: 20_000, memoryMb: 64 }), /ran out of memory \(the limit is 64 MB\)/);
  }, 60_000);

  test('writing a file is denied', async () => {
    const target = path.join(SOLUTIONS, 'HACKED.txt');
    const r = await gradeMse(`(globalThis as any).require('fs').writeFileSync(${JSON.stringify(target)}, 'x'); return 0;`);
    expectOnlyMseFails(r, /tried to write a file, which grading does not allow/);
    expect(fs.existsSync(target)).toBe(false);
  }, 60_000);

  test('importing a module other than a sibling exercise file', async () => {
    expectOnlyMseFails(await gradeMse("require('os'); return 0;"), /mse\.ts imports "os", but exercise files may only import each other/);
  }, 60_000);

  test('starting a process is denied', async () => {
    const r = await gradeMse("return Number(require('child_process').execSync('echo 4'));");
    expectOnlyMseFails(r, /tried to start another process, which grading does not allow/);
  }, 60_000);

  test('a syntax error fails every check of that file with its location', async () => {
    const dir = solutionsCopy({ 'mse.ts': 'export function mse(a: number[] { return 0 }\n' });
    temps.push(dir);
    const report = await grade({ dir, only: ['mse'] });
    for (const c of report.results) expect(c.feedback).toMatch(/mse.ts failed to load: SyntaxError: syntax error at mse.ts:1:/);
  }, 60_000);

  test('code that never finishes at import time', async () => {
    const dir = solutionsCopy({ 'mse.ts': `while (true) {}\n${GOOD_GRADIENT}` });
    temps.push(dir);
    const report = await grade({ dir, only: ['mse'], limits: { loadTimeoutMs: 500 } });
    for (const c of report.results) expect(c.feedback).toMatch(/timed out after 0.5 s while loading mse.ts/);
  }, 60_000);

  test('a missing file, and the other exercises still graded', async () => {
    const dir = solutionsCopy({ 'autograd.ts': null });
    temps.push(dir);
    const report = await grade({ dir, only: ['autograd', 'mse'] });
    for (const c of report.results.filter((r) => r.file === 'autograd.ts')) {
      expect(c.feedback).toMatch(/could not run: autograd.ts was not found in/);
    }
    for (const c of report.results.filter((r) => r.file === 'mse.ts')) expect(c.passed).toBe(true);
  }, 60_000);

  test('an exercise may import another exercise file; a broken import is reported', async () => {
    const dir = solutionsCopy({ 'mse.ts': "export { mse, mseGradient } from './helpers';\n", 'helpers.ts': fs.readFileSync(path.join(SOLUTIONS, 'mse.ts'), 'utf8') });
    temps.push(dir);
    const ok = await grade({ dir, only: ['mse'] });
    expect(ok.score).toBe(ok.maxScore);
    fs.writeFileSync(path.join(dir, 'mse.ts'), "export { mse, mseGradient } from './nope';\n");
    const broken = await grade({ dir, only: ['mse'] });
    for (const c of broken.results) expect(c.feedback).toMatch(/mse.ts failed to load: Error: mse.ts imports ".\/nope"/);
  }, 60_000);
});
