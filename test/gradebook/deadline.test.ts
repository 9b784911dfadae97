/**
 * Deadlines on real git repositories: the last commit at or before the time (committer date,
 * whatever the author date says), extensions per student, the commit copied out without following
 * links or running the repository's filters, and repositories that borrow objects refused.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { deadlineFor, parseExtensions } from '../../kit/gradebook/deadline/extensions';
import { checkoutAtDeadline, commitAtOrBefore } from '../../kit/gradebook/deadline/git';
import { parseDeadline } from '../../kit/gradebook/deadline/time';
import { removeTemps, tempDir } from './helpers';

afterAll(removeTemps);

/** Symbolic links are made with POSIX calls; on Windows that test cannot run (under CI it must, and fails). */
const POSIX = process.platform !== 'win32' || process.env.CI === 'true';

function git(repo: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...env } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A repository with one commit per (file content, committer date, author date). */
function repository(commits: Array<{ text: string; committed: string; authored?: string }>): { repo: string; ids: string[] } {
  const repo = tempDir('repo');
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['config', 'user.name', 'Student']);
  git(repo, ['config', 'user.email', 'student@example.com']);
  fs.mkdirSync(path.join(repo, 'exercises'));
  const ids: string[] = [];
  for (const c of commits) {
    fs.writeFileSync(path.join(repo, 'exercises', 'mse.ts'), c.text);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', c.text], { GIT_COMMITTER_DATE: c.committed, GIT_AUTHOR_DATE: c.authored ?? c.committed });
    ids.push(git(repo, ['rev-parse', 'HEAD']));
  }
  return { repo, ids };
}

describe('the deadline', () => {
  test('needs an offset, and reads it', () => {
    expect(parseDeadline('2026-03-01T23:59+09:00').toISOString()).toBe('2026-03-01T14:59:00.000Z');
    expect(parseDeadline('2026-03-01T14:59:30Z').toISOString()).toBe('2026-03-01T14:59:30.000Z');
    expect(() => parseDeadline('2026-03-01T23:59')).toThrow(/--before must be a date and time with its offset.*received "2026-03-01T23:59"/);
    expect(() => parseDeadline('2026-13-01T23:59Z')).toThrow(RangeError);
    expect(() => parseDeadline('tomorrow')).toThrow(RangeError);
  });
});

