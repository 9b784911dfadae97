/**
 * The course is one folder per exercise and everything else follows from it: each contract
 * (course/<exercise>/exercise.json) matches its stub and solution, the stub names its chapter, the
 * course settings name only real exercises, the derived files (the grading manifest, the
 * notebooks' exercise types) are up to date, and every grader's checks bundle for a browser with no
 * Node module in reach (kit/author/checks.ts).
 */
import fs from 'fs';
import path from 'path';
import { expect, test } from 'vitest';
import { courseProblems } from '../../kit/author/checks';
import { COURSE, ROOT } from './helpers';

test('the course is consistent (after adding or changing an exercise: npm run manifest)', () => {
  expect(courseProblems(ROOT)).toEqual([]);
}, 60_000);

test('the exercise list is read from the folders, in chapter order: the seven of the kit (and any added since)', () => {
  const kit = ['01-mse:mse', '02-cross-entropy:cross-entropy', '03-gradient-descent:gradient-descent', '04-minibatch:minibatch', '05-backpropagation:autograd', '06-minima-saddles:partial-derivatives', '07-optimizers:optimizers'];
  const listed = COURSE.map((e) => `${e.chapter}:${e.name}`);
  expect(listed.filter((e) => kit.includes(e))).toEqual(kit);
  expect(COURSE.map((e) => e.chapter.slice(0, 2))).toEqual(COURSE.map((e) => e.chapter.slice(0, 2)).sort());
  const folders = fs.readdirSync(path.join(ROOT, 'course')).filter((f) => fs.existsSync(path.join(ROOT, 'course', f, 'exercise.json')));
  expect(COURSE.map((e) => e.name).sort()).toEqual(folders.sort());
  expect(COURSE.every((e) => e.hidden !== undefined)).toBe(true);
});

test('a grader that reaches for Node is caught: its checks could not run in a page', () => {
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true }); // absent in a fresh clone
  const root = fs.mkdtempSync(path.join(ROOT, 'build', 'course-check-'));
  try {
    fs.cpSync(path.join(ROOT, 'course', 'mse'), path.join(root, 'course', 'mse'), { recursive: true });
    for (const linked of ['kit', 'src', 'node_modules']) fs.symlinkSync(path.join(ROOT, linked), path.join(root, linked), 'junction');
    for (const folder of ['exercises', 'solutions']) {
      fs.mkdirSync(path.join(root, folder));
      fs.copyFileSync(path.join(ROOT, folder, 'mse.ts'), path.join(root, folder, 'mse.ts'));
    }
    fs.appendFileSync(path.join(root, 'course', 'mse', 'grader.ts'), "\nimport { readFileSync } from 'fs';\nexport const peek = readFileSync;\n");
    const problems = courseProblems(root);
    expect(problems.some((p) => /^mse\/grader\.ts does not run in a browser \(.*"fs".*\): checks may only use the grading API, not Node$/.test(p)), problems.join('\n')).toBe(true);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
