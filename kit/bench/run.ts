/**
 * Runs every engine on every workload, each in its own child process, one after the other (never
 * in parallel, so they do not compete for the cores): the project's engine and TensorFlow.js via
 * worker.ts, PyTorch via torch_peer.py, and the scalar Value engine.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeProblem, WORKLOADS, WorkloadName } from './workloads';
import { writeProblem } from './problem-file';
import { EngineResult } from './result';

/**
 * `torch-openblas` is PyTorch again with OpenBLAS (one thread) put first on LD_LIBRARY_PATH: Debian's
 * python3-torch calls whatever libblas.so.3 the system selects, often the slow reference BLAS.
 */
export const ENGINES = ['descent', 'torch', 'torch-openblas', 'tfjs-wasm', 'tfjs-cpu'] as const;
export type EngineName = (typeof ENGINES)[number];

/** One thread for every native math library a peer may load (OpenMP, OpenBLAS, MKL). */
const ONE_THREAD_ENV = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/** Exit code of torch_peer.py when `import torch` fails. */
const TORCH_MISSING = 3;

export const ROOT = path.resolve(__dirname, '..', '..');
const WORKER = path.join(__dirname, 'worker.ts');
const TORCH_PEER = path.join(__dirname, 'torch_peer.py');

export interface RunOptions {
  workloads: WorkloadName[];
  engines: EngineName[];
  /** Timed repetitions per engine process. */
  reps: number;
  /** Engine processes per engine and workload, interleaved (total repetitions: reps × rounds). */
  rounds: number;
  /** Untimed steps before timing (their losses feed the agreement check); null: one full run. */
  warmup: number | null;
  /** Steps per repetition of the Value engine (0 skips it). */
  valueSteps: number;
  python: string;
  /** A directory holding OpenBLAS's libblas.so.3 (for `torch-openblas`), or null. */
  openblas: string | null;
  log: (line: string) => void;
}

export interface RunResults {
  results: EngineResult[];
  /** Why an engine is missing from the results (e.g. PyTorch not installed). */
  skipped: { engine: string; workload: string; reason: string }[];
}

/** The default Python: Debian's (where python3-torch installs) if present, else `python3`. */
export function defaultPython(): string {
  if (process.env.PYTHON) return process.env.PYTHON;
  return fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Debian's OpenBLAS (package libopenblas0-pthread), when installed. */
export const DEBIAN_OPENBLAS = '/usr/lib/x86_64-linux-gnu/openblas-pthread';

export function defaultOpenblas(): string | null {
  if (process.env.OPENBLAS_DIR) return process.env.OPENBLAS_DIR;
  return fs.existsSync(path.join(DEBIAN_OPENBLAS, 'libblas.so.3')) ? DEBIAN_OPENBLAS : null;
}

/** Runs one child; its result, or the reason it produced none. */
function child(
  command: string,
  args: string[],
  resultFile: string,
  libraryPath?: string,
): EngineResult | { reason: string; code: number | null } {
  const env: NodeJS.ProcessEnv = { ...ONE_THREAD_ENV };
  if (libraryPath !== undefined) {
    env.LD_LIBRARY_PATH = [libraryPath, process.env.LD_LIBRARY_PATH].filter((x) => x).join(path.delimiter);
  }
  const r = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { reason: r.error.message, code: null };
  if (r.status !== 0 || !fs.existsSync(resultFile)) {
    const tail = (r.stderr || r.stdout || '').trim().split('\n').slice(-6).join('\n');
    return { reason: `exit code ${r.status}: ${tail}`, code: r.status };
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EngineResult;
}

/** Node arguments that run a TypeScript file of this kit. */
export function tsArgs(file: string, extra: string[] = []): string[] {
  return [...extra, '--import', 'tsx', file];
}

/** Adds a later round's repetitions to the first round's result. */
function merge(into: EngineResult, more: EngineResult): void {
  into.seconds.push(...more.seconds);
  into.finalLoss = more.finalLoss;
  into.maxRssMB = Math.max(into.maxRssMB, more.maxRssMB);
}

export function runAll(o: RunOptions): RunResults {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-bench-'));
  const results: EngineResult[] = [];
  const skipped: RunResults['skipped'] = [];
  const failed = new Set<string>();
  let torchMissing = false;
  try {
    for (const name of o.workloads) {
      const workload = WORKLOADS[name];
      const manifest = writeProblem(makeProblem(workload), path.join(dir, name));
      const warmup = String(o.warmup ?? workload.steps);
      const byEngine = new Map<string, EngineResult>();
      // Rounds interleave the engines in time, so a noisy spell on the machine hits all of them.
      for (let round = 1; round <= o.rounds; round++) {
        for (const engine of o.engines) {
          const isTorch = engine === 'torch' || engine === 'torch-openblas';
          if ((isTorch && torchMissing) || failed.has(`${name}/${engine}`)) continue;
          if (engine === 'torch-openblas' && o.openblas === null) {
            if (name === o.workloads[0] && round === 1) {
              skipped.push({ engine, workload: 'all', reason: 'no OpenBLAS found (install libopenblas0-pthread or pass --openblas <dir>)' });
            }
            continue;
          }
          o.log(`  ${name}: ${engine}${o.rounds > 1 ? ` (round ${round}/${o.rounds})` : ''} …`);
          const out = path.join(dir, `${name}-${engine}-${round}.result.json`);
          const lib = engine === 'torch-openblas' ? (o.openblas as string) : undefined;
          const r = isTorch
            ? child(o.python, [TORCH_PEER, manifest, out, String(o.reps), warmup, engine], out, lib)
            : child(process.execPath, [...tsArgs(WORKER), engine, manifest, out, String(o.reps), warmup], out);
          if ('reason' in r) {
            if (isTorch && (r.code === TORCH_MISSING || r.code === null)) {
              torchMissing = true;
              const why = r.code === TORCH_MISSING ? 'import torch failed' : r.reason;
              skipped.push({ engine: 'torch', workload: 'all', reason: `PyTorch not available (${o.python}: ${why})` });
            } else {
              failed.add(`${name}/${engine}`);
              skipped.push({ engine, workload: name, reason: r.reason });
            }
            o.log(`    skipped: ${r.reason.split('\n')[0]}`);
          } else {
            const first = byEngine.get(engine);
            if (first === undefined) byEngine.set(engine, r);
            else merge(first, r);
          }
        }
      }
      for (const engine of o.engines) {
        const r = byEngine.get(engine);
        if (r !== undefined) results.push(r);
      }
    }
    if (o.valueSteps > 0) {
      o.log('  micrograd: value …');
      const out = path.join(dir, 'value.result.json');
      const warm = String(Math.min(3, o.valueSteps));
      const r = child(process.execPath, [...tsArgs(WORKER), 'value', '-', out, String(o.reps * o.rounds), warm, String(o.valueSteps)], out);
      if ('reason' in r) skipped.push({ engine: 'value', workload: 'micrograd', reason: r.reason });
      else results.push(r);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { results, skipped };
}
