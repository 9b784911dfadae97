/** The stubs in exercises/ score 0, with "not implemented yet" feedback and no crash. */
import fs from 'fs';
import path from 'path';
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

/** The tokens of a TypeScript file, comments and whitespace left out. */
function codeTokens(file: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, fs.readFileSync(file, 'utf8'));
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) tokens.push(scanner.getTokenText());
  return tokens;
}

test('the Korean stubs (exercises/i18n/ko/, shipped by a Korean release) are the English ones with Korean comments', () => {
  const koDir = path.join(EXERCISES, 'i18n', 'ko');
  expect(fs.readdirSync(koDir).sort()).toEqual([...EXERCISE_FILES].sort());
  for (const file of EXERCISE_FILES) {
    const korean = path.join(koDir, file);
    expect(codeTokens(korean), file).toEqual(codeTokens(path.join(EXERCISES, file)));
    const comments = fs.readFileSync(korean, 'utf8').match(/\/\*[\s\S]*?\*\/|\/\/.*$/gm) ?? [];
    const hangul = comments.join('').match(/[\uac00-\ud7a3]/g)?.length ?? 0;
    expect(hangul, `${file}: its comments are Korean`).toBeGreaterThan(comments.join('').length / 5);
  }
});
