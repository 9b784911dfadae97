/** The three renderings of a report, the CLI (npm run grade) and the notebook API (check). */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { describe, expect, test } from 'vitest';
import { check } from '../../kit/grade';
import { CheckResult, GradeReport } from '../../kit/grade/report';
import { EXERCISES, HIDDEN, ROOT, SOLUTIONS } from './helpers';

const result = (over: Partial<CheckResult>): CheckResult => ({
  exercise: 'mse', file: 'mse.ts', chapter: '01-mse', name: 'mse is the mean', points: 2, maxPoints: 2,
  passed: true, feedback: '', hidden: false, ms: 1, ...over,
});

const sample = new GradeReport('/tmp/x', [
  result({}),
  result({ name: 'mseGradient <b>', points: 0, passed: false, feedback: 'input:    f()\nexpected: 1\nreceived: 2\nhint:     a & b' }),
  result({ name: 'random', points: 0, maxPoints: 3, passed: false, feedback: 'input:    g()\nproblem:  threw Error', hidden: true }),
], 1234);

describe('GradeReport', () => {
  test('scores and totals', () => {
    expect(sample.score).toBe(2);
    expect(sample.maxScore).toBe(7);
    expect(sample.totals()).toEqual([{ exercise: 'mse', file: 'mse.ts', score: 2, maxScore: 7 }]);
  });

  test('toText: a table with exercise, test, points and indented feedback', () => {
    const text = sample.toText();
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^exercise\s+test\s+points\s+feedback$/);
    expect(text).toMatch(/mse\.ts\s+mse is the mean\s+2\/2\s+ok/);
    expect(text).toMatch(/mse\.ts\s+mseGradient <b>\s+0\/2\s+input: {4}f\(\)\n\s+expected: 1\n\s+received: 2\n\s+hint: {5}a & b/);
    expect(text).toMatch(/\[hidden\] random\s+0\/3/);
    expect(text).toMatch(/total\s+2\/7 points \(1\/3 checks passed, 1\.2 s\)/);
  });

  test('toHtml: the same table, escaped', () => {
    const html = sample.toHtml();
    expect(html).toContain('<table');
    expect(html).toContain('mseGradient &lt;b&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('<strong>2/7 points</strong>');
  });

  test("toGradescope: Gradescope's results.json", () => {
    const gs = sample.toGradescope();
    expect(gs.score).toBe(2);
    expect(gs.tests).toHaveLength(3);
    expect(gs.tests[0]).toEqual({ name: 'mse.ts › mse is the mean', score: 2, max_score: 2, output: 'ok', visibility: 'visible' });
    expect(gs.tests[1].output).toContain('received: 2');
    expect(gs.tests[2].visibility).toBe('after_published');
  });
});

const tsxCli = require.resolve('tsx/cli', { paths: [ROOT] });
function cli(args: string[]) {
  return spawnSync(process.execPath, [tsxCli, path.join(ROOT, 'kit', 'grade', 'cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('npm run grade (kit/grade/cli.ts)', () => {
  test('grades the stubs: prints 0, writes results.json, exits 0', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'descent-cli-')), 'results.json');
    const run = cli([EXERCISES, '--json', out, '--only', 'mse,autograd', '--no-color']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/exercise\s+test\s+points\s+feedback/);
    expect(run.stdout).toMatch(/total\s+0\/\d+ points/);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { score: number; tests: Array<Record<string, unknown>> };
    expect(json.score).toBe(0);
    expect(json.tests.length).toBeGreaterThan(5);
    for (const t of json.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'visibility']);
      expect(t.output).toMatch(/not implemented yet/);
    }
  }, 120_000);

  test('grades solutions with the hidden graders: full marks', () => {
    const run = cli([SOLUTIONS, '--hidden', HIDDEN, '--only', 'mse', '--no-color']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\[hidden\] randomized/);
    const total = /total\s+(\d+)\/(\d+) points/.exec(run.stdout)!;
    expect(total[1]).toBe(total[2]);
  }, 120_000);

  test('a folder that does not exist: exit 1 with a clear message', () => {
    const run = cli(['no-such-folder']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/grade: DIR must be a folder with exercise files, received ".*no-such-folder"/);
  }, 120_000);

  test('an unknown exercise: exit 1 naming the known ones', () => {
    const run = cli([SOLUTIONS, '--only', 'mes']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/exercise must be one of mse, cross-entropy, gradient-descent, minibatch, autograd, optimizers, received "mes"/);
  }, 120_000);
});

describe('notebook API: check()', () => {
  test("check('mse') grades one exercise and renders text and HTML", async () => {
    const report = await check('mse', { dir: SOLUTIONS });
    expect(report.results.every((r) => r.file === 'mse.ts')).toBe(true);
    expect(report.score).toBe(report.maxScore);
    expect(report.toText()).toMatch(/mse\.ts/);
    expect(report.toHtml()).toMatch(/<table/);
  }, 60_000);

  test("check('mse.ts') also works; an unknown name fails early", async () => {
    expect((await check('mse.ts', { dir: EXERCISES })).score).toBe(0);
    await expect(check('softmax')).rejects.toThrow(/check: exercise must be one of mse, cross-entropy, .*, received "softmax"/);
  }, 60_000);
});
