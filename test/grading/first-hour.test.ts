/**
 * The student's first hour: type errors as feedback lines (file:line, plain words), hints for the
 * habits of Python and NumPy, the encouraging line only when nothing was attempted, a short summary.
 * One grading of an attempted mse.ts (no CLI run: the CLI's own output is counted in report.test.ts).
 */
import fs from 'fs';
import path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade';
import { HABIT_HINTS, pickHint as pickText, problemHint as problemText, receive } from '../../kit/grade/api/expect';
import { render } from '../../kit/grade/i18n/catalogue';

// The hints are localizable texts: these render them in English.
const problemHint = (problem: string): string | undefined => { const t = problemText(problem); return t === undefined ? undefined : render(t); };
const pickHint = (received: unknown, expected: unknown): string | undefined => { const t = pickText(received, expected); return t === undefined ? undefined : render(t); };
import { numbers } from '../../kit/grade/api/plain';
import { nextStep } from '../../kit/grade/cli';
import { briefText, nothingAttempted } from '../../kit/grade/report/brief';
import { summaryMarkdown } from '../../kit/grade/report/summary';
import { typecheckFiles } from '../../kit/grade/typecheck/check';
import { plainMessage } from '../../kit/grade/typecheck/plain';
import { EXERCISES, removeDir, solutionsCopy } from './helpers';

const stub = fs.readFileSync(path.join(EXERCISES, 'mse.ts'), 'utf8');
/** The stub, attempted the NumPy way: len(), range(), array arithmetic. */
const attempted = stub
  .replace("throw new Error('TODO: implement mse (chapter 01-mse)');", 'const n = len(y);\n  let s = 0;\n  for (const i of range(n)) s += (yHat[i] - y[i]) ** 2;\n  return s / n;')
  .replace("throw new Error('TODO: implement mseGradient (chapter 01-mse)');", 'const n = yHat.length;\n  return (2 / n) * (yHat - y);');
const lineOf = (source: string, text: string): number => source.split('\n').findIndex((l) => l.includes(text)) + 1;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const sources = (files: Record<string, string>) => ({ read: (name: string) => (files[name] === undefined ? undefined : { ok: true as const, source: files[name] }) });