describe('--before on a git repository', () => {
  const commits = [
    { text: 'first', committed: '2026-03-01T10:00:00+09:00' },
    { text: 'at the deadline', committed: '2026-03-01T23:59:00+09:00' },
    // Late, with an author date forged to look early: the committer date decides.
    { text: 'late', committed: '2026-03-02T00:00:01+09:00', authored: '2026-02-01T00:00:00+09:00' },
  ];

  test('picks the last commit at or before the time, by committer date', () => {
    const { repo, ids } = repository(commits);
    const at = (t: string): string | undefined => {
      const r = commitAtOrBefore(repo, parseDeadline(t));
      return r.ok ? r.choice.commit : undefined;
    };
    expect(at('2026-03-01T23:59+09:00')).toBe(ids[1]);
    expect(at('2026-03-01T14:59Z')).toBe(ids[1]); // the same instant in UTC
    expect(at('2026-03-01T23:58+09:00')).toBe(ids[0]);
    expect(at('2026-03-05T00:00+09:00')).toBe(ids[2]);
    const none = commitAtOrBefore(repo, parseDeadline('2026-02-28T00:00+09:00'));
    expect(none).toEqual({ ok: false, problem: 'no commit at or before the deadline 2026-02-27T15:00:00.000Z' });
  });

  test('copies that commit out, and records which it was', () => {
    const { repo, ids } = repository(commits);
    const out = checkoutAtDeadline(repo, parseDeadline('2026-03-01T23:59+09:00'));
    if (!out.ok) throw new Error(out.problem);
    try {
      expect(out.commit).toBe(ids[1]);
      expect(out.committed?.toISOString()).toBe('2026-03-01T14:59:00.000Z');
      expect(fs.readFileSync(path.join(out.dir, 'exercises', 'mse.ts'), 'utf8')).toBe('at the deadline');
      expect(fs.existsSync(path.join(out.dir, '.git'))).toBe(false);
      // The student's working copy is untouched.
      expect(fs.readFileSync(path.join(repo, 'exercises', 'mse.ts'), 'utf8')).toBe('late');
    } finally {
      out.cleanup();
    }
    expect(fs.existsSync(out.dir)).toBe(false);
  });

  test('a folder that is not a git repository says so', () => {
    const plain = tempDir('plain');
    const r = commitAtOrBefore(plain, new Date());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/not a git repository/);
  });

  test.skipIf(!POSIX)('committed links are not followed, filters in the repository config never run, borrowed objects are refused', () => {
    const { repo } = repository([{ text: 'x', committed: '2026-03-01T10:00:00Z' }]);
    const marker = path.join(tempDir('marker'), 'ran');
    fs.symlinkSync('/etc/passwd', path.join(repo, 'exercises', 'optimizers.ts'));
    fs.symlinkSync('/', path.join(repo, 'root'));
    fs.writeFileSync(path.join(repo, '.gitattributes'), '* filter=evil\n');
    git(repo, ['config', 'filter.evil.smudge', `sh -c 'touch ${marker}; cat'`]);
    git(repo, ['config', 'filter.evil.clean', 'cat']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'links'], { GIT_COMMITTER_DATE: '2026-03-01T11:00:00Z' });
    const out = checkoutAtDeadline(repo, parseDeadline('2026-03-01T12:00Z'));
    if (!out.ok) throw new Error(out.problem);
    try {
      expect(out.skipped.sort()).toEqual(['exercises/optimizers.ts (a symbolic link: not copied)', 'root (a symbolic link: not copied)']);
      expect(fs.existsSync(path.join(out.dir, 'exercises', 'optimizers.ts'))).toBe(false);
      expect(fs.readFileSync(path.join(out.dir, 'exercises', 'mse.ts'), 'utf8')).toBe('x');
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      out.cleanup();
    }
    // The control: `git archive` (or a checkout) would have run the repository's filter.
    spawnSync('git', ['archive', '-o', path.join(tempDir('archive'), 'a.tar'), 'HEAD'], { cwd: repo, env: { ...process.env, HOME: repo } });
    expect(fs.existsSync(marker)).toBe(true);
    fs.mkdirSync(path.join(repo, '.git', 'objects', 'info'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.git', 'objects', 'info', 'alternates'), '/somewhere/else/objects\n');
    const borrowed = checkoutAtDeadline(repo, parseDeadline('2026-03-01T12:00Z'));
    expect(borrowed.ok).toBe(false);
    expect(!borrowed.ok && borrowed.problem).toMatch(/alternates exists/);
    const linked = tempDir('linked');
    fs.symlinkSync(path.join(repo, '.git'), path.join(linked, '.git'));
    const viaLink = commitAtOrBefore(linked, new Date());
    expect(!viaLink.ok && viaLink.problem).toMatch(/\.git\/ is a symbolic link/);
  });
});

describe('extensions', () => {
  const course = parseDeadline('2026-03-01T23:59+09:00');

  test('JSON and CSV give a student a later deadline, matched as a Classroom folder', () => {
    const fromJson = parseExtensions('{ "kim-minji": "2026-03-03T23:59+09:00" }', 'ext.json');
    const fromCsv = parseExtensions('\ufefflogin,deadline\nkim-minji,2026-03-03T23:59+09:00\n', 'ext.csv');
    for (const ext of [fromJson, fromCsv]) {
      expect(deadlineFor('hw1-kim-minji', course, ext)).toEqual({ deadline: parseDeadline('2026-03-03T23:59+09:00'), extended: true });
      expect(deadlineFor('hw1-lee-seojun', course, ext)).toEqual({ deadline: course, extended: false });
    }
  });

  test('bad files fail early, naming the place', () => {
    expect(() => parseExtensions('{ "a": "2026-03-03" }', 'ext.json')).toThrow(/ext\.json, key "a".*offset/);
    expect(() => parseExtensions('[1]', 'ext.json')).toThrow(/must be a JSON object/);
    expect(() => parseExtensions('student,deadline\na,2026-03-03T10:00Z\na,2026-03-04T10:00Z\n', 'e.csv')).toThrow(/e\.csv, line 3 repeats "a"/);
    expect(() => parseExtensions('student,deadline\n,2026-03-03T10:00Z\n', 'e.csv')).toThrow(/line 2 has no student/);
  });

  test('two extensions matching one folder are an error, not a guess', () => {
    const ext = parseExtensions('{ "minji": "2026-03-03T10:00Z", "kim-minji": "2026-03-04T10:00Z" }', 'e.json');
    expect(() => deadlineFor('hw1-kim-minji', course, ext)).toThrow(/all match the folder/);
  });
});
