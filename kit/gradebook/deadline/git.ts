/**
 * A student's git repository at the deadline: the last commit at or before it, copied out into a
 * temporary folder to be graded like any submission.
 *
 * Which date. A commit has two: the author date, which `git commit --date` and `git rebase` set to
 * anything the student likes, and the committer date, which git sets to the clock of the machine
 * that made the commit — the student's own machine, whose clock (or `GIT_COMMITTER_DATE`) the
 * student controls too. So the committer date is used (it cannot be changed by a flag of
 * `git commit` alone), and it is still only a claim: the trustworthy time is when the commit
 * reached a server the student does not control — GitHub Classroom's push time (its
 * assignment-repository events, or the "submitted" time of an LMS download). Use that when you
 * have it; this command cannot see it.
 *
 * Which commits. Every commit reachable from HEAD (merges included); the latest committer date at
 * or before the deadline wins, the first in `git log` order on a tie.
 *
 * A hostile repository. Git runs with the repository's own configuration, which can name programs
 * to run (filters, hooks, fsmonitor, pagers). So nothing here checks out a work tree or runs
 * `git archive` (both apply smudge filters): only `git log` and `git ls-tree`/`git cat-file`,
 * which read objects as stored and run no filter, with hooks, fsmonitor and the pager switched off.
 * Files come out as plain files: symbolic links (mode 120000) and submodules are not written (and
 * are reported), no path may contain `..`, start with `/` or enter a `.git` folder, and the output
 * is bounded in files and bytes. `.git` itself must be a real folder of the submission (not a link,
 * not a `gitdir:` file pointing elsewhere), with its own objects (no linked `objects/`, no
 * alternates: another repository's objects on the grading machine are out of reach). What comes out is then read by the grader through
 * safe/paths.ts like any submission.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkPath } from '../../grade/safe/paths';

/** Most files copied out of one commit. */
export const MAX_FILES = 20_000;
/** Most bytes copied out of one commit (default: 64 MB). */
export const MAX_BYTES = 64_000_000;
/** Most commits looked at. */
const MAX_COMMITS = 100_000;

export interface CommitChoice {
  commit: string;
  /** The committer date of that commit. */
  committed: Date;
}

export type Materialised =
  | { ok: true; dir: string; commit: string; committed?: Date; skipped: string[]; cleanup: () => void }
  | { ok: false; problem: string };

function git(gitDir: string, args: string[], input?: string, maxBuffer = 16_000_000): { ok: true; stdout: Buffer } | { ok: false; problem: string } {
  const result = spawnSync(
    'git',
    ['--git-dir', gitDir, '-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'log.showSignature=false', ...args],
    {
      input,
      maxBuffer,
      timeout: 60_000,
      // No system or user configuration (a planted ~/.gitconfig or /tmp/.gitconfig could name programs too).
      env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LANG: 'C', HOME: os.tmpdir() },
    },
  );
  if (result.error !== undefined) return { ok: false, problem: `git ${args[0]} failed: ${result.error.message}` };
  if (result.status !== 0) return { ok: false, problem: `git ${args[0]} failed: ${result.stderr.toString('utf8').trim().split('\n')[0] ?? `exit ${result.status}`}` };
  return { ok: true, stdout: result.stdout };
}

/** The `.git` folder of `folder`, checked to be a real folder inside it. */
function gitDirOf(folder: string): { ok: true; gitDir: string } | { ok: false; problem: string } {
  const checked = checkPath(folder, '.git', 'folder');
  if (!checked.ok) return { ok: false, problem: checked.missing ? 'not a git repository (no .git folder): --before needs the students\' repositories' : checked.problem };
  // Objects must be this repository's own: no linked objects folder, no alternates, no shared worktree.
  const objects = checkPath(folder, '.git/objects', 'folder');
  if (!objects.ok) return { ok: false, problem: objects.problem };
  for (const borrowed of ['.git/objects/info/alternates', '.git/objects/info/http-alternates', '.git/commondir']) {
    const found = checkPath(folder, borrowed, 'file');
    if (found.ok || !found.missing) return { ok: false, problem: `${borrowed} exists: a repository that borrows objects from elsewhere is not graded` };
  }
  return { ok: true, gitDir: checked.full };
}

