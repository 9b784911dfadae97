/**
 * `npm run kernel`: registers the tslab kernel with Jupyter (`tslab install --python=…`), then
 * points the kernelspec at this Node and this project's tslab by absolute paths, so Jupyter,
 * VS Code and nbclient start the kernel even when `node_modules/.bin` (or node) is not on PATH.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { findPython, runPython, showPython, type PythonCommand } from './python';
import { tslabMain } from './resolve';

/** The kernel's name in Jupyter (what notebooks' metadata.kernelspec.name says). */
export const KERNEL_NAME = 'tslab';

/** What to install when no Python with jupyter_client is found. */
export const INSTALL_HINT = [
  'No Python with Jupyter found. Install one of:',
  '  pip install jupyterlab              (any OS; then run npm run kernel again)',
  '  sudo apt-get install jupyter-notebook   (Debian/Ubuntu: classic Notebook)',
  'or name your Python: DESCENT_PYTHON=/path/to/python npm run kernel',
  'Without Jupyter, `npm run notebooks` still executes the notebooks with Node alone.',
].join('\n');

/** The kernelspec's argv: this Node running tslab's script, nothing looked up on PATH. */
export function kernelArgv(): string[] {
  return [process.execPath, tslabMain(), 'kernel', '--config-path', '{connection_file}'];
}

/** The folder of the installed kernelspec `name`, or null. */
export function kernelspecDir(py: PythonCommand, name = KERNEL_NAME): string | null {
  return runPython(py, `from jupyter_client.kernelspec import KernelSpecManager as K; print(K().get_kernel_spec(${JSON.stringify(name)}).resource_dir)`);
}

function writeSpecWithPython(py: PythonCommand): boolean {
  // Fallback when `tslab install` fails (its script also imports IPython): the same kernelspec.
  const spec = JSON.stringify({ argv: kernelArgv(), display_name: 'TypeScript', language: 'typescript' });
  const code = [
    'import json, os, sys, tempfile',
    'from jupyter_client.kernelspec import KernelSpecManager',
    'd = tempfile.mkdtemp()',
    `open(os.path.join(d, "kernel.json"), "w").write(${JSON.stringify(spec)})`,
    'root = hasattr(os, "geteuid") and os.geteuid() == 0',
    `print(KernelSpecManager().install_kernel_spec(d, ${JSON.stringify(KERNEL_NAME)}, user=not root, replace=True))`,
  ].join('\n');
  return runPython(py, code) !== null;
}

/** Registers the kernel; returns the kernelspec folder. @throws Error with install hints. */
export function installKernel(py: PythonCommand | null = findPython(['jupyter_client'])): string {
  if (py === null) throw new Error(INSTALL_HINT);
  const r = spawnSync(process.execPath, [tslabMain(), 'install', `--python=${showPython(py)}`], { encoding: 'utf8' });
  if (r.status !== 0 && !writeSpecWithPython(py)) {
    throw new Error(`tslab install --python=${showPython(py)} failed:\n${r.stdout}${r.stderr}`);
  }
  const dir = kernelspecDir(py);
  if (dir === null) throw new Error(`the ${KERNEL_NAME} kernelspec was not found after installing it with ${showPython(py)}`);
  const file = join(dir, 'kernel.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { argv: string[] };
  spec.argv = kernelArgv();
  writeFileSync(file, `${JSON.stringify(spec, null, 1)}\n`);
  return dir;
}

if (require.main === module) {
  try {
    const py = findPython(['jupyter_client']);
    const dir = installKernel(py);
    console.log(`Registered the TypeScript kernel "${KERNEL_NAME}" with ${py ? showPython(py) : '?'} in ${dir}`);
    console.log(`It runs: ${kernelArgv().join(' ')}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
