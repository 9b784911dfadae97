/**
 * The same notebooks under Jupyter's own client (nbclient on Debian's python3), as .ci/run does
 * for every chapter in English and Korean: a pass on the setup notebook in both, and the failing
 * fixture reported by cell.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { LOCAL_JUPYTER_DIR } from '../../kit/notebooks/kernelspec';
import { ROOT } from '../../kit/notebooks/resolve';
import { missingPython, requireTool, SYSTEM_PYTHON } from './env';

const missing = missingPython(['nbclient', 'nbformat', 'jupyter_client'])
  ?? (existsSync(join(LOCAL_JUPYTER_DIR, 'kernels', 'tslab', 'kernel.json')) ? null : "this repository's kernel is not registered (npm run kernel)");
const script = join(ROOT, 'kit/notebooks/nbclient_run.py');

describe('nbclient', () => {
  it("executes the setup notebook on this repository's own tslab kernel", (ctx) => {
    requireTool(ctx, 'nbclient execution', missing);
    const r = spawnSync(SYSTEM_PYTHON, [script, 'notebooks/00-setup.ipynb'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\[1\/1\] notebooks\/00-setup\.ipynb {2}\d+\.\d s \(nbclient\)/);
    expect(r.status).toBe(0);
  }, 120_000);

  it('executes the Korean setup notebook in notebooks/ko/, where its kernel starts (descent and descent/notebook resolve from there)', (ctx) => {
    requireTool(ctx, 'nbclient execution', missing);
    const r = spawnSync(SYSTEM_PYTHON, [script, 'notebooks/ko/00-setup.ipynb'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\[1\/1\] notebooks\/ko\/00-setup\.ipynb {2}\d+\.\d s \(nbclient\)/);
    expect(r.status).toBe(0);
  }, 120_000);

  it('reports a failing cell by index with its stderr, though tslab sends no error name', (ctx) => {
    requireTool(ctx, 'nbclient execution', missing);
    const r = spawnSync(SYSTEM_PYTHON, [script, 'test/notebooks/fixtures/failing.ipynb'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('test/notebooks/fixtures/failing.ipynb: cell 3 failed');
    expect(r.stderr).toContain('deliberate failure in cell 3');
  }, 120_000);
});
