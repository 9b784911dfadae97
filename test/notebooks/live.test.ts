/**
 * The exercise entry point: a student edits an exercise file between two executions of the same
 * cell in one kernel and gets the new code (tslab copied the import; Node cached the module),
 * and a type error in the exercise is shown.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kernel, type CellResult } from '../../kit/notebooks/kernel';
import { exportedNames, EXERCISES_ENV, RECHECK_INTERVAL_MS } from '../../kit/notebooks/live';
import { NOTEBOOKS_DIR } from '../../kit/notebooks/resolve';
import { GRADER_ENV } from '../../kit/notebooks/helpers/check';

const dir = mkdtempSync(join(tmpdir(), 'descent-exercises-'));
const mse = (body: string): void => writeFileSync(join(dir, 'mse.ts'),
  `/** mean squared error */\nexport function mse(y: number[], p: number[]): number {\n  ${body}\n}\n`);
const value = (op: string): void => writeFileSync(join(dir, 'value.ts'),
  `import { mse } from './mse';\nexport class Value {\n  constructor(public data: number) {}\n  add(o: number): Value { return new Value(this.data ${op} o); }\n  loss(): number { return mse([this.data], [0]); }\n}\nexport type Step = number;\n`);
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, RECHECK_INTERVAL_MS + 50));
const text = (r: CellResult): string => r.outputs.map((o) => (o.text as string[] | undefined)?.join('') ?? '').join('');

let kernel: Kernel;
beforeAll(async () => {
  mse('let s = 0; for (let i = 0; i < y.length; i++) s += (y[i] - p[i]) ** 2; return s / y.length;');
  value('+');
  writeFileSync(join(dir, 'grader.ts'), "export async function check(name?: string) {\n"
    + "  return { toHtml: () => `<table><td>report for ${name}</td></table>`, toText: () => `report for ${name}` };\n}\n");
  kernel = await Kernel.start(NOTEBOOKS_DIR, { env: { [EXERCISES_ENV]: dir, [GRADER_ENV]: join(dir, 'grader.ts') } });
}, 60_000);
afterAll(async () => {
  await kernel?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

async function run(code: string): Promise<CellResult> {
  const r = await kernel.execute(code);
  await new Promise((res) => setTimeout(res, 250)); // tslab aborts cells sent within 200 ms of an error
  return r;
}

describe('descent/exercises in a live kernel', () => {
  it('imports the exercises (bindings copied once, as tslab does with named imports)', async () => {
    const r = await run("const ex = require('descent/exercises');\nconst mse = ex.mse, Value = ex.Value;\nconsole.log(mse([1, 2], [3, 2]));");
    expect(r.status).toBe('ok');
    expect(text(r)).toBe('2\n');
  }, 60_000);

  it('runs the edited function on the next execution, without a restart', async () => {
    mse('return 1000;');
    await settle();
    const r = await run('console.log(mse([1, 2], [3, 2]));');
    expect(text(r)).toBe('1000\n');
  }, 60_000);

  it('shows a type error in the exercise file and fails the cell', async () => {
    mse("return 'oops';");
    await settle();
    const r = await run('console.log(mse([1, 2], [3, 2]));');
    expect(r.status).toBe('error');
    expect(r.stderr).toContain('mse.ts has type errors; fix them and run the cell again');
    expect(r.stderr).toMatch(/mse\.ts:3:3 - error TS2322: Type 'string' is not assignable to type 'number'\./);
  }, 60_000);

  it('check() shows the exercise\'s type errors, then the grader\'s report, as HTML + text', async () => {
    const r = await run("import { check } from 'descent/notebook';\nawait check('mse');");
    expect(r.status).toBe('ok');
    const data = r.outputs.map((o) => o.data as Record<string, string>);
    expect(data.length).toBe(2);
    expect(data[0]['text/plain']).toMatch(/^Type errors \(fix these first; the grader runs the code anyway\):\n.*mse\.ts:3:3 - error TS2322/);
    expect(data[0]['text/html']).toContain('<pre class="descent-type-errors"');
    expect(data[1]).toEqual({ 'text/html': '<table><td>report for mse</td></table>', 'text/plain': 'report for mse' });
  }, 60_000);

  it('recovers once the file is fixed', async () => {
    mse('return y.length;');
    await settle();
    expect(text(await run('console.log(mse([1, 2], [3, 2]));'))).toBe('2\n');
  }, 60_000);

  it('keeps classes working: new, methods, instanceof, and an import between exercise files', async () => {
    expect(text(await run('const v = new Value(2);\nconsole.log(v.add(3).data, v instanceof Value, v.loss());'))).toBe('5 true 1\n');
    value('*');
    await settle();
    expect(text(await run('console.log(new Value(2).add(3).data);'))).toBe('6\n');
  }, 60_000);

  it('names the exports when a name is unknown', async () => {
    const r = await run('ex.nope');
    expect(r.status).toBe('error');
    expect(r.stderr).toMatch(/exports "nope" \(exports: check, mse, Value\)/);
  }, 60_000);
});

describe('exportedNames', () => {
  it('lists value exports, not types', () => {
    const src = 'export function a() {}\nexport class B {}\nexport const c = 1, d = 2;\nexport type T = 1;\nexport interface I {}\nfunction e() {}\nexport { e as f };\nexport enum G { x }\n';
    expect(exportedNames(src)).toEqual(['a', 'B', 'c', 'd', 'f', 'G']);
  });
});
