/**
 * The gradebook in the class batch (`npm run grade -- --batch` with the gradebook's options): two
 * students with Korean names, as git repositories, whose last commit (after the deadline) breaks
 * mse — `--before` grades the commit before it and records it, an extension gives one of them the
 * later commit; the two identical submissions are flagged by the similarity report; the roster
 * joins one of them and reports what did not match.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { afterAll, expect, test } from 'vitest';
import { parseExtensions } from '../../kit/gradebook/deadline/extensions';
import { parseDeadline } from '../../kit/gradebook/deadline/time';
import { parseRoster } from '../../kit/gradebook/export/roster';
import { safeId } from '../../kit/gradebook/ids';
import { DEFAULT_GRADEBOOK_OPTIONS } from '../../kit/gradebook/options';
import { readProjectConfig } from '../../kit/grade/config';
import { listExercises } from '../../kit/grade/course';
import { gradeBatch } from '../../kit/grade/batch';
import { ALL_EXERCISES, KIT, removeTemps, tempDir } from './helpers';

afterAll(removeTemps);

function git(repo: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...(date === undefined ? {} : { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }) };
  const r = spawnSync('git', ['-c', 'user.name=Student', '-c', 'user.email=s@example.com', ...args], { cwd: repo, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A student repository: the solutions committed before the deadline, then the mse stub after it. */
function student(dir: string): { good: string; late: string } {
  fs.mkdirSync(path.join(dir, 'exercises'), { recursive: true });
  for (const e of ALL_EXERCISES) fs.copyFileSync(path.join(KIT, 'solutions', `${e}.ts`), path.join(dir, 'exercises', `${e}.ts`));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'done'], '2026-03-01T20:00:00+09:00');
  const good = git(dir, ['rev-parse', 'HEAD']);
  fs.copyFileSync(path.join(KIT, 'exercises', 'mse.ts'), path.join(dir, 'exercises', 'mse.ts'));
  git(dir, ['commit', '-q', '-am', 'oops'], '2026-03-02T09:00:00+09:00');
  return { good, late: git(dir, ['rev-parse', 'HEAD']) };
}

test('--before, extensions, roster and the similarity report in one batch', async () => {
  const submissions = tempDir('class');
  const seojun = student(path.join(submissions, '이서준'));
  const minji = student(path.join(submissions, 'hw1-minji'));
  const out = path.join(tempDir('out'), 'grades');
  const summary = await gradeBatch({
    submissions,
    out,
    root: KIT,
    course: readProjectConfig(KIT),
    gradebook: {
      ...DEFAULT_GRADEBOOK_OPTIONS,
      before: parseDeadline('2026-03-01T23:59+09:00'),
      extensions: parseExtensions('{ "minji": "2026-03-02T12:00+09:00" }', 'ext.json'),
      roster: parseRoster('login,id,name,email\nminji,2026001,김민지,minji@example.ac.kr\nabsent,2026009,Absent,a@example.ac.kr\n'),
    },
  });
  const book = summary.gradebook;
  const table = parse(fs.readFileSync(path.join(book.dir, 'scores.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  const byName = new Map(table.map((r) => [r.student, r]));
  const mse = Number(byName.get('이서준')!.mse);
  // 이서준 is graded at the commit before the deadline (mse solved), 김민지 (extended) at the late one (mse a stub).
  expect(byName.get('이서준')).toMatchObject({ id: safeId('이서준'), commit: seojun.good, status: 'ok', flagged: '', percent: '100.0', 'hidden tests': 'no' });
  expect(mse).toBeGreaterThan(0);
  expect(byName.get('hw1-minji')).toMatchObject({ commit: minji.late, 'student id': '2026001', name: '김민지', email: 'minji@example.ac.kr', mse: '0' });
  // Identical submissions (the exercises both kept unchanged) are flagged; mse differs between the commits graded.
  const similarity = fs.readFileSync(path.join(book.dir, 'similarity.md'), 'utf8');
  // every exercise the report compares (partial-derivatives is notCompared: formulas), but mse
  expect(book.flagged?.pairs).toBe(listExercises(KIT).filter((e) => e.notCompared === undefined).length - 1);
  expect(similarity).toContain(`| optimizers | hw1-minji (\`${safeId('hw1-minji')}\`) | 이서준 (\`${safeId('이서준')}\`) | 100 % |`);
  expect(book.roster?.unmatchedFolders).toEqual([{ folder: '이서준', why: 'no roster row' }]);
  expect(book.roster?.unmatchedRoster.map((r) => r.login)).toEqual(['absent']);
  expect(fs.readFileSync(path.join(book.dir, 'feedback', `${safeId('이서준')}.md`), 'utf8')).toContain(`Graded commit ${seojun.good}`);
  // The students' working copies are untouched.
  expect(fs.readFileSync(path.join(submissions, '이서준', 'exercises', 'mse.ts'), 'utf8')).toBe(fs.readFileSync(path.join(KIT, 'exercises', 'mse.ts'), 'utf8'));
});
