/** The isolation boundary itself: a child process per exercise file, plain data only, limits. */
import fs from 'fs';
import { afterEach, describe, expect, test } from 'vitest';
import { CAN_WATCH_MEMORY } from '../../kit/grade/sandbox/limits';
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

  test('files and processes are denied, whichever require is used', async () => {
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

  test("the student's realm: frozen built-ins, yet ordinary code that assigns name, toString, … works", async () => {
    const s = sandbox({
      'main.ts': [
        'class MyError extends Error { constructor(m: string) { super(m); this.name = "MyError"; } }',
        'export const patch = () => { (Math as any).abs = () => 0; return Math.abs(-1); };',
        'export const own = () => { const e = new Error("x"); e.name = "Custom"; const o: any = {}; o.toString = () => "o"; return [e.name, String(o)]; };',
        'export const fail = () => { throw new MyError("boom"); };',
        'export const random = () => { const r = Math.random; (Math as any).random = () => 0.5; const x = Math.random(); (Math as any).random = r; return x; };',
        'export const clone = () => { const a = [1, [2]]; const c = structuredClone(a); c[1].push(3); try { structuredClone(() => 1); return "cloned a function"; } catch (e) { return [a, c, (e as Error).name]; } };',
        'export const io = () => { console.log("hello", [1, 2], { a: 1 }); process.stdout.write("x"); return typeof process.pid; };',
      ].join('\n'),
    });
    expect(await s.call('patch', [])).toEqual({ ok: false, problem: "threw TypeError: Cannot assign to read only property 'abs' of object '[object Math]'" });
    expect(await s.call('own', [])).toEqual({ ok: true, value: ['Custom', 'o'] });
    expect(await s.call('fail', [])).toEqual({ ok: false, problem: 'threw MyError: boom' });
    expect(await s.call('random', [])).toEqual({ ok: true, value: 0.5 });
    expect(await s.call('clone', [])).toEqual({ ok: true, value: [[1, [2]], [1, [2, 3]], 'DataCloneError'] });
    expect(await s.call('io', [])).toEqual({ ok: true, value: 'undefined' });
  });

  test('no Node API: files, processes, network, exit and eval each fail with one clear line', async () => {
    const s = sandbox({
      'main.ts': [
        "export const write = () => require('fs').writeFileSync('/tmp/descent-x', 'x');",
        "export const fetchIt = () => fetch('http://127.0.0.1:9/');",
        'export const exit = () => process.exit(3);',
        "export const evil = () => eval('1 + 1');",
        "export const escape = () => (console.log as any).constructor('return process')().pid;",
        'export const later = () => { let n = 0; setTimeout(() => { n = 1; }, 0); return n; };',
      ].join('\n'),
    });
    expect(await s.call('write', [])).toEqual({ ok: false, problem: 'tried to write a file, which grading does not allow' });
    expect(await s.call('fetchIt', [])).toEqual({ ok: false, problem: 'tried to open a network connection, which grading does not allow' });
    expect(await s.call('exit', [])).toEqual({ ok: false, problem: 'exited the process (process.exit(3)) instead of returning' });
    expect(await s.call('evil', [])).toEqual({ ok: false, problem: 'threw EvalError: Code generation from strings disallowed for this context' });
    expect(await s.call('escape', [])).toEqual({ ok: false, problem: 'threw EvalError: Code generation from strings disallowed for this context' });
    expect(await s.call('later', [])).toEqual({ ok: true, value: 0 });
    expect(fs.existsSync('/tmp/descent-x')).toBe(false);
  });

  test('what comes back is checked: size, cycles, depth, proxies', async () => {
    const s = sandbox(
      {
        'main.ts': [
          'export const big = () => new Array(200_000).fill(0.5);',
          'export const cycle = () => { const a: unknown[] = [1]; a.push(a); return a; };',
          'export const deep = () => { let a: unknown[] = []; for (let i = 0; i < 100; i++) a = [a]; return a; };',
          'export const shared = () => { const p = [1, 2]; return [p, p]; };',
          'export const proxy = () => new Proxy([1], {});',
        ].join('\n'),
      },
      null,
      { resultCapBytes: 1_000_000 },
    );
    expect(await s.call('big', [])).toMatchObject({ ok: false, problem: expect.stringMatching(/^returned \d\.\d MB of data, more than the 1\.0 MB that can be sent back$/) });
    expect(await s.call('cycle', [])).toEqual({ ok: false, problem: 'returned a value that contains itself (a cycle)' });
    expect(await s.call('deep', [])).toEqual({ ok: false, problem: 'returned a value nested more than 64 levels deep' });
    const shared = await s.call('shared', []);
    expect(shared).toEqual({ ok: true, value: [[1, 2], [1, 2]] });
    const value = (shared as { value: unknown[] }).value;
    expect(value[0]).toBe(value[1]);
    expect(await s.call('proxy', [])).toEqual({ ok: false, problem: 'returned a Proxy, which cannot be copied back' });
  });

  test.skipIf(!CAN_WATCH_MEMORY)('memory outside the heap (typed arrays) is limited too', async () => {
    const s = sandbox({ 'main.ts': 'const keep: unknown[] = [];\nexport const bomb = () => { for (;;) keep.push(new Float64Array(1 << 24).fill(1)); };' }, null, {
      residentMb: 300,
      callTimeoutMs: 20_000,
    });
    const start = Date.now();
    expect(await s.call('bomb', [])).toEqual({ ok: false, problem: 'ran out of memory (used more than 300 MB)' });
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  test('a disposed sandbox refuses calls', async () => {
    const s = sandbox({ 'main.ts': 'export const f = () => 1;' });
    s.dispose();
    expect(await s.call('f', [])).toEqual({ ok: false, problem: 'could not run: the sandbox was closed' });
  });
});
