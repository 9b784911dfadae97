/** Finding a Python that has Jupyter's packages (for `npm run kernel` and `npm run lab`). */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { delimiter, join } from 'path';

/** Environment variable that names the Python to use, e.g. `DESCENT_PYTHON=/opt/conda/bin/python`. */
export const PYTHON_ENV = 'DESCENT_PYTHON';

/** A command that starts Python: the program and the arguments before the script. */
export interface PythonCommand {
  command: string;
  args: string[];
}

/** Runs Python code; returns its stdout, or null if it failed to start or exited non-zero. */
export function runPython(py: PythonCommand, code: string): string | null {
  const r = spawnSync(py.command, [...py.args, '-c', code], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Whether `py` can import every module in `modules`. */
export function hasModules(py: PythonCommand, modules: readonly string[]): boolean {
  return runPython(py, modules.map((m) => `import ${m}`).join('; ')) !== null;
}

function onPath(name: string): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) {
      const file = join(dir, name + ext);
      if (dir && existsSync(file)) return file;
    }
  }
  return null;
}

/** The interpreter named on the first line of the `jupyter` script on PATH (Unix), if any. */
function jupyterShebang(): PythonCommand | null {
  const jupyter = onPath('jupyter');
  if (!jupyter || process.platform === 'win32') return null;
  try {
    const first = readFileSync(jupyter, 'utf8').split('\n', 1)[0];
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!m) return null;
    return m[1].endsWith('/env') && m[2] ? { command: m[2], args: [] } : { command: m[1], args: [] };
  } catch {
    return null;
  }
}

/** The Pythons to try, in order: $DESCENT_PYTHON, the one behind `jupyter`, python3, python, py -3, /usr/bin/python3. */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env): PythonCommand[] {
  const list: PythonCommand[] = [];
  if (env[PYTHON_ENV]) list.push({ command: env[PYTHON_ENV] as string, args: [] });
  const fromJupyter = jupyterShebang();
  if (fromJupyter) list.push(fromJupyter);
  list.push({ command: 'python3', args: [] }, { command: 'python', args: [] });
  if (process.platform === 'win32') list.push({ command: 'py', args: ['-3'] });
  else list.push({ command: '/usr/bin/python3', args: [] });
  return list;
}

/** The first candidate Python that imports all of `modules`, or null. */
export function findPython(modules: readonly string[], env: NodeJS.ProcessEnv = process.env): PythonCommand | null {
  const seen = new Set<string>();
  for (const py of pythonCandidates(env)) {
    const key = [py.command, ...py.args].join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    if (hasModules(py, modules)) return py;
  }
  return null;
}

/** How to show a Python command in messages. */
export function showPython(py: PythonCommand): string {
  return [py.command, ...py.args].join(' ');
}