describe('type errors are feedback lines, in plain words', () => {
  test('an attempted exercise: its type errors with their line numbers, below its row; the score comes from the checks alone', async () => {
    const dir = solutionsCopy({ 'mse.ts': attempted });
    dirs.push(dir);
    const report = await grade({ dir, only: ['mse'], typecheck: true });
    const mse = report.exercises[0];
    expect(mse.score).toBe(0);
    const errors = mse.typeErrors ?? [];
    expect(errors).toContain(`mse.ts:${lineOf(attempted, 'len(y)')}:13  TypeScript has no len(): use y.length (TS2304)`);
    expect(errors.some((l) => l.startsWith(`mse.ts:${lineOf(attempted, 'range(n)')}:`) && l.includes('TypeScript has no range()'))).toBe(true);
    const arithmetic = errors.filter((l) => l.startsWith(`mse.ts:${lineOf(attempted, '(yHat - y)')}:`) && l.includes('not element-wise'));
    expect(arithmetic).toHaveLength(1); // both operands of `yHat - y`: one line
    const text = briefText(report);
    // The same lines in every rendering: Gradescope's output, the Classroom job summary.
    expect(report.toGradescope().output).toContain(`type error: mse.ts:${lineOf(attempted, 'len(y)')}:13  TypeScript has no len()`);
    expect(summaryMarkdown(report)).toContain(`- mse.ts:${lineOf(attempted, 'len(y)')}:13  TypeScript has no len(): use y.length (TS2304)`);
    expect(text).toContain(`  mse.ts:${lineOf(attempted, 'len(y)')}:13  TypeScript has no len()`);
    // The checks' runtime hints say the same.
    expect(report.results[0].feedback).toContain(`hint:     ${HABIT_HINTS.len}`);
    const gradient = report.results.find((r) => r.name.startsWith('mseGradient'))!;
    expect(gradient.feedback).toContain(`hint:     ${HABIT_HINTS.arrayArithmetic}`);
    // Real attempts: not "where everyone starts".
    expect(nothingAttempted(report)).toBe(false);
    expect(text).toMatch(/mse\.ts\s+0\/\d+\s+0\/5 checks pass; failing: mse is/);
    expect(nextStep(report, 'npm test')).toMatch(/^No check passes yet, but you have started/);
    // Solutions have no type errors.
    expect(report.exercises.every((e) => e === mse || e.typeErrors === undefined)).toBe(true);
  }, 120_000);

  test('the NumPy habits, each in plain words: len, range, np, ** and - on arrays, + on arrays', async () => {
    const files = {
      'a.ts': [
        'export function f(a: number[], b: number[]): number {',
        '  const n = len(a);', // 2
        '  for (const i of range(n)) console.log(i);', // 3
        '  const m = np.mean(a);', // 4
        '  const sq = a ** 2;', // 5
        '  const d = (2 / n) * (a - b);', // 6
        '  const s = a + b;', // 7 (string: no type error, see pickHint)
        '  return m + sq + d + s.length;',
        '}',
        '',
      ].join('\n'),
    };
    const errors = await typecheckFiles(['a.ts'], sources(files));
    expect(Array.isArray(errors)).toBe(true);
    const said = (line: number): string[] => (errors as Array<{ line: number } & Parameters<typeof plainMessage>[0]>).filter((e) => e.line === line).map((e) => plainMessage(e));
    expect(said(2)).toEqual(['TypeScript has no len(): use a.length']);
    expect(said(3)[0]).toMatch(/^TypeScript has no range\(\): count with a loop/);
    expect(said(4)[0]).toMatch(/^there is no NumPy \(np\) here/);
    expect(said(5)[0]).toMatch(/^\*\* on an array gives NaN in TypeScript: `a` is an array/);
    expect(said(6).every((s) => /arithmetic on arrays is not element-wise .* - on an array gives NaN/.test(s))).toBe(true);
  }, 60_000);

  test('type-checking is bounded: out of time it says so, never throws; a non-sibling import is only "not found"', async () => {
    const deep = `export const x = ${'['.repeat(3000)}${']'.repeat(3000)};\n`;
    const slow = await typecheckFiles(['a.ts'], sources({ 'a.ts': deep }), 1);
    expect(slow).toEqual({ failure: expect.stringMatching(/did not finish within/) });
    const escaping = await typecheckFiles(['a.ts'], sources({ 'a.ts': "import { x } from '../../../etc/passwd';\nimport { y } from 'fs';\nexport const z: number = x + y;\n" }));
    expect(Array.isArray(escaping) && escaping.filter((e) => e.code === 2307).length).toBe(2);
  }, 60_000);
});

describe('runtime hints for the habits of Python and NumPy', () => {
  test('len, range, np, sum and Math functions not defined', () => {
    expect(problemHint('threw ReferenceError: len is not defined')).toBe(HABIT_HINTS.len);
    expect(problemHint('threw ReferenceError: range is not defined')).toBe(HABIT_HINTS.range);
    expect(problemHint('threw ReferenceError: np is not defined')).toBe(HABIT_HINTS.numpy);
    expect(problemHint('threw ReferenceError: exp is not defined')).toBe('TypeScript has no exp(): use Math.exp(…)');
    expect(problemHint('threw ReferenceError: total is not defined')).toBeUndefined();
  });

  test('array arithmetic: NaN where an array was expected, a string from +, a scalar NaN', () => {
    const expectHint = (value: unknown, schema: Parameters<typeof receive>[1], hint: string): void => {
      expect(() => receive({ ok: true, value }, schema, { input: 'f()' })).toThrow(`hint:     ${hint}`);
    };
    expectHint(NaN, numbers(3), HABIT_HINTS.arrayArithmetic);
    expectHint('1,2,51,2,3', numbers(3), HABIT_HINTS.arrayPlus);
    expect(pickHint(NaN, 1.5)).toBe(HABIT_HINTS.scalarNaN);
    expect(pickHint([NaN, 1], [1, 1])).toMatch(/^NaN comes from 0\/0/);
  });
});

describe('the summary', () => {
  test('the stubs: "not started" rows and the line for where everyone starts', async () => {
    const report = await grade({ dir: EXERCISES, only: ['mse'] });
    expect(nothingAttempted(report)).toBe(true);
    expect(briefText(report)).toMatch(/mse\.ts\s+0\/\d+\s+not started: still throws TODO/);
    expect(nextStep(report, 'npm test')).toMatch(/^Nothing passes yet: that is where everyone starts/);
  }, 60_000);
});
