/**
 * `npm run lab [-- jupyter options]`: opens the course in JupyterLab, or in the classic Notebook
 * when that is what is installed, on this repository's own kernel: the server runs with
 * JUPYTER_PATH starting at the repository's `build/jupyter/` (kernelspec.ts), so the notebooks'
 * `tslab` is this checkout's tslab, whatever another course repository registered. The server's
 * root is the project (so `exercises/*.ts` open in its editor too) and the start page is `notebooks/`.
 */
import { spawn, spawnSync } from 'child_process';
import { installKernel, jupyterPath, kernelspecDir, TEXT, writeLocalKernel } from './kernelspec';
import { findPython, showPython, type PythonCommand } from './python';
import { ROOT } from './resolve';

/** A front end to start: which Python module, and its options. */
export interface LabCommand {
  python: PythonCommand;
  kind: 'JupyterLab' | 'Notebook 7' | 'classic Notebook';
  args: string[];
}

/** The command for the first front end found (JupyterLab, then Notebook 7, then classic), or null. */
export function labCommand(extra: string[] = []): LabCommand | null {
  const lab = findPython(['jupyterlab', 'jupyter_client']);
  if (lab) {
    return { python: lab, kind: 'JupyterLab', args: ['-m', 'jupyterlab', `--ServerApp.root_dir=${ROOT}`, '--LabApp.default_url=/lab/tree/notebooks', ...extra] };
  }
  const nb = findPython(['notebook', 'jupyter_client']);
  if (nb === null) return null;
  const probe = spawnSync(nb.command, [...nb.args, '-c', 'import notebook; print(notebook.__version__.split(".")[0])'], { encoding: 'utf8' });
  const version = Number((probe.stdout ?? '').trim());
  if (version >= 7) {
    return { python: nb, kind: 'Notebook 7', args: ['-m', 'notebook', `--ServerApp.root_dir=${ROOT}`, '--JupyterNotebookApp.default_url=/tree/notebooks', ...extra] };
  }
  return { python: nb, kind: 'classic Notebook', args: ['-m', 'notebook', `--notebook-dir=${ROOT}`, '--NotebookApp.default_url=/tree/notebooks', ...extra] };
}

function main(): void {
  const cmd = labCommand(process.argv.slice(2));
  if (cmd === null) {
    console.error(`Neither JupyterLab nor Jupyter Notebook is installed.\n${TEXT.installHint}`);
    process.exitCode = 1;
    return;
  }
  // The repository's own kernelspec, rewritten each time (this Node, this checkout's tslab).
  writeLocalKernel();
  if (kernelspecDir(cmd.python) === null) {
    console.log(`Registering the TypeScript kernel (npm run kernel)…`);
    installKernel(cmd.python);
  }
  console.log(`Starting ${cmd.kind} (${showPython(cmd.python)}) on ${ROOT}/notebooks — stop with Ctrl+C`);
  const child = spawn(cmd.python.command, [...cmd.python.args, ...cmd.args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, JUPYTER_PATH: jupyterPath() } });
  child.on('exit', (code) => { process.exitCode = code ?? 0; });
  process.on('SIGINT', () => child.kill('SIGINT'));
}

if (require.main === module) main();
