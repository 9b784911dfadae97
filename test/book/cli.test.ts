/**
 * `npm start` and `npm run book` as a student runs them, on tiny notebooks executed by the real
 * tslab kernel: progress lines, the URL, a clean stop on Ctrl+C, and a failing cell that stops the
 * build with the notebook, the cell and the error.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../kit/book/files';
import { codeCell, markdownCell, notebook } from './fixtures';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'descent-book-cli-'));
/** The `npm start` under test, stopped (its whole process group) if a check failed before Ctrl+C. */
let started: ChildProcess | null = null;
afterAll(() => {
  if (started && started.exitCode === null && started.signalCode === null) {
    try { process.kill(-(started.pid as number), 'SIGKILL'); } catch { /* already gone */ }
  }
  rmSync(work, { recursive: true, force: true });
});

function course(name: string, cells: ReturnType<typeof codeCell>[]): { notebooks: string; args: string[] } {
  const dir = join(work, name);
  const notebooks = join(dir, 'notebooks');
  mkdirSync(notebooks, { recursive: true });
  writeFileSync(join(notebooks, '00-tiny.ipynb'), JSON.stringify(notebook(cells)));
  return { notebooks, args: ['--notebooks', notebooks, '--executed', join(dir, 'executed'), '--out', join(dir, 'book')] };
}

describe('npm start', () => {
  it('executes the notebooks with progress, builds, serves the book and stops cleanly on Ctrl+C', async () => {
    const c = course('ok', [markdownCell('# 0 · Tiny\n\nA tiny chapter with $x^2$.'), codeCell('console.log(6 * 7);')]);
    // tsx as a loader in this one process (`node --import tsx`), not tsx's CLI: the CLI is a parent
    // that relays Ctrl+C and SIGKILLs its child (exit 130) when the child takes over 60 ms to confirm
    // the signal, which a loaded machine does; the script's own clean stop is what is tested here.
    const child = spawn(process.execPath, ['--import', 'tsx', 'kit/book/start.ts', ...c.args, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    started = child;
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL within 120 s:\n${stdout}\n${stderr}`)), 120_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /The course book: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) { clearTimeout(timer); ok(m[1]); }
      });
      child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`exited ${code}:\n${stdout}\n${stderr}`)); });
    });
    expect(stdout).toMatch(/Executing 1 notebook on the TypeScript kernel \(tslab\)…\n/);
    expect(stdout).toMatch(/\[1\/1\] \S*00-tiny\.ipynb {2}1 cells {2}\d+\.\d s\n/);
    expect(stdout).toMatch(/Book built in \d+\.\d s: 1 chapter\(s\), 2 page\(s\)/);
    expect(stdout).toMatch(/Ready in \d+\.\d s\./);
    const page = await (await fetch(`${url}00-tiny.html`)).text();
    expect(page).toContain('<pre class="output-stream" tabindex="0">42\n</pre>');
    expect(page).toContain('class="katex"');

    const exit = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    // Ctrl+C in a terminal signals the whole process group; pressed twice (or relayed by npm), the
    // script gets it more than once: it still stops cleanly.
    process.kill(-(child.pid as number), 'SIGINT');
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exit).toBe(0);
    expect(stdout).toContain('Stopped.');
    await expect(fetch(url)).rejects.toThrow();
  }, 180_000);
});

describe('a failing cell', () => {
  it('stops `npm run book` with the notebook, the cell and the error, and builds nothing', () => {
    const c = course('failing', [
      markdownCell('# 0 · Failing'),
      codeCell('const ok = 1;'),
      codeCell("throw new Error('deliberate failure in cell 2');"),
      codeCell('console.log("never runs");'),
    ]);
    const r = spawnSync(process.execPath, [TSX, 'kit/book/cli.ts', ...c.args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\[1\/1\] \S*00-tiny\.ipynb {2}FAILED\n/);
    expect(r.stderr).toContain('The book was not built: cell 2 of');
    expect(r.stderr).toContain("throw new Error('deliberate failure in cell 2');");
    expect(r.stderr).toContain('deliberate failure in cell 2');
    expect(existsSync(join(work, 'failing', 'book', 'index.html'))).toBe(false);
  }, 180_000);

  it('rejects a bad option with a message naming it', () => {
    const r = spawnSync(process.execPath, [TSX, 'kit/book/start.ts', '--port', 'eighty'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port must be an integer from 0 to 65535, received "eighty"');
    const b = spawnSync(process.execPath, [TSX, 'kit/book/cli.ts', '--timeout', '-1'], { cwd: ROOT, encoding: 'utf8' });
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--timeout must be a positive number of seconds, received "-1"');
  });
});
