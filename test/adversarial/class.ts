/**
 * A class of submissions for the batch suite (batch.test.ts): honest students (copies of solutions/,
 * as a folder of files and as a released repository) and attackers of every kind of issue #11 and
 * beyond. Every attacker starts from the stub of mse.ts (and no other exercise), so any point it
 * gets is undeserved, and says how grading must answer it: its status and one line of reason (in
 * the row's detail or its problems).
 */
import fs from 'fs';
import path from 'path';
import { buildReleaseTree } from '../../kit/release/tree';

const ROOT = path.resolve(__dirname, '..', '..');
const SOLUTIONS = path.join(ROOT, 'solutions');
const STUBS = path.join(ROOT, 'exercises');
const CHEATS = path.join(__dirname, 'cheats');

export interface Student {
  /** The folder name (may hold any character a file system allows). */
  name: string;
  honest: boolean;
  /** The status the row must have. */
  status: string;
  /** A line of the row's detail or problems must match this (attackers). */
  reason?: RegExp;
}

/** TypeScript's parser takes about 2^depth steps on nested `async (` calls. */
export const transpileBomb = (depth = 40): string => `export const mse = ${'async ('.repeat(depth)}0${')'.repeat(depth)};\nexport const mseGradient = (a: number[]): number[] => a;\n`;

/** Copies the files of `from` (not its folders: solutions/answers/ is Markdown for the instructor) into `to`. */
const copyAll = (from: string, to: string): void => {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from, { withFileTypes: true })) if (f.isFile()) fs.copyFileSync(path.join(from, f.name), path.join(to, f.name));
};

