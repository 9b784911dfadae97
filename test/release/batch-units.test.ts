/**
 * The batch's parts on hostile input, without grading: results file names that never collide, the
 * CSV and results.json bounds, finding the exercises, and the integrity check on repositories made
 * to hang or crash it (a FIFO, /dev/zero, `test` → `/`, a folder for a file, thousands of files).
 */
import { execFileSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { resultNames, safeStem } from '../../kit/grade/batch/names';
import { boundedJson, MAX_RESULTS_BYTES } from '../../kit/grade/batch/output';
import { locateExercises } from '../../kit/grade/batch/student';
import { checkRepository as checkIntegrity, MAX_WALKED } from '../../kit/grade/integrity';
import type { Manifest } from '../../kit/grade/manifest';
import { csvText } from '../../kit/grade/report/csv';
import { removeTemps, tempDir } from './helpers';

afterAll(removeTemps);
/** Links and FIFOs are made with POSIX calls; on Windows these tests cannot run (under CI they must, and fail). */
const POSIX = process.platform !== 'win32' || process.env.CI === 'true';
const sha = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

describe('results file names', () => {
  test('safe for every file system, whatever the folder is called', () => {
    expect(safeStem('alice')).toBe('alice');
    expect(safeStem('a b/../c')).toBe('a_b_.._c');
    expect(safeStem('..')).toBe('_.');
    expect(safeStem('-rf')).toBe('_rf');
    expect(safeStem('CON')).toBe('_CON');
    expect(safeStem('nul.txt')).toBe('_nul.txt');
    expect(safeStem('\u001b[31mred\n::x')).toBe('__31mred___x');
    expect(safeStem('x'.repeat(300))).toMatch(/^x{71}~[0-9a-f]{8}$/);
  });

  test('two folders whose safe names collide (case aside) get different files, and the later one a note', () => {
    const names = resultNames(['a b', 'a_b', 'A_B', 'a?b', 'bob']);
    expect([...names.values()].map((n) => n.stem)).toEqual(['a_b', 'a_b~2', 'A_B~3', 'a_b~4', 'bob']);
    expect(names.get('a b')!.note).toBeUndefined();
    expect(names.get('a_b')!.note).toBe("results in a_b~2.json: this folder's name, made safe for a file name, is the same as another student's (a_b.json)");
    expect(new Set([...names.values()].map((n) => n.stem.toLowerCase())).size).toBe(5);
  });
});

describe('what the batch writes', () => {
  test('CSV cells are neutralised for spreadsheets and quoted when needed', () => {
    expect(csvText([['student', 'total'], ['=1+1', 5], ['@SUM(A1)', 0], ['a,"b"', 1]])).toBe(`student,total\n'=1+1,5\n'@SUM(A1),0\n"a,""b""",1\n`);
  });

  test(`results.json stays under ${MAX_RESULTS_BYTES / 1e6} MB: long outputs are shortened`, () => {
    const tests = Array.from({ length: 400 }, (_, i) => ({ name: `t${i}`, output: 'x'.repeat(20_000) }));
    const results = { score: 0, tests };
    const text = boundedJson(results);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_RESULTS_BYTES);
    expect((JSON.parse(text) as { tests: Array<{ output: string }> }).tests[0].output).toMatch(/… \(shortened: results\.json is limited to 1 MB\)$/);
  });
});

