/**
 * The results model and its renderings (text, HTML, Gradescope), the command line (npm run grade)
 * and the notebook API (check()). Every rendering says each check's status in words, so it reads
 * the same without colour; the HTML table has a caption and header cells with their scope.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { describe, expect, test } from 'vitest';
import { check } from '../../kit/grade';
import { resolveRun, type RawCheck } from '../../kit/grade/report/model';
import { apportion } from '../../kit/grade/report/points';
import { GradeReport } from '../../kit/grade/report/report';
import { EXERCISES, ROOT, SOLUTIONS } from './helpers';

const check_ = (over: Partial<RawCheck>): RawCheck => ({
  exercise: 'mse', file: 'mse.ts', chapter: '01-mse', name: 'mse is the mean', graderPoints: 2, passed: true, feedback: '', hidden: false, ms: 1, ...over,
});
const meta = { title: 'Course', dir: '/tmp/x', gradedAt: '2026-01-01T00:00:00.000Z', ms: 1234, hidden: true, seed: 7 };
const raw = [
  check_({}),
  check_({ name: 'mseGradient <b>', passed: false, feedback: 'input:    f()\nexpected: 1\nreceived: 2\nhint:     a & b' }),
  check_({ name: 'random', graderPoints: 3, passed: false, feedback: 'input:    g()\nproblem:  threw Error', hidden: true }),
];
const sample = new GradeReport(resolveRun(raw, { title: 'Course', exercises: {} }, meta));

describe('the results model', () => {
  test('without course points, every check keeps its grader weight', () => {
    expect([sample.score, sample.maxScore, sample.passed]).toEqual([2, 7, 1]);
    expect(sample.exercises).toEqual([{ exercise: 'mse', file: 'mse.ts', chapter: '01-mse', score: 2, maxScore: 7, passed: 1, checks: 3 }]);
    expect(sample.results.map((r) => [r.points, r.maxPoints, r.graderPoints])).toEqual([[2, 2, 2], [0, 2, 2], [0, 3, 3]]);
    expect(sample.meta).toEqual(meta);
  });

  test("with the course's points, each exercise's checks share them in proportion, in whole or half points that add up", () => {
    const run = resolveRun(
      [...raw, check_({ exercise: 'autograd', file: 'autograd.ts', chapter: '05', name: 'c', graderPoints: 3 })],
      { title: 'T', exercises: { mse: { points: 10, due: 'Friday' } } },
      meta,
    );
    // weights 2, 2, 3 of 10 points: 2.857…, 2.857…, 4.285… in halves by largest remainders (never 2.86)
    expect(run.results.map((r) => [r.maxPoints, r.points])).toEqual([[3, 3], [3, 0], [4, 0], [3, 3]]);
    expect(run.exercises.map((e) => [e.exercise, e.score, e.maxScore, e.due])).toEqual([['mse', 3, 10, 'Friday'], ['autograd', 3, 3, undefined]]);
    expect([run.score, run.maxScore, run.passed]).toEqual([6, 13, 2]);
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  });

  test('fewer half points than checks: hundredths that add up (1 point over 3 checks)', () => {
    const run = resolveRun(raw, { title: 'T', exercises: { mse: { points: 1 } } }, meta);
    expect(run.results.map((r) => r.maxPoints)).toEqual([0.29, 0.28, 0.43]);
    expect(run.exercises[0].maxScore).toBe(1);
  });

  test('apportion: shares proportional to the weights, in hundredths, summing exactly', () => {
    expect(apportion([2, 1, 2, 2, 2], 1000)).toEqual([223, 111, 222, 222, 222]);
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(apportion([3, 1], 800)).toEqual([600, 200]);
    expect(apportion([0, 0], 100)).toEqual([0, 0]);
  });
});

describe('renderings', () => {
  test('text: exercise, test, status in words, points, indented feedback; totals', () => {
    const text = sample.toText();
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^exercise\s+test\s+status\s+points\s+feedback$/);
    expect(text).toMatch(/\nmse\.ts\s+mse is the mean\s+passed\s+2\/2\n/);
    expect(text).toMatch(/mse\.ts\s+mseGradient <b>\s+failed\s+0\/2\s+input: {4}f\(\)\n\s+expected: 1\n\s+received: 2\n\s+hint: {5}a & b/);
    expect(text).toMatch(/\[hidden\] random\s+failed\s+0\/3/);
    expect(text).toMatch(/total\s+2\/7 points \(1\/3 checks passed, 1\.2 s\)/);
    // Colour only repeats the status word; without it nothing is lost.
    const coloured = sample.toText({ color: true });
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
    expect(sample.toText({ header: true })).toMatch(/^Course\n\nmse\.ts\s+7 points\n\nexercise/);
  });

  test('HTML: a caption, header cells with scope, status in words (marks hidden from screen readers), everything escaped', () => {
    const html = sample.toHtml();
    expect(html).toMatch(/<caption[^>]*><strong>Course: 2\/7 points \(1\/3 checks passed\)<\/strong>/);
    expect((html.match(/<th scope="col">/g) ?? []).length).toBe(5);
    expect((html.match(/<th scope="row"/g) ?? []).length).toBe(3);
    expect(html).toContain('<span aria-hidden="true">✓ </span>passed');
    expect((html.match(/<span aria-hidden="true">✗ <\/span>failed/g) ?? []).length).toBe(2);
    expect(html).toContain('mseGradient &lt;b&gt;');
    expect(html).toContain('a &amp; b');
  });

  test("Gradescope's results.json: one test per check with its status, points and visibility", () => {
    const gs = sample.toGradescope({ student: 'x' });
    expect(gs.score).toBe(2);
    expect(gs.tests).toHaveLength(3);
    expect(gs.tests[0]).toEqual({ name: 'mse.ts › mse is the mean', status: 'passed', score: 2, max_score: 2, output: 'passed', visibility: 'visible' });
    expect(gs.tests[1]).toMatchObject({ status: 'failed', score: 0 });
    expect(gs.tests[1].output).toContain('received: 2');
    expect(gs.tests[2].visibility).toBe('after_published');
    expect(gs.extra_data).toEqual({ student: 'x' });
  });
});

const tsxCli = require.resolve('tsx/cli', { paths: [ROOT] });
function cli(args: string[]) {
  return spawnSync(process.execPath, [tsxCli, path.join(ROOT, 'kit', 'grade', 'cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('npm run grade (kit/grade/cli.ts)', () => {
  test("grades the stubs in the course's points: a short summary (details on request), 0, --out's results.json and feedback.md, exit 0", () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-cli-'));
    const out = path.join(outDir, 'results.json');
    const run = cli([EXERCISES, '--json', out, '--out', path.join(outDir, 'out'), '--no-color']);
    expect(run.status, run.stderr).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'course.config.json'), 'utf8')) as { title: string; exercises: Record<string, { points: number; due: string }> };
    const max = Object.values(config.exercises).reduce((s, e) => s + e.points, 0);
    expect(run.stdout.startsWith(`${config.title}\n\nGrading exercises\n\nexercise`)).toBe(true);
    for (const [name, e] of Object.entries(config.exercises)) {
      expect(run.stdout).toMatch(new RegExp(`\\n${name}\\.ts +0/${e.points} +not started: still throws TODO +${e.due.replace(/[()]/g, '\\$&')}\\n`));
    }
    expect(run.stdout).toMatch(new RegExp(`\\ntotal +0/${max} +0/\\d+ checks passed`));
    expect(run.stdout).toContain('Nothing passes yet: that is where everyone starts');
    expect(run.stdout).toContain('Details of every check: npm run grade -- --verbose, or ');
    expect(run.stdout).not.toContain('hint:');
    // Short: the stubs' first run fits a screen (the lines written by --json and --out aside).
    expect(run.stdout.trimEnd().split('\n').filter((l) => !l.startsWith('wrote ')).length).toBeLessThanOrEqual(30);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { score: number; max_score: number; tests: Array<Record<string, unknown>> };
    expect([json.score, json.max_score]).toEqual([0, max]);
    expect(json.tests.length).toBeGreaterThan(5);
    for (const t of json.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(t.output).toMatch(/not implemented yet/);
    }
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'out', 'results.json'), 'utf8'))).toMatchObject({ score: 0, max_score: max });
    const feedback = fs.readFileSync(path.join(outDir, 'out', 'feedback.md'), 'utf8');
    expect(feedback).toContain(`**0 / ${max} points (0.0 %)**`);
    expect(feedback).toContain('## mse\n\n- mse is the mean of the squared errors: input: mse(\\[1, 2, 5\\], \\[1, 2, 3\\]) · problem: threw Error: TODO');
  }, 120_000);

  test('--verbose: every check with its feedback, then the summary', () => {
    const run = cli([EXERCISES, '--only', 'mse', '--verbose', '--no-color']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/exercise\s+test\s+status\s+points\s+feedback/);
    expect(run.stdout).toContain("hint:     not implemented yet: replace the throw new Error('TODO: …') with your code");
    expect(run.stdout).toMatch(/\nmse\.ts +0\/10 +not started/);
    expect(run.stdout).not.toContain('--verbose');
  }, 120_000);

  test('grades solutions with the hidden graders: full marks', () => {
    const run = cli([SOLUTIONS, '--hidden', '--only', 'mse', '--no-color', '--verbose']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\[hidden\] randomized/);
    const total = /total\s+(\d+)\/(\d+) points/.exec(run.stdout)!;
    expect(total[1]).toBe(total[2]);
  }, 120_000);

  test('bad input: a folder that does not exist, an unknown exercise, an option of the other mode', () => {
    const missing = cli(['no-such-folder']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/grade: DIR must be a folder with exercise files, received ".*no-such-folder"/);
    const unknown = cli([SOLUTIONS, '--only', 'mes']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/exercise must be one of mse, cross-entropy, gradient-descent, minibatch, autograd, partial-derivatives, optimizers, received "mes"/);
    expect(cli([SOLUTIONS, '--jobs', '2']).stderr).toBe('grade: --jobs is an option of --batch\n');
    expect(cli(['--batch', SOLUTIONS, '--verbose']).stderr).toBe('grade: --verbose grades one folder: it cannot be used with --batch\n');
    expect(cli(['--batch', SOLUTIONS, '--json', 'x.json']).stderr).toBe('grade: --json grades one folder: it cannot be used with --batch\n');
    const help = cli(['--help']);
    for (const option of ['--json', '--classroom', '--hidden', '--only', '--config', '--seed', '--timeout', '--budget', '--verbose', '--no-typecheck', '--out', '--batch', '--jobs', '--student-timeout', '--before', '--extensions', '--roster', '--similarity-threshold', '--lms-assignment']) {
      expect(help.stdout).toMatch(new RegExp(`\\n +${option}\\b[^\\n]* {2,}\\S`)); // the option, then its line of help
    }
  }, 120_000);
});

describe('notebook API: check()', () => {
  test("check('mse') grades one exercise in the course's points and renders text and HTML", async () => {
    const report = await check('mse', { dir: SOLUTIONS });
    expect(report.results.every((r) => r.file === 'mse.ts')).toBe(true);
    expect([report.score, report.maxScore]).toEqual([10, 10]);
    expect(report.toText()).toMatch(/mse\.ts/);
    expect(report.toHtml()).toMatch(/<table/);
  }, 60_000);

  test("check('mse.ts') also works; an unknown name fails early", async () => {
    expect((await check('mse.ts', { dir: EXERCISES })).score).toBe(0);
    await expect(check('softmax')).rejects.toThrow(/check: exercise must be one of mse, cross-entropy, .*, received "softmax"/);
  }, 60_000);
});
