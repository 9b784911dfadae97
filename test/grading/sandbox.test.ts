/** The isolation boundary itself: a child process per exercise file, plain data only, limits. */
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, Sandbox, SandboxLimits } from '../../kit/grade/sandbox/sandbox';

const open: Sandbox[] = [];
afterEach(() => open.splice(0).forEach((s) => s.dispose()));

function sandbox(files: Record<string, string>, driver: string | null = null, limits: Partial<SandboxLimits> = {}): Sandbox {
  const s = new Sandbox({ files, entry: 'main.ts', driver }, { ...DEFAULT_LIMITS, ...limits });
  open.push(s);
  return s;
}

describe('Sandbox', () => {
  test('calls an export with plain data; NaN, Infinity and -0 survive the trip', async () => {
    const s = sandbox({ 'main.ts': 'export const f = (x: number[]) => x.map((v) => v * 2).concat([NaN, Infinity, -0]);' });
    const out = await s.call('f', [[1, 2]]);
    expect(out).toEqual({ ok: true, value: [2, 4, NaN, Infinity, -0] });
  });

  test('class instances come back as plain objects, functions are refused', async () => {
    const s = sandbox({ 'main.ts': 'class P { constructor(public x = 1) {} get y() { return 2; } }\nexport const p = () => new P();\nexport const fn = () => () => 1;' });
    const p = await s.call('p', []);
    expect(p).toEqual({ ok: true, value: { x: 1 } });
    expect(Object.getPrototypeOf((p as { value: object }).value)).toBe(Object.prototype);
    expect(await s.call('fn', [])).toEqual({ ok: false, problem: 'returned a function, which cannot be copied back' });
  });

  test('sibling files are served from memory; nothing else can be imported', async () => {
    const s = sandbox({
      'main.ts': "import { twice } from './lib';\nexport const f = (x: number) => twice(x);\nexport const g = () => require('os').homedir();",
      'lib.ts': 'export const twice = (x: number) => 2 * x;',
    });
    expect(await s.call('f', [21])).toEqual({ ok: true, value: 42 });
    const g = await s.call('g', []);
    expect(g.ok).toBe(false);
    expect((g as { problem: string }).problem).toMatch(/main.ts imports "os", but exercise files may only import each other/);
  });

  test('drivers run next to the student code and return plain observations', async () => {
    const s = sandbox(
      { 'main.ts': 'export class Counter { n = 0; inc() { this.n += 1; return this; } }' },
      'export function count(mod: any, args: { times: number }) { const c = new mod.Counter(); for (let i = 0; i < args.times; i++) c.inc(); return c.n; }',
    );
    expect(await s.drive('count', { times: 5 })).toEqual({ ok: true, value: 5 });
  });

  test('the permission model denies files and processes even through the real require', async () => {
    const s = sandbox({
      'main.ts': [
        "export const read = () => (globalThis as any).require('fs').readFileSync('/etc/hostname', 'utf8');",
        "export const spawn = () => (globalThis as any).require('child_process').execSync('echo hi').toString();",
      ].join('\n'),
    });
    expect(await s.call('read', [])).toEqual({ ok: false, problem: 'tried to read a file, which grading does not allow' });
    expect(await s.call('spawn', [])).toEqual({ ok: false, problem: 'tried to start another process, which grading does not allow' });
  });

  test('a timeout kills the child; the next call gets a fresh one', async () => {
    const s = sandbox({ 'main.ts': 'let calls = 0;\nexport const spin = () => { for (;;) {} };\nexport const count = () => ++calls;' }, null, { callTimeoutMs: 200 });
    expect(await s.call('count', [])).toEqual({ ok: true, value: 1 });
    expect(await s.call('spin', [])).toEqual({ ok: false, problem: 'timed out after 0.2 s' });
    expect(await s.call('count', [])).toEqual({ ok: true, value: 1 });
  });

  test('too much output stops the child', async () => {
    const s = sandbox({ 'main.ts': "export const noisy = () => { for (;;) console.log('x'.repeat(1000)); };" }, null, { outputCapBytes: 100_000 });
    expect(await s.call('noisy', [])).toEqual({ ok: false, problem: 'printed more than 100000 bytes of output' });
  });

  test('the child gets no environment variables', async () => {
    process.env.DESCENT_SECRET_FOR_TEST = 'secret';
    const s = sandbox({ 'main.ts': 'export const env = () => process.env.DESCENT_SECRET_FOR_TEST ?? null;' });
    expect(await s.call('env', [])).toEqual({ ok: true, value: null });
    delete process.env.DESCENT_SECRET_FOR_TEST;
  });

  test('a disposed sandbox refuses calls', async () => {
    const s = sandbox({ 'main.ts': 'export const f = () => 1;' });
    s.dispose();
    expect(await s.call('f', [])).toEqual({ ok: false, problem: 'could not run: the sandbox was closed' });
  });
});
