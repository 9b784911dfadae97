/**
 * Compiling a submission (kit/grade/sandbox/compiler.ts): only the exercise file and what it
 * imports are compiled, in a worker, within the load time limit — so an exponential-time file or
 * thousands of extra files cost their owner alone, and the next submission compiles normally.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterEach, describe, expect, test } from 'vitest';
import { compileSubmission, MAX_IMPORTED, SourceFiles } from '../../kit/grade/sandbox/compiler';
import { DEFAULT_LIMITS, Sandbox, SandboxLimits } from '../../kit/grade/sandbox/sandbox';
import { SubmissionFolder } from '../../kit/grade/submission';

/** A file TypeScript's parser needs about 2^depth steps for (nested `async (` calls). */
const bomb = (depth = 40): string => `export const slow = ${'async ('.repeat(depth)}0${')'.repeat(depth)};\n`;

const files = (record: Record<string, string>): SourceFiles => ({
  read: (name) => (name in record ? { ok: true, source: record[name] } : undefined),
});

const open: Sandbox[] = [];
afterEach(() => open.splice(0).forEach((s) => s.dispose()));
function sandbox(source: Record<string, string> | SourceFiles, limits: Partial<SandboxLimits> = {}): Sandbox {
  const s = new Sandbox({ files: source, entry: 'main.ts', driver: null }, { ...DEFAULT_LIMITS, ...limits });
  open.push(s);
  return s;
}

describe('compileSubmission', () => {
  test('follows the imports from the entry, and only them', async () => {
    const out = await compileSubmission('main.ts', files({
      'main.ts': "import { a } from './a';\nexport * from './b.js';\nexport const f = () => require('./c');\nexport const g = () => import('./d');",
      'a.ts': "export const a = 1; import './a';",
      'b.ts': 'export const b = 2;',
      'c.ts': 'export const c = 3;',
      'd.ts': 'export const d: number = 4;',
      'unused.ts': bomb(),
      'broken.ts': 'export const = ;',
    }), 10_000);
    expect('files' in out && Object.keys(out.files).sort()).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts', 'main.ts']);
    expect('errors' in out && out.errors).toEqual({});
  });

  test(`at most ${MAX_IMPORTED} files per exercise: a longer chain of imports is cut with a reason`, async () => {
    const chain: Record<string, string> = { 'main.ts': "export * from './f1';" };
    for (let i = 1; i < 40; i++) chain[`f${i}.ts`] = `export * from './f${i + 1}';\nexport const x${i} = ${i};`;
    const out = await compileSubmission('main.ts', files(chain), 10_000);
    expect('files' in out && Object.keys(out.files).length).toBe(MAX_IMPORTED);
    expect('errors' in out && Object.values(out.errors)).toEqual([`f${MAX_IMPORTED}.ts was not compiled: an exercise file may import at most ${MAX_IMPORTED - 1} other files`]);
  });
});

describe('a file the compiler chokes on costs its owner alone', () => {
  test('an imported exponential-time file times out with one line; the next submission compiles normally', async () => {
    const slow = sandbox({ 'main.ts': "export * from './helpers';\nexport const f = () => 1;", 'helpers.ts': bomb() }, { loadTimeoutMs: 1000 });
    const start = Date.now();
    expect(await slow.call('f', [])).toEqual({ ok: false, problem: 'timed out after 1 s while compiling helpers.ts (TypeScript did not finish: is it deeply nested?)' });
    expect(Date.now() - start).toBeLessThan(15_000);
    expect(await slow.call('f', [])).toEqual({ ok: false, problem: 'timed out after 1 s while compiling helpers.ts (TypeScript did not finish: is it deeply nested?)' });
    const honest = sandbox({ 'main.ts': 'export const f = (x: number): number => 2 * x;' });
    expect(await honest.call('f', [21])).toEqual({ ok: true, value: 42 });
  }, 60_000);

  test('an unimported bomb, a broken file and 3000 extra files next to an honest exercise change nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-extra-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.ts'), "import { twice } from './lib';\nexport const f = (x: number): number => twice(x);\n");
      fs.writeFileSync(path.join(dir, 'lib.ts'), 'export const twice = (x: number): number => 2 * x;\n');
      fs.writeFileSync(path.join(dir, 'bomb.ts'), bomb());
      fs.writeFileSync(path.join(dir, 'broken.ts'), 'export const = ;\n');
      for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(dir, `extra${i}.ts`), `export const e${i} = ${i};\n`);
      const s = sandbox(new SubmissionFolder(dir).forExercise(), { loadTimeoutMs: 1000 });
      expect(await s.call('f', [21])).toEqual({ ok: true, value: 42 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('a syntax error in an imported file fails the load with its location', async () => {
    const s = sandbox({ 'main.ts': "export * from './lib';", 'lib.ts': 'export const = ;' });
    expect(await s.call('f', [])).toMatchObject({ ok: false, problem: expect.stringMatching(/^main\.ts failed to load: SyntaxError: syntax error at lib\.ts:1:/) });
  });
});
