/**
 * The kernel is this repository's own (kit/notebooks/kernelspec.ts): a user-level name derived from
 * the repository's path, so a second course repository registers beside the first instead of over
 * it, and the notebooks' `tslab` resolved through JUPYTER_PATH to the repository's build/jupyter/.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { describe, expect, it } from 'vitest';
import { installKernel, jupyterPath, kernelArgv, LOCAL_JUPYTER_DIR, NOTEBOOK_KERNEL, repositoryDisplayName, repositoryKernelName } from '../../kit/notebooks/kernelspec';
import { ROOT } from '../../kit/notebooks/resolve';
import { missingPython, requireTool, SYSTEM_PYTHON } from './env';

describe("this repository's kernel", () => {
  it('has a name of its own per repository path: stable, different for a second repository, a valid kernel name', () => {
    const first = repositoryKernelName(ROOT);
    expect(first).toBe(repositoryKernelName(ROOT));
    expect(first).toMatch(/^tslab-[a-z0-9-]+-[0-9a-f]{8}$/);
    const second = repositoryKernelName(path.join(os.tmpdir(), 'another-course'));
    expect(second).not.toBe(first);
    expect(repositoryKernelName('/home/me/descent-homework')).toMatch(/^tslab-descent-homework-[0-9a-f]{8}$/);
    expect(repositoryKernelName('/home/me/딥러닝 과제')).toMatch(/^tslab-course-[0-9a-f]{8}$/);
    expect(repositoryDisplayName('/home/me/descent-homework')).toBe('TypeScript (descent-homework)');
  });

  it('JUPYTER_PATH starts at the repository\'s build/jupyter, keeping what was there', () => {
    const sep = process.platform === 'win32' ? ';' : ':';
    expect(jupyterPath({})).toBe(LOCAL_JUPYTER_DIR);
    expect(jupyterPath({ JUPYTER_PATH: `/a${sep}/b` })).toBe(`${LOCAL_JUPYTER_DIR}${sep}/a${sep}/b`);
  });

  it('npm run kernel writes build/jupyter/kernels/tslab and registers the user-level name — never a machine-wide "tslab"', (ctx) => {
    requireTool(ctx, 'registering a kernel', missingPython(['jupyter_client']));
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-jupyter-'));
    const saved = process.env.JUPYTER_DATA_DIR;
    process.env.JUPYTER_DATA_DIR = data;
    try {
      const { local, user } = installKernel({ command: SYSTEM_PYTHON, args: [] });
      expect(local).toBe(path.join(LOCAL_JUPYTER_DIR, 'kernels', NOTEBOOK_KERNEL));
      expect(JSON.parse(fs.readFileSync(path.join(local, 'kernel.json'), 'utf8'))).toMatchObject({ argv: kernelArgv(), language: 'typescript' });
      expect(fs.realpathSync(user)).toBe(fs.realpathSync(path.join(data, 'kernels', repositoryKernelName())));
      expect(JSON.parse(fs.readFileSync(path.join(user, 'kernel.json'), 'utf8'))).toMatchObject({ argv: kernelArgv(), display_name: repositoryDisplayName() });
      expect(fs.readdirSync(path.join(data, 'kernels'))).toEqual([repositoryKernelName()]);
    } finally {
      if (saved === undefined) delete process.env.JUPYTER_DATA_DIR;
      else process.env.JUPYTER_DATA_DIR = saved;
      fs.rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