/** Writes the class into `submissions` (and helper files into `outside`); returns every student with what is expected of them. */
export function buildClass(submissions: string, outside: string): Student[] {
  const students: Student[] = [];
  const dir = (name: string): string => path.join(submissions, name);
  /** An attacker's exercises/: the stub of mse.ts only (the other exercises are missing: 0 points, at no cost to the suite). */
  const stubs = (name: string): string => {
    const target = path.join(dir(name), 'exercises');
    fs.mkdirSync(target, { recursive: true });
    fs.copyFileSync(path.join(STUBS, 'mse.ts'), path.join(target, 'mse.ts'));
    return target;
  };
  const release = buildReleaseTree().files;
  /** A released repository (every protected file intact), its exercises/ from `exercises`. */
  const repository = (name: string, exercises: string): string => {
    for (const [file, content] of release) {
      if (file.startsWith('exercises/')) continue;
      fs.mkdirSync(path.dirname(path.join(dir(name), file)), { recursive: true });
      fs.writeFileSync(path.join(dir(name), file), content);
    }
    if (exercises === STUBS) stubs(name);
    else copyAll(exercises, path.join(dir(name), 'exercises'));
    return dir(name);
  };
  const honest = (name: string): void => void students.push({ name, honest: true, status: 'ok' });
  const attacker = (name: string, status: string, reason: RegExp): void => void students.push({ name, honest: false, status, reason });

  // Honest students: a folder of files, a released repository, and one graded last.
  copyAll(SOLUTIONS, dir('honest-files'));
  honest('honest-files');
  repository('honest-repo', SOLUTIONS);
  honest('honest-repo');
  copyAll(SOLUTIONS, path.join(dir('zz-honest'), 'exercises'));
  honest('zz-honest');

  // Links to folders: exercises/ → the kit's solutions/, → a classmate's exercises/; the student folder itself a link.
  fs.mkdirSync(dir('link-exercises-to-solutions'));
  fs.symlinkSync(SOLUTIONS, path.join(dir('link-exercises-to-solutions'), 'exercises'));
  attacker('link-exercises-to-solutions', 'refused', /^exercises\/ is a symbolic link; submit real files$/);
  fs.mkdirSync(dir('link-exercises-to-classmate'));
  fs.symlinkSync(path.join('..', 'honest-repo', 'exercises'), path.join(dir('link-exercises-to-classmate'), 'exercises'));
  attacker('link-exercises-to-classmate', 'refused', /^exercises\/ is a symbolic link; submit real files$/);
  fs.symlinkSync(dir('honest-files'), dir('link-student-folder'));
  attacker('link-student-folder', 'refused', /^the submission is a symbolic link; submit real files$/);
  // Links to files, an import of a linked file, a hard link to a copy outside, a 50 MB file.
  fs.rmSync(path.join(stubs('link-file'), 'mse.ts'));
  fs.symlinkSync(path.join(SOLUTIONS, 'mse.ts'), path.join(dir('link-file'), 'exercises', 'mse.ts'));
  attacker('link-file', 'ok', /^mse\.ts: could not run: mse\.ts is a symbolic link; submit real files$/);
  const linkImport = stubs('link-import');
  fs.writeFileSync(path.join(linkImport, 'mse.ts'), "export * from './reference';\n");
  fs.symlinkSync(path.join(SOLUTIONS, 'mse.ts'), path.join(linkImport, 'reference.ts'));
  attacker('link-import', 'ok', /^mse\.ts: mse\.ts failed to load: Error: reference\.ts is a symbolic link; submit real files$/);
  fs.copyFileSync(path.join(SOLUTIONS, 'mse.ts'), path.join(outside, 'mse.ts'));
  const hard = stubs('hard-link');
  fs.rmSync(path.join(hard, 'mse.ts'));
  fs.linkSync(path.join(outside, 'mse.ts'), path.join(hard, 'mse.ts'));
  attacker('hard-link', 'ok', /^mse\.ts: could not run: mse\.ts has 2 hard links .*; submit a plain file$/);
  fs.truncateSync(path.join(stubs('huge-source'), 'mse.ts'), 50_000_000);
  attacker('huge-source', 'ok', /^mse\.ts: could not run: mse\.ts is 50\.0 MB, more than the 1 MB an exercise file may have$/);
  fs.rmSync(path.join(stubs('exercise-is-a-folder'), 'mse.ts'));
  fs.mkdirSync(path.join(dir('exercise-is-a-folder'), 'exercises', 'mse.ts'));
  attacker('exercise-is-a-folder', 'ok', /^mse\.ts: could not run: mse\.ts is a folder, not a file$/);
  fs.rmSync(path.join(stubs('exercise-is-a-fifo'), 'mse.ts'));
  require('child_process').execFileSync('mkfifo', [path.join(dir('exercise-is-a-fifo'), 'exercises', 'mse.ts')]);
  attacker('exercise-is-a-fifo', 'ok', /^mse\.ts: could not run: mse\.ts is a FIFO \(named pipe\), not a file$/);
  fs.mkdirSync(dir('exercises-is-a-file'));
  fs.writeFileSync(path.join(dir('exercises-is-a-file'), 'exercises'), 'not a folder');
  attacker('exercises-is-a-file', 'refused', /^exercises is a file, not a folder$/);

  // Answers that decode to gigabytes, huge keys; thrown messages that speak to terminals, CI and Markdown.
  fs.copyFileSync(path.join(CHEATS, 'decode-bomb.ts'), path.join(stubs('decode-bomb'), 'mse.ts'));
  attacker('decode-bomb', 'ok', /^mse\.ts: returned an array of length 9000000 with entries missing \(a sparse array\)/);
  fs.copyFileSync(path.join(CHEATS, 'huge-key.ts'), path.join(stubs('huge-key'), 'mse.ts'));
  attacker('huge-key', 'ok', /^mse\.ts: returned an object with a key of 5000 characters \(at most 1000\)$/);
  fs.copyFileSync(path.join(CHEATS, 'control-characters.ts'), path.join(stubs('control-characters'), 'mse.ts'));
  attacker('control-characters', 'ok', /^mse\.ts: threw Error: red clipboard : :set-output name=result::forged 100\/100 # #\[error\]x \| 100\/100 \|$/);
  fs.copyFileSync(path.join(CHEATS, 'kill-parent.ts'), path.join(stubs('kill-the-grader'), 'mse.ts'));
  attacker('kill-the-grader', 'ok', /^mse\.ts: tried to signal another process \(process\.kill\), which grading does not allow$/);

  // Compile time: an imported exponential-time file; thousands of extra files and an unimported bomb.
  fs.writeFileSync(path.join(stubs('transpile-bomb'), 'mse.ts'), transpileBomb());
  attacker('transpile-bomb', 'ok', /^mse\.ts: timed out after 10 s while compiling mse\.ts \(TypeScript did not finish/);
  const extra = stubs('extra-files');
  for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(extra, `extra${i}.ts`), `export const e${i} = ${i};\n`);
  fs.writeFileSync(path.join(extra, 'unimported-bomb.ts'), transpileBomb());
  fs.writeFileSync(path.join(extra, 'new\nline\u001b[2J.ts'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(extra, 'unimported-huge.ts'), '');
  fs.truncateSync(path.join(extra, 'unimported-huge.ts'), 50_000_000);
  attacker('extra-files', 'ok', /^mse\.ts: threw Error: TODO/);

  // Malformed repositories: package.json a FIFO or /dev/zero, course.config.json a folder, course/ → /, a control-character file name.
  const malformed = repository('malformed-repo', STUBS);
  fs.rmSync(path.join(malformed, 'package.json'));
  require('child_process').execFileSync('mkfifo', [path.join(malformed, 'package.json')]);
  fs.rmSync(path.join(malformed, 'course.config.json'));
  fs.mkdirSync(path.join(malformed, 'course.config.json'));
  fs.rmSync(path.join(malformed, 'course'), { recursive: true });
  fs.symlinkSync('/', path.join(malformed, 'course'));
  fs.rmSync(path.join(malformed, '.github', 'workflows', 'classroom.yml'));
  fs.symlinkSync('/dev/zero', path.join(malformed, '.github', 'workflows', 'classroom.yml'));
  attacker('malformed-repo', 'graders modified', /^package\.json is a FIFO \(named pipe\), not a file$/);
  const zero = repository('dev-zero', STUBS);
  fs.rmSync(path.join(zero, 'package.json'));
  fs.symlinkSync('/dev/zero', path.join(zero, 'package.json'));
  attacker('dev-zero', 'graders modified', /^package\.json is a symbolic link; submit real files$/);
  const odd = repository('odd-file-names', STUBS);
  fs.writeFileSync(path.join(odd, 'course', '\u001b]52;c;eA==\u0007\n::warning::pwned |x|.ts'), '');
  attacker('odd-file-names', 'graders modified', /^course\/ : :warning::pwned \|x\|\.ts \(added\)$/);

  // Hostile folder names: control characters, spreadsheet formulas, names that collide once made safe.
  const hostile = ['ctl\u001b[31m\n::error::name', 'rtl\u202egnp.ts', 'x'.repeat(250), '=HYPERLINK("evil.example","x")', '+1', '-1', '@SUM(A1)', 'same name', 'same_name', 'SAME_NAME'];
  for (const name of hostile) {
    stubs(name);
    // Of the colliding names, the first in the batch's order keeps its file; the others get a note.
    const renamed = name !== 'SAME_NAME' && /^same[ _]name$/.test(name);
    attacker(name, 'ok', renamed ? /^results in same_name~\d\.json: this folder's name, made safe for a file name, is the same as another student's/ : /^mse\.ts: threw Error: TODO/);
  }
  return students;
}
