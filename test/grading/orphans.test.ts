/**
 * No sandbox child outlives its grading process: a grading process is killed (SIGKILL, so nothing
 * of it runs) while its sandbox child spins in student code, and the child must be gone soon after
 * (kit/grade/sandbox/reaper.ts). Children are found in /proc by their parent and command line.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
/** /proc is Linux's; elsewhere this test cannot look for the children (under CI it must run, and fail). */
const CAN_SEE_PROCESSES = fs.existsSync('/proc/self/stat') || process.env.CI === 'true';

/** Pids of the sandbox children of `parent`. */
function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--disallow-code-generation-from-strings')) out.push(Number(pid));
    } catch {
      // gone
    }
  }
  return out;
}

const alive = (pid: number): boolean => {
  try {
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(state);
  } catch {
    return false;
  }
};

test.skipIf(!CAN_SEE_PROCESSES)('a sandbox child spinning in student code dies when its grading process is killed (Linux: /proc)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-orphan-'));
  const script = path.join(dir, 'parent.ts');
  fs.writeFileSync(
    script,
    [
      `import { DEFAULT_LIMITS, Sandbox } from ${JSON.stringify(path.join(ROOT, 'kit', 'grade', 'sandbox', 'sandbox'))};`,
      "const s = new Sandbox({ files: { 'main.ts': 'export const spin = () => { for (;;) {} };' }, entry: 'main.ts', driver: null }, { ...DEFAULT_LIMITS, callTimeoutMs: 600_000 });",
      "s.ready().then(() => { void s.call('spin', []); setTimeout(() => process.stdout.write('spinning\\n'), 300); });",
      'setInterval(() => undefined, 1000);',
    ].join('\n'),
  );
  // One process (tsx as a require hook, not its CLI, which would run the script in a second one).
  const parent = spawn(process.execPath, ['--require', 'tsx/cjs', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the grading process never started its sandbox')), 60_000);
      parent.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('spinning')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const children = childrenOf(parent.pid!);
    expect(children.length).toBe(1);
    parent.kill('SIGKILL');
    const start = Date.now();
    while (children.some(alive) && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 100));
    expect(children.filter(alive), 'sandbox children still running after their parent was killed').toEqual([]);
    console.log(`the orphaned child was gone ${Date.now() - start} ms after its parent was killed`);
  } finally {
    parent.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