/** The last commit (reachable from HEAD) whose committer date is at or before `deadline`, or why none. */
export function commitAtOrBefore(folder: string, deadline: Date): { ok: true; choice: CommitChoice } | { ok: false; problem: string } {
  const dir = gitDirOf(folder);
  if (!dir.ok) return dir;
  const log = git(dir.gitDir, ['log', '--no-color', `--max-count=${MAX_COMMITS}`, '--format=%H %ct', 'HEAD', '--']);
  if (!log.ok) return log;
  const limit = Math.floor(deadline.getTime() / 1000);
  let best: CommitChoice | undefined;
  for (const line of log.stdout.toString('utf8').split('\n')) {
    const m = /^([0-9a-f]{40,64}) (\d+)$/.exec(line);
    if (m === null) continue;
    const t = Number(m[2]);
    if (t <= limit && (best === undefined || t > best.committed.getTime() / 1000)) best = { commit: m[1], committed: new Date(t * 1000) };
  }
  if (best === undefined) return { ok: false, problem: `no commit at or before the deadline ${deadline.toISOString()}` };
  return { ok: true, choice: best };
}

/** A path from the tree that may be written: relative, no `..`, no `.git` component, no drive or backslash tricks. */
function safeRelative(p: string): boolean {
  const parts = p.split('/');
  return p !== '' && !p.startsWith('/') && !p.includes('\\') && !p.includes('\0') && !/^[A-Za-z]:/.test(p) && parts.every((c) => c !== '' && c !== '.' && c !== '..' && c.toLowerCase() !== '.git');
}

/** Copies the files of `commit` into a new temporary folder (see the module's comment for what is refused). */
export function materialiseCommit(folder: string, commit: string): Materialised {
  const dir = gitDirOf(folder);
  if (!dir.ok) return dir;
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return { ok: false, problem: `not a commit id: ${JSON.stringify(commit)}` };
  const tree = git(dir.gitDir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  if (!tree.ok) return tree;
  const blobs: Array<{ path: string; sha: string }> = [];
  const skipped: string[] = [];
  for (const entry of tree.stdout.toString('utf8').split('\0')) {
    const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t([\s\S]+)$/.exec(entry);
    if (m === null) continue;
    const [, mode, type, sha, p] = m;
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) skipped.push(`${p} (${mode === '120000' ? 'a symbolic link' : mode === '160000' ? 'a submodule' : `mode ${mode}`}: not copied)`);
    else if (!safeRelative(p)) skipped.push(`${p} (an unsafe path: not copied)`);
    else blobs.push({ path: p, sha });
  }
  if (blobs.length > MAX_FILES) return { ok: false, problem: `commit ${commit.slice(0, 12)} has ${blobs.length} files, more than the ${MAX_FILES} a submission may have` };
  const contents = git(dir.gitDir, ['cat-file', '--batch'], blobs.map((b) => `${b.sha}\n`).join(''), MAX_BYTES + 100 * (blobs.length + 1));
  if (!contents.ok) return { ok: false, problem: /maxBuffer|ENOBUFS/.test(contents.problem) ? `commit ${commit.slice(0, 12)} holds more than ${MAX_BYTES / 1e6} MB` : contents.problem };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-commit-'));
  const cleanup = (): void => fs.rmSync(out, { recursive: true, force: true });
  try {
    const data = contents.stdout;
    let at = 0;
    for (const blob of blobs) {
      const newline = data.indexOf(0x0a, at);
      const header = data.subarray(at, newline).toString('utf8');
      const m = /^([0-9a-f]+) blob (\d+)$/.exec(header);
      if (m === null || m[1] !== blob.sha) throw new Error(`unexpected object for ${blob.path}: ${header.slice(0, 80)}`);
      const size = Number(m[2]);
      const target = path.join(out, ...blob.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // 'wx': never through something already there (a link planted by an earlier entry cannot exist, but the rule is cheap).
      fs.writeFileSync(target, data.subarray(newline + 1, newline + 1 + size), { flag: 'wx' });
      at = newline + 1 + size + 1;
    }
  } catch (error) {
    cleanup();
    return { ok: false, problem: `could not copy commit ${commit.slice(0, 12)}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, dir: out, commit, skipped, cleanup };
}

/** The student's last commit at or before `deadline`, copied out: where, which commit, what was skipped. */
export function checkoutAtDeadline(folder: string, deadline: Date): Materialised {
  const chosen = commitAtOrBefore(folder, deadline);
  if (!chosen.ok) return chosen;
  const done = materialiseCommit(folder, chosen.choice.commit);
  return done.ok ? { ...done, committed: chosen.choice.committed } : done;
}
