/**
 * The grader in Korean (issue 13): the ko catalogue and every exercise's messages have the keys of
 * the English ones, and a run with lang 'ko' speaks Korean — check names, feedback labels, hints,
 * the table — with no English feedback sentence left.
 */
import fs from 'fs';
import path from 'path';
import { describe, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import { en } from '../../kit/grade/i18n/en';
import { ko } from '../../kit/grade/i18n/ko';
import { PROJECT_ROOT } from '../../kit/shared/root';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}.${k}`)).sort();
}

const hangul = (text: string): number => (text.match(/[\uac00-\ud7a3]/g) ?? []).length;
const latinWords = (text: string): number => (text.match(/\b[a-z]{3,}\b/g) ?? []).length;

describe('catalogues', () => {
  test('ko has every key of en, and its sentences are Korean', () => {
    expect(keys(ko)).toEqual(keys(en));
  });

  test('every exercise message file has en and ko with the same keys', async () => {
    const files = fs.readdirSync(path.join(PROJECT_ROOT, 'course'))
      .flatMap((ex) => ['messages.ts', 'hidden/messages.ts'].map((f) => path.join(PROJECT_ROOT, 'course', ex, f)))
      .filter((f) => fs.existsSync(f));
    // Seven exercises, each with a public and a hidden grader that speak both languages.
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const ex of ['mse', 'partial-derivatives']) {
      expect(files).toContain(path.join(PROJECT_ROOT, 'course', ex, 'messages.ts'));
      expect(files).toContain(path.join(PROJECT_ROOT, 'course', ex, 'hidden', 'messages.ts'));
    }
    for (const file of files) {
      const m = (await import(file)).default as { en: unknown; ko: unknown };
      expect(keys(m.ko), file).toEqual(keys(m.en));
    }
  });
});

describe('a run in Korean', () => {
  test('the stubs of mse and partial-derivatives: Korean names, labels and hints, no English sentence', async () => {
    const report = await grade({ dir: path.join(PROJECT_ROOT, 'exercises'), only: ['mse', 'partial-derivatives'], lang: 'ko', hidden: true });
    expect(new Set(report.results.map((r) => r.file))).toEqual(new Set(['mse.ts', 'partial-derivatives.ts']));
    const text = report.toText();
    for (const r of report.results) {
      expect(hangul(r.name)).toBeGreaterThan(0);
      // What is left in Latin letters is code: the call, the student's thrown message, identifiers.
      const sentences = r.feedback.split('\n').filter((l) => !/^(입력|문제):/.test(l));
      for (const line of sentences) expect(hangul(line), line).toBeGreaterThan(latinWords(line));
    }
    expect(text).toMatch(/연습 문제\s+검사\s+결과\s+점수\s+피드백/);
    expect(text).toMatch(/합계\s+0\/\d+점/);
    expect(text).not.toMatch(/\b(passed|failed|points|hint|expected|received)\b/);
  }, 60_000);

  test('a wrong answer: the Korean hint of the exercise and the Korean labels', async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'descent-ko-'));
    fs.writeFileSync(path.join(dir, 'mse.ts'), [
      'export function mse(yHat: number[], y: number[]): number { let s = 0; for (let i = 0; i < y.length; i++) s += (yHat[i] - y[i]) ** 2; return s; }',
      'export function mseGradient(yHat: number[], y: number[]): number[] { return yHat.map((p, i) => 2 * (p - y[i]) / y.length); }',
    ].join('\n'));
    const report = await grade({ dir, only: ['mse'], lang: 'ko' });
    const failed = report.results.find((r) => !r.passed);
    expect(failed?.feedback).toContain('힌트:');
    expect(failed?.feedback).toContain('평균이 아니라 합으로 보입니다');
    expect(failed?.feedback).toMatch(/^입력:\s+mse\(/);
    const english = await grade({ dir, only: ['mse'] });
    expect(english.results.find((r) => !r.passed)?.feedback).toContain('hint:     looks like the sum');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test("partial-derivatives, wrong answers in Korean: derivative.ts's problems and hints come from messages.ko", async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'descent-ko-'));
    fs.writeFileSync(path.join(dir, 'partial-derivatives.ts'), [
      "export function himmelblauGradient() { return { x: '2*(x^2 + y - 11) + 2*(x + y^2 - 7)', y: 'derivative(\"(x*y - 1)^2\", \"y\")' }; }",
      "export function networkGradient() { return { x: '2*x*(x*y - 1)', y: 'y = 2*x' }; }",
    ].join('\n'));
    const report = await grade({ dir, only: ['partial-derivatives'], lang: 'ko', hidden: true });
    expect(report.results).toHaveLength(8);
    for (const r of report.results) {
      expect(r.passed, r.name).toBe(false);
      expect(hangul(r.name), r.name).toBeGreaterThan(0);
      // The input repeats the call and the loss, the received line the student's string: the rest are sentences.
      for (const line of r.feedback.split('\n').filter((l) => !/^(입력|받은 값):/.test(l))) expect(hangul(line), line).toBeGreaterThan(latinWords(line));
    }
    const text = report.results.map((r) => r.feedback).join('\n');
    expect(text).toMatch(/^입력: +himmelblauGradient\(\)\.x {2}\(f\(x, y\) = .*의 ∂f\/∂x\)$/m);
    expect(text).toMatch(/^문제: +\(x, y\) = \(1, 2\)에서 여러분의 식은 -20인데, 그 점의 ∂f\/∂x 값은 -36입니다$/m);
    expect(text).toContain('제곱마다 연쇄 법칙을 적용하세요');
    expect(text).toContain('허용되지 않는 함수를 호출했습니다: derivative(…)');
    expect(text).toContain('이것은 ∂L/∂y입니다. y를 고정하고 x에 대해 미분하세요');
    expect(text).toContain('답에 쓸 수 없는 것이 들어 있습니다: 대입(=)');
    expect(report.results.filter((r) => r.name.startsWith('무작위: 무작위 점 16개에서 '))).toHaveLength(4);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('choosing the language', () => {
  test("check() in a notebook: Korean in notebooks/ko (the kernel's folder), $DESCENT_LANG first, else the course's", async () => {
    const { notebookLang } = await import('../../kit/notebooks/helpers/check');
    expect(notebookLang(path.join(PROJECT_ROOT, 'notebooks', 'ko'), {})).toBe('ko');
    expect(notebookLang(path.join(PROJECT_ROOT, 'notebooks'), {})).toBeUndefined();
    expect(notebookLang(path.join(PROJECT_ROOT, 'notebooks'), { DESCENT_LANG: 'ko' })).toBe('ko');
  });

  test('course.config.json "language": parsed, checked, and written back by a release', async () => {
    const { parseCourseConfig, courseConfigJson } = await import('../../kit/grade/config');
    const config = parseCourseConfig({ title: 'T', language: 'ko', exercises: {} }, ['mse']);
    expect(config.language).toBe('ko');
    expect(JSON.parse(courseConfigJson(config, ['mse'])).language).toBe('ko');
    expect(() => parseCourseConfig({ language: 'fr' }, ['mse'])).toThrow(/language.*en, ko/);
  });
});