describe.skipIf(!POSIX)('hostile repositories (POSIX links and FIFOs)', () => {
  const checksums: Pick<Manifest, 'files' | 'protected'> = {
    protected: ['course/'],
    files: { 'package.json': sha('{}'), 'course.config.json': sha('{}'), 'course/mse/grader.ts': sha('x') },
  };
  function repo(make: (dir: string) => void): string {
    const dir = tempDir('hostile');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.writeFileSync(path.join(dir, 'course.config.json'), '{}');
    fs.mkdirSync(path.join(dir, 'course', 'mse'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'course', 'mse', 'grader.ts'), 'x');
    make(dir);
    return dir;
  }
  const replace = (dir: string, rel: string, make: (full: string) => void): void => {
    fs.rmSync(path.join(dir, rel), { recursive: true, force: true });
    make(path.join(dir, rel));
  };

  test('an intact repository has nothing to report', () => {
    expect(checkIntegrity(repo(() => undefined), checksums)).toEqual([]);
  });

  test('package.json linked to /dev/zero, or a FIFO, is refused without being opened', () => {
    expect(checkIntegrity(repo((d) => replace(d, 'package.json', (f) => fs.symlinkSync('/dev/zero', f))), checksums)).toEqual(['package.json is a symbolic link; submit real files']);
    expect(checkIntegrity(repo((d) => replace(d, 'package.json', (f) => execFileSync('mkfifo', [f]))), checksums)).toEqual(['package.json is a FIFO (named pipe), not a file']);
  }, 20_000);

  test('course.config.json that is a folder; course that is a link to /; thousands of files; deep folders', () => {
    expect(checkIntegrity(repo((d) => replace(d, 'course.config.json', (f) => fs.mkdirSync(f))), checksums)).toEqual(['course.config.json is a folder, not a file']);
    expect(checkIntegrity(repo((d) => replace(d, 'course', (f) => fs.symlinkSync('/', f))), checksums)).toEqual([
      'course/ is a symbolic link; submit real files',
    ]);
    const many = repo((d) => {
      for (let i = 0; i < MAX_WALKED + 100; i++) fs.writeFileSync(path.join(d, 'course', `f${i}.ts`), '');
    });
    const problems = checkIntegrity(many, checksums);
    expect(problems).toContain(`course/ has too many files (more than ${MAX_WALKED} in the protected folders)`);
    expect(problems.length).toBeLessThanOrEqual(MAX_WALKED + 10);
    const deep = repo((d) => fs.mkdirSync(path.join(d, 'course', ...Array.from({ length: 40 }, () => 'd')), { recursive: true }));
    expect(checkIntegrity(deep, checksums)).toEqual([`course/${Array.from({ length: 17 }, () => 'd').join('/')}/ is nested too deeply`]);
  }, 60_000);

  test("a package.json whose grade script was changed, or that is not JSON, is reported by the script's entry", () => {
    const scripts = { files: { 'package.json#scripts.grade': sha('tsx kit/grade/cli.ts') }, protected: [] };
    expect(checkIntegrity(repo((d) => fs.writeFileSync(path.join(d, 'package.json'), '{"scripts":{"grade":"tsx kit/grade/cli.ts"}}')), scripts)).toEqual([]);
    expect(checkIntegrity(repo((d) => fs.writeFileSync(path.join(d, 'package.json'), '{"scripts":{"grade":"echo 100"}}')), scripts)).toEqual(['package.json#scripts.grade (changed)']);
    expect(checkIntegrity(repo((d) => fs.writeFileSync(path.join(d, 'package.json'), '{ nope')), scripts)).toEqual(['package.json is not valid JSON']);
  });

  test('finding the exercises: a link or a file named exercises is refused; a folder of .ts files is graded as is', () => {
    const linked = tempDir('linked');
    fs.symlinkSync(path.resolve(__dirname, '..', '..', 'solutions'), path.join(linked, 'exercises'));
    expect(locateExercises(linked)).toEqual({ refused: 'exercises/ is a symbolic link; submit real files' });
    const file = tempDir('file');
    fs.writeFileSync(path.join(file, 'exercises'), '');
    expect(locateExercises(file)).toEqual({ refused: 'exercises is a file, not a folder' });
    const flat = tempDir('flat');
    fs.writeFileSync(path.join(flat, 'mse.ts'), '');
    expect(locateExercises(flat)).toEqual({ dir: flat });
    expect(locateExercises(tempDir('empty'))).toEqual({ none: 'no exercises/ folder and no .ts file in the submission' });
  });
});
