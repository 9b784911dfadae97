/**
 * `npm run kernel`: makes this repository's TypeScript kernel known to Jupyter, without taking over
 * another repository's.
 *
 * - The notebooks' metadata name the kernel `tslab` (NOTEBOOK_KERNEL). This repository's `tslab`
 *   kernelspec lives in the repository itself, `build/jupyter/kernels/tslab/kernel.json`
 *   (LOCAL_JUPYTER_DIR), pointing at this Node and this checkout's tslab by absolute paths.
 *   `npm run lab` and the nbclient runner put that folder first on JUPYTER_PATH, so a notebook
 *   opened through them starts this repository's kernel, whatever else is installed.
 * - For Jupyter started some other way (VS Code, `jupyter lab` by hand), the same kernel is also
 *   registered for the user under a name of its own, `tslab-<folder>-<8 hex of the path's
 *   SHA-256>` (repositoryKernelName), shown as "TypeScript (<folder>)": a second course repository
 *   registers its own name next to it instead of replacing it. Pick it in the kernel menu.
 *
 * Nothing is registered under the machine-wide name `tslab` (as `tslab install` would do).
 */
import crypto from 'crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import { basename, join } from 'path';
import { findPython, runPython, showPython, type PythonCommand } from './python';
import { ROOT, tslabMain } from './resolve';

/** The kernel name the notebooks' metadata carry (what `npm run lab` and the runner resolve to this repository's kernel). */
export const NOTEBOOK_KERNEL = 'tslab';
/** The repository's own Jupyter data folder (its `kernels/tslab/`), put first on JUPYTER_PATH by `npm run lab` and the runner. */
export const LOCAL_JUPYTER_DIR = join(ROOT, 'build', 'jupyter');

/** Every sentence `npm run kernel` prints (one place, for the catalogues of other languages). */
export const TEXT = {
  installHint: [
    'No Python with Jupyter found. Install one of (then run npm run kernel again):',
    '  Debian/Ubuntu:  sudo apt install jupyter-notebook     (or: pipx install jupyterlab)',
    '  macOS:          brew install jupyterlab               (or: pipx install jupyterlab)',
    '  Windows:        conda install -c conda-forge jupyterlab, or VS Code with its Jupyter extension',
    'or name your Python: DESCENT_PYTHON=/path/to/python npm run kernel',
    'Without Jupyter, `npm run notebooks` still executes the notebooks with Node alone.',
  ].join('\n'),
  registered: 'Registered this repository\'s TypeScript kernel:\n  for npm run lab and the nbclient runner (JUPYTER_PATH): "{local}" in {localDir}\n  for VS Code and other Jupyter front ends: "{user}" ({display}) in {userDir}',
  runs: 'It runs: {argv}',
} as const;

/** The kernel's user-level name for the repository at `root`: `tslab-<folder slug>-<8 hex>`, unique per path. */
export function repositoryKernelName(root: string = ROOT): string {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // a path that does not exist (yet) keeps its own spelling
  }
  const slug = basename(real).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'course';
  const hash = crypto.createHash('sha256').update(real).digest('hex').slice(0, 8);
  return `tslab-${slug}-${hash}`;
}

/** The name Jupyter front ends show for it. */
export function repositoryDisplayName(root: string = ROOT): string {
  return `TypeScript (${basename(root)})`;
}

/** The kernelspec's argv: this Node running tslab's script, nothing looked up on PATH. */
export function kernelArgv(): string[] {
  return [process.execPath, tslabMain(), 'kernel', '--config-path', '{connection_file}'];
}

function spec(display: string): string {
  return `${JSON.stringify({ argv: kernelArgv(), display_name: display, language: 'typescript' }, null, 1)}\n`;
}

/** JUPYTER_PATH with the repository's own folder first (for `npm run lab` and the nbclient runner). */
export function jupyterPath(env: NodeJS.ProcessEnv = process.env): string {
  return [LOCAL_JUPYTER_DIR, ...(env.JUPYTER_PATH ?? '').split(process.platform === 'win32' ? ';' : ':').filter((p) => p !== '')].join(process.platform === 'win32' ? ';' : ':');
}

/** Writes the repository's own `tslab` kernelspec (build/jupyter/kernels/tslab/); no Python needed. Returns its folder. */
export function writeLocalKernel(): string {
  const dir = join(LOCAL_JUPYTER_DIR, 'kernels', NOTEBOOK_KERNEL);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), spec(repositoryDisplayName()));
  return dir;
}

/** The folder of the installed kernelspec `name` as `py`'s Jupyter finds it, or null. */
export function kernelspecDir(py: PythonCommand, name = repositoryKernelName()): string | null {
  return runPython(py, `from jupyter_client.kernelspec import KernelSpecManager as K; print(K().get_kernel_spec(${JSON.stringify(name)}).resource_dir)`);
}

/** Registers the user-level kernel `repositoryKernelName()` with `py`'s Jupyter; returns its folder. */
function registerForUser(py: PythonCommand): string | null {
  const staging = mkdtempSync(join(os.tmpdir(), 'descent-kernel-'));
  try {
    writeFileSync(join(staging, 'kernel.json'), spec(repositoryDisplayName()));
    const code = [
      'from jupyter_client.kernelspec import KernelSpecManager',
      `print(KernelSpecManager().install_kernel_spec(${JSON.stringify(staging)}, ${JSON.stringify(repositoryKernelName())}, user=True, replace=True))`,
    ].join('\n');
    return runPython(py, code);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Writes the repository's own kernelspec and registers the user-level one with the first Python
 * that has jupyter_client. Returns both folders. @throws Error with install hints when there is no Jupyter.
 */
export function installKernel(py: PythonCommand | null = findPython(['jupyter_client'])): { local: string; user: string } {
  const local = writeLocalKernel();
  if (py === null) throw new Error(TEXT.installHint);
  const user = registerForUser(py);
  if (user === null) throw new Error(`registering the kernel ${repositoryKernelName()} with ${showPython(py)} failed (is jupyter_client installed for it?)`);
  return { local, user };
}

if (require.main === module) {
  try {
    const { local, user } = installKernel();
    console.log(
      TEXT.registered
        .replace('{local}', NOTEBOOK_KERNEL).replace('{localDir}', local)
        .replace('{user}', repositoryKernelName()).replace('{display}', repositoryDisplayName()).replace('{userDir}', user),
    );
    console.log(TEXT.runs.replace('{argv}', kernelArgv().join(' ')));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
