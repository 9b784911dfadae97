/** Shared by the adversarial suites: the project tree's hashes (to prove grading changes nothing) and the sandbox children still running. */
import crypto from 'crypto';
import fs from 'fs';

/** Not part of the project's content (top-level): installed packages, build output, tool caches, git's own files. */
export const NOT_TREE = new Set(['node_modules', 'build', 'dist', '.vitest', '.git']);

const sha256 = (data: Buffer | string): string => crypto.createHash('sha256').update(data).digest('hex');

/** path → sha256 of every file under `dir` (links: their target), skipping `skip` at the top. */
export function hashTree(dir: string, skip = NOT_TREE): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(`${dir}/${sub}`, { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (sub === '' && skip.has(entry.name)) continue;
      const full = `${dir}/${rel}`;
      if (entry.isSymbolicLink()) out.set(rel, `link:${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && !entry.name.endsWith('.log')) out.set(rel, sha256(fs.readFileSync(full)));
    }
  };
  walk('');
  return out;
}

export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** The pids of running sandbox children (Linux, /proc) that match `which` (their parent pid and working folder). */
export function sandboxProcesses(which: (p: { pid: number; ppid: number; cwd: string }) => boolean): number[] {
  if (process.platform !== 'linux') return [];
  const alive: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (rest[0] === 'Z') continue;
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--disallow-code-generation-from-strings')) continue;
      let cwd = '';
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // not ours to read
      }
      if (which({ pid: Number(pid), ppid: Number(rest[1]), cwd })) alive.push(Number(pid));
    } catch {
      // gone
    }
  }
  return alive;
}
