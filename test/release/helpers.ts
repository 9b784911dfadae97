/** Shared by the release tests: temporary folders, tree hashes, running commands. */
import { spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

export const KIT = path.resolve(__dirname, '..', '..');

const made: string[] = [];

/** A new empty temporary folder (removed by removeTemps). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `descent-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (forward slashes), skipping node_modules and .git. */
export function listTree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...listTree(dir, child));
    else out.push(child);
  }
  return out.sort();
}

/** path → sha256 of every file of the tree. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listTree(dir)) out[f] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
  return out;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command (npm through the npm that runs the tests when known, so Windows works too). */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 120_000): Ran {
  const start = Date.now();
  let file = command;
  let argv = args;
  if (command === 'npm' && process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) {
    file = process.execPath;
    argv = [process.env.npm_execpath, ...args];
  } else if (command === 'npm' && process.platform === 'win32') file = 'npm.cmd';
  const r = spawnSync(file, argv, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    timeout,
    shell: process.platform === 'win32' && file.endsWith('.cmd'),
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? r.error.message : ''}`, ms: Date.now() - start };
}

/** The trimmed lines of every .ts and .js file among `entries` of the kit (folders, walked, or files). */
export function kitLines(...entries: string[]): Set<string> {
  const lines = new Set<string>();
  const visit = (entry: string): void => {
    if (!fs.existsSync(entry)) return;
    if (fs.statSync(entry).isDirectory()) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    } else if (/\.(ts|js)$/.test(entry)) {
      for (const l of fs.readFileSync(entry, 'utf8').split('\n')) lines.add(l.trim());
    }
  };
  for (const e of entries) visit(path.join(KIT, e));
  return lines;
}
