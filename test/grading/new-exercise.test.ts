/**
 * `npm run new-exercise -- NAME` on a copy of the kit (copies, never hard links: a second link to
 * solutions/*.ts makes a grading of solutions/ running at the same time refuse the file), with a name the kit has never seen: the course stays consistent
 * (contracts, settings, manifest, the notebooks' types), the solution gets full marks with the
 * hidden grader, the stub 0, its mutants lose points, the release ships its public grader and
 * nothing of the instructor's, a second run refuses the name — and the kit itself is untouched.
 */
import { spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { courseProblems } from '../../kit/author/checks';
import { gradeMutants, mutantProblems } from '../../kit/author/mutation';
import { EXERCISE_TYPES_FILE } from '../../kit/author/sync';
import { COURSE_CONFIG_FILE, readProjectConfig } from '../../kit/grade/config';
import { grade } from '../../kit/grade/engine';
import { MANIFEST_RELATIVE_PATH } from '../../kit/grade/manifest';
import { buildReleaseTree } from '../../kit/release/tree';
import { listFiles } from '../../kit/shared/walk';
import { ROOT } from './helpers';

const NAME = `probe-${crypto.randomBytes(4).toString('hex').replace(/^[0-9]/, 'x')}`;
const FN = NAME.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
/** What the command rewrites: copied, never linked, so the kit's own files cannot change through a link. */
const REWRITTEN = [COURSE_CONFIG_FILE, MANIFEST_RELATIVE_PATH, EXERCISE_TYPES_FILE];
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const digest = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const kitBefore = new Map(REWRITTEN.map((f) => [f, digest(path.join(ROOT, f))]));

let copy = '';
let first: ReturnType<typeof spawnSync>;

const newExercise = (...args: string[]) =>
  spawnSync(process.execPath, [TSX, 'kit/author/new-exercise.ts', ...args], { cwd: copy, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-new-exercise-'));
  for (const dir of ['src', 'kit', 'course', 'exercises', 'solutions', 'notebooks']) {
    for (const f of listFiles(ROOT, dir)) {
      fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
    }
  }
  for (const f of ['package.json', 'tsconfig.json', ...REWRITTEN]) {
    fs.rmSync(path.join(copy, f), { force: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
  first = newExercise(NAME);
}, 180_000);

afterAll(() => {
  if (copy !== '') fs.rmSync(copy, { recursive: true, force: true });
});

test('it writes the exercise, updates the settings and the derived files, and prints the chapter cells', () => {
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  for (const f of [`exercises/${NAME}.ts`, `exercises/i18n/ko/${NAME}.ts`, `solutions/${NAME}.ts`, `course/${NAME}/exercise.json`, `course/${NAME}/messages.ts`, `course/${NAME}/grader.ts`, `course/${NAME}/hidden/messages.ts`, `course/${NAME}/hidden/grader.ts`, `course/${NAME}/mutants.ts`, COURSE_CONFIG_FILE]) {
    expect(first.stdout).toContain(`  ${f}\n`);
    expect(fs.existsSync(path.join(copy, f)), f).toBe(true);
  }
  expect(first.stdout).toContain(`await check('${NAME}');`);
  expect(first.stdout).toContain(`Open **\`exercises/${NAME}.ts\`** and implement \`${FN}(yHat, y)\``);
  expect(readProjectConfig(copy).exercises[NAME]).toEqual({ points: 10 });
  expect(fs.readFileSync(path.join(copy, EXERCISE_TYPES_FILE), 'utf8')).toContain(`export * from '../../../exercises/${NAME}';`);
  expect(courseProblems(copy)).toEqual([]);
});

test('the solution gets full marks with the hidden grader; the stub gets 0 with "not implemented yet"', async () => {
  const course = readProjectConfig(copy);
  const solved = await grade({ root: copy, course, dir: path.join(copy, 'solutions'), hidden: true, only: [NAME] });
  expect(solved.results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.feedback}`)).toEqual([]);
  expect([solved.score, solved.maxScore]).toEqual([10, 10]);
  expect(solved.results.map((r) => r.hidden)).toEqual([false, true]);
  const stub = await grade({ root: copy, course, dir: path.join(copy, 'exercises'), hidden: true, only: [NAME] });
  expect([stub.score, stub.maxScore]).toEqual([0, 10]);
  for (const r of stub.results) expect(r.feedback).toMatch(new RegExp(`problem: {2}threw Error: TODO: implement ${FN} \\(chapter \\d{2}-`));
}, 120_000);

test('its mutants lose points', async () => {
  const outcomes = await gradeMutants(copy, { only: [NAME] });
  expect(outcomes.map((o) => o.mutant.name)).toEqual(expect.arrayContaining(['sum-instead-of-mean', 'returns-constant']));
  expect(outcomes.flatMap(mutantProblems)).toEqual([]);
}, 120_000);

test('the release ships the stub, the contract and the public grader; never the solution, the hidden grader or the mutants', () => {
  const tree = buildReleaseTree({ kitRoot: copy });
  const shipped = [...tree.files.keys()];
  for (const f of [`exercises/${NAME}.ts`, `course/${NAME}/exercise.json`, `course/${NAME}/grader.ts`]) expect(shipped).toContain(f);
  expect(shipped.filter((f) => f.startsWith(`course/${NAME}/`)).sort()).toEqual([`course/${NAME}/exercise.json`, `course/${NAME}/grader.ts`, `course/${NAME}/messages.ts`]);
  expect(shipped.filter((f) => f.startsWith('solutions/'))).toEqual([]);
  expect(tree.points[NAME]).toBe(10);
}, 120_000);

test('a second run refuses the name and writes nothing; a bad name is refused with what was expected', () => {
  const again = newExercise(NAME);
  expect(again.status).toBe(1);
  expect(again.stderr).toBe(`new-exercise: course/${NAME} already exists: choose another NAME, or remove that exercise first\n`);
  const bad = newExercise('Huber_Loss');
  expect(bad.status).toBe(1);
  expect(bad.stderr).toBe('new-exercise: NAME must be lower-case words joined by \'-\', like "huber-loss", received "Huber_Loss"\n');
  const clash = newExercise('mse-gradient');
  expect(clash.stderr).toBe('new-exercise: exercise mse already exports mseGradient (notebooks import every exercise\'s names together): choose another NAME\n');
  expect(fs.existsSync(path.join(copy, 'course', 'mse-gradient'))).toBe(false);
}, 120_000);

test('the kit itself is untouched', () => {
  for (const [f, hash] of kitBefore) expect(digest(path.join(ROOT, f)), f).toBe(hash);
  expect(fs.existsSync(path.join(ROOT, 'course', NAME))).toBe(false);
  expect(fs.existsSync(path.join(ROOT, 'exercises', `${NAME}.ts`))).toBe(false);
});
