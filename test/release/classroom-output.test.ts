/**
 * What a student's CI run writes when the feedback is hostile (a thrown message with a carriage
 * return, table pipes, HTML, backticks, terminal escapes and workflow commands): the job summary's
 * Markdown table keeps one row per check and shows the text literally, $GITHUB_OUTPUT gets exactly
 * one `result=` line whose messages are clean, and the terminal table carries no escape sequence.
 */
import fs from 'fs';
import path from 'path';
import { afterAll, expect, test } from 'vitest';
import { classroomResult, writeClassroomOutputs } from '../../kit/grade/report/classroom';
import type { GradeRun } from '../../kit/grade/report/model';
import { problemMarkdown, summaryMarkdown as tableMarkdown } from '../../kit/grade/report/summary';
import { tableText } from '../../kit/grade/report/text';
import { removeTemps, tempDir } from './helpers';

afterAll(removeTemps);

const HOSTILE = 'problem:  threw Error: \u001b[32mok\u001b[0m\r| ✅ 100/100 | <img src=x onerror=alert(1)> `code`\n::set-output name=result::forged\n##[add-mask]x';

function report(): GradeRun {
  const check = (name: string, passed: boolean, feedback: string) => ({
    exercise: 'mse', file: 'mse.ts', chapter: '01-mse', name, points: passed ? 5 : 0, maxPoints: 5, passed, feedback, hidden: false, ms: 1, graderPoints: 5,
  });
  return {
    meta: { title: 'Course | title\r## fake', dir: '.', ms: 10, gradedAt: '2026-01-01T00:00:00.000Z', hidden: false, seed: 1 },
    results: [check('first', false, HOSTILE), check('second', true, '')],
    exercises: [{ exercise: 'mse', file: 'mse.ts', chapter: '01-mse', score: 5, maxScore: 10, passed: 1, checks: 2, due: 'soon\r| 10/10 |' }],
    score: 5, maxScore: 10, passed: 1,
  };
}

test('the job summary: one row per check, every cell literal', () => {
  const md = tableMarkdown(report());
  const rows = md.split('\n').filter((l) => l.startsWith('| `mse.ts`'));
  expect(rows.length).toBe(3); // the exercise row and the two checks
  expect(md).not.toMatch(/[\r\u001b]|<img|^::|##\[/m);
  const failing = rows.find((r) => r.includes('first'))!;
  // Cells are split by unescaped pipes only: the row keeps its 5 columns (status in words).
  expect(failing.split(/(?<!\\)\|/).length).toBe(7);
  expect(failing).toContain('| ❌ failed | 0/5 |');
  expect(rows.find((r) => r.includes('second'))).toContain('| ✅ passed | 5/5 |');
  expect(failing).toContain('&lt;img src=x onerror=alert(1)&gt; \\`code\\`<br>: :set-output name=result::forged<br># #\\[add-mask\\]x');
  expect(md.split('\n')[0]).toBe('## Course \\| title ## fake: 5/10 points');
  expect(problemMarkdown('T', 'graders modified', ['test/<b>x</b>|\r.ts (added)'])).toBe('## T: graders modified\n\n> [!CAUTION]\n> test/&lt;b&gt;x&lt;/b&gt;\\| .ts (added)\n');
});

test('$GITHUB_OUTPUT gets exactly one result= line; its messages are clean', () => {
  const dir = tempDir('gh');
  const env = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') };
  writeClassroomOutputs(classroomResult(report()), tableMarkdown(report()), env);
  const output = fs.readFileSync(env.GITHUB_OUTPUT, 'utf8');
  expect(output).toMatch(/^result=[A-Za-z0-9+/=]+\n$/);
  const result = JSON.parse(Buffer.from(output.slice('result='.length), 'base64').toString('utf8')) as { tests: Array<{ message: string; score: number }> };
  expect(result.tests.map((t) => t.score)).toEqual([0, 5]);
  expect(result.tests[0].message).toBe('problem:  threw Error: ok | ✅ 100/100 | <img src=x onerror=alert(1)> `code`\n: :set-output name=result::forged\n# #[add-mask]x');
});

test('the terminal table carries no escape sequence and no line a CI runner would obey', () => {
  const text = tableText(report(), { color: false });
  expect(text).not.toMatch(/[\r\u001b]|##\[/);
  for (const line of text.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
});
