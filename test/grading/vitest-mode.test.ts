/**
 * The graders are ordinary vitest suites too: `npx vitest run test/graders` grades the folder in
 * $DESCENT_GRADE_DIR (default exercises/), with each check's points in its name and task meta.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import { describe, expect, test } from 'vitest';
import { gradeDirFromEnv } from '../../kit/grade/paths';
import { ROOT } from './helpers';

const vitestCli = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function vitest(args: string[], dir?: string) {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST') env[k] = v;
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  if (dir !== undefined) env.DESCENT_GRADE_DIR = dir;
  else delete env.DESCENT_GRADE_DIR;
  const run = spawnSync(process.execPath, [vitestCli, 'run', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
  // eslint-disable-next-line no-control-regex
  return { status: run.status, out: `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

describe('the folder the vitest suites grade', () => {
  test('comes from DESCENT_GRADE_DIR, relative to the working directory, else exercises/', () => {
    const saved = process.env.DESCENT_GRADE_DIR;
    try {
      delete process.env.DESCENT_GRADE_DIR;
      expect(gradeDirFromEnv()).toBe(path.join(ROOT, 'exercises'));
      process.env.DESCENT_GRADE_DIR = 'solutions';
      expect(gradeDirFromEnv()).toBe(path.resolve('solutions'));
    } finally {
      if (saved === undefined) delete process.env.DESCENT_GRADE_DIR;
      else process.env.DESCENT_GRADE_DIR = saved;
    }
  });
});

describe('graders under plain vitest', () => {
  test('DESCENT_GRADE_DIR=solutions: every grader suite passes', () => {
    const { status, out } = vitest(['test/graders'], 'solutions');
    expect(status, out.slice(-3000)).toBe(0);
    expect(out).toMatch(/Test Files\s+6 passed \(6\)/);
  }, 180_000);

  test('DESCENT_GRADE_DIR=exercises (the stubs): the checks fail with teaching feedback', () => {
    const { status, out } = vitest(['test/graders/mse.test.ts'], 'exercises');
    expect(status).toBe(1);
    expect(out).toMatch(/mse is the mean of the squared errors \(2 pts\)/);
    expect(out).toMatch(/threw Error: TODO: implement mse/);
    expect(out).toMatch(/Tests\s+5 failed \(5\)/);
  }, 180_000);
});
