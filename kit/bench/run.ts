/**
 * Runs every engine on every workload, each in its own child process, one after the other (never
 * in parallel, so they do not compete for the cores): the project's engine (two ways of writing
 * the network, two backends) and TensorFlow.js via worker.ts, PyTorch via torch_peer.py (with the
 * system's BLAS, and with OpenBLAS unpacked from Debian's package by openblas.ts), the scalar
 * Value engine; then the measurements beside the training speed (`extras`): the gemm kernels'
 * GFLOP/s and the machine's SIMD peak, the per-op overhead, memory over 10,000 steps.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeProblem, WORKLOADS, WorkloadName } from './workloads';
import { writeProblem } from './problem-file';
import { EngineResult } from './result';
import { GemmResult, PeakResult, SQUARE, stepShapes } from './gemm';
import type { MemorySample } from './memory-run';
import type { BlasFound } from './blas';

/**
 * `torch-openblas` is PyTorch again with OpenBLAS (one thread) put first on LD_LIBRARY_PATH: Debian's
 * python3-torch calls whatever libblas.so.3 the system selects, often the slow reference BLAS.
 */
export const ENGINES = [
  'descent-ops',
  'descent-layers',
  'descent-ops-js',
  'descent-layers-js',
  'torch',
  'torch-openblas',
  'tfjs-wasm',
  'tfjs-cpu',
] as const;
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
  /** LD_LIBRARY_PATH entries holding each BLAS's libblas.so.3 (blas.ts), or why there are none. */
  blas: { reference: BlasFound; openblas: BlasFound };
  /** Run the measurements beside training (gemm GFLOP/s, SIMD peaks, op overhead, and memory when `memory`). */
  extras: boolean;
  memory: boolean;
  log: (line: string) => void;
}

export interface RunResults {
  results: EngineResult[];
  /** Why an engine is missing from the results (e.g. PyTorch not installed). */
  skipped: { engine: string; workload: string; reason: string }[];
  /** Where each BLAS came from (or why it is missing). */
  blas: { reference: string; openblas: string };
  extras: Extras;
}

/** The measurements beside training speed; each one null when skipped or failed (see `skipped`). */
export interface Extras {
  gemm: GemmResult[] | null;
  torchGemm: { engine: string; version: string; results: GemmResult[] }[];
  peaks: PeakResult | null;
  /** The peaks again with `--experimental-wasm-relaxed-simd`. */
  peaksRelaxed: PeakResult | null;
  overhead: { wasm: Record<string, number>; js: Record<string, number> } | null;
  torchOverhead: { version: string; microseconds: Record<string, number> } | null;
  memory: { backend: string; samples: MemorySample[]; loss: number }[];
}

/** The default Python: Debian's (where python3-torch installs) if present, else `python3`. */
export function defaultPython(): string {
  if (process.env.PYTHON) return process.env.PYTHON;
  return fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}


/** Runs one child; its result, or the reason it produced none. */
function child<T = EngineResult>(
  command: string,
  args: string[],
  resultFile: string,
  libraryPath?: string,
  nodeFlags: string[] = [],
): T | { reason: string; code: number | null } {
  const env: NodeJS.ProcessEnv = { ...ONE_THREAD_ENV };
  if (libraryPath !== undefined) {
    env.LD_LIBRARY_PATH = [libraryPath, process.env.LD_LIBRARY_PATH].filter((x) => x).join(path.delimiter);
  }
  const argv = command === process.execPath ? [...nodeFlags, ...args] : args;
  const r = spawnSync(command, argv, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { reason: r.error.message, code: null };
  if (r.status !== 0 || !fs.existsSync(resultFile)) {
    const tail = (r.stderr || r.stdout || '').trim().split('\n').slice(-6).join('\n');
    return { reason: `exit code ${r.status}: ${tail}`, code: r.status };
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as T;
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
          if (engine === 'torch-openblas' && 'reason' in o.blas.openblas) {
            if (name === o.workloads[0] && round === 1) skipped.push({ engine, workload: 'all', reason: o.blas.openblas.reason });
            continue;
          }
          o.log(`  ${name}: ${engine}${o.rounds > 1 ? ` (round ${round}/${o.rounds})` : ''} …`);
          const out = path.join(dir, `${name}-${engine}-${round}.result.json`);
          const lib = libraryPath(o, engine);
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
    const extras = o.extras ? runExtras(o, dir, skipped, torchMissing) : emptyExtras();
    const source = (f: BlasFound) => ('path' in f ? f.source : f.reason);
    return { results, skipped, blas: { reference: source(o.blas.reference), openblas: source(o.blas.openblas) }, extras };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** LD_LIBRARY_PATH of a PyTorch peer: the reference BLAS for `torch` (when unpacked), OpenBLAS for `torch-openblas`. */
function libraryPath(o: RunOptions, engine: string): string | undefined {
  const found = engine === 'torch-openblas' ? o.blas.openblas : engine === 'torch' ? o.blas.reference : null;
  return found !== null && 'path' in found ? found.path : undefined;
}

function emptyExtras(): Extras {
  return { gemm: null, torchGemm: [], peaks: null, peaksRelaxed: null, overhead: null, torchOverhead: null, memory: [] };
}

/** The wasm probes of the SIMD peaks (built on demand: they need AssemblyScript). */
function probeDir(log: (line: string) => void): string | { reason: string } {
  const dir = path.join(ROOT, 'build', 'wasm');
  if (fs.existsSync(path.join(dir, 'probe-peak.wasm')) && fs.existsSync(path.join(dir, 'probe-relaxed.wasm'))) return dir;
  log('  building the SIMD probes (node wasm/build.mjs --probes) …');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'wasm', 'build.mjs'), '--probes'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 && fs.existsSync(path.join(dir, 'probe-peak.wasm')) ? dir : { reason: `could not build the probes: ${r.stderr.trim()}` };
}

function runExtras(o: RunOptions, dir: string, skipped: RunResults['skipped'], torchMissing: boolean): Extras {
  const extras = emptyExtras();
  const node = (kind: string, arg: string, flags: string[] = []) => {
    const out = path.join(dir, `${kind}-${arg.replace(/[^\w-]+/g, '_')}-${flags.length}.json`);
    const r = child<unknown>(process.execPath, [...tsArgs(WORKER), kind, '-', out, arg], out, undefined, flags);
    if (typeof r === 'object' && r !== null && 'reason' in r && 'code' in r) {
      skipped.push({ engine: `${kind}${arg === '-' ? '' : ` (${arg})`}`, workload: 'extras', reason: (r as { reason: string }).reason });
      return null;
    }
    return r;
  };
  o.log('  gemm kernels (GFLOP/s) …');
  extras.gemm = node('gemm', '-') as GemmResult[] | null;
  const shapes = path.join(dir, 'gemm-shapes.json');
  fs.writeFileSync(shapes, JSON.stringify([...stepShapes('spirals'), ...stepShapes('wide'), SQUARE]));
  if (!torchMissing) {
    for (const engine of ['torch', 'torch-openblas']) {
      if (engine === 'torch-openblas' && 'reason' in o.blas.openblas) continue;
      o.log(`  ${engine} matmul (GFLOP/s) …`);
      const out = path.join(dir, `${engine}-gemm.json`);
      const lib = libraryPath(o, engine);
      const r = child<{ version: string; results: GemmResult[] }>(o.python, [TORCH_PEER, '--gemm', shapes, out], out, lib);
      if ('reason' in r) skipped.push({ engine: `${engine} gemm`, workload: 'extras', reason: r.reason });
      else extras.torchGemm.push({ engine, version: r.version, results: r.results });
    }
  }
  const probes = probeDir(o.log);
  if (typeof probes === 'string') {
    o.log('  WebAssembly SIMD peaks …');
    extras.peaks = node('peaks', probes) as PeakResult | null;
    extras.peaksRelaxed = node('peaks', probes, ['--experimental-wasm-relaxed-simd']) as PeakResult | null;
  } else {
    skipped.push({ engine: 'SIMD peaks', workload: 'extras', reason: probes.reason });
  }
  o.log('  per-op overhead …');
  extras.overhead = node('overhead', '-') as Extras['overhead'];
  if (!torchMissing) {
    const out = path.join(dir, 'torch-overhead.json');
    const r = child<NonNullable<Extras['torchOverhead']>>(o.python, [TORCH_PEER, '--overhead', out], out);
    if ('reason' in r) skipped.push({ engine: 'torch overhead', workload: 'extras', reason: r.reason });
    else extras.torchOverhead = r;
  }
  if (o.memory) {
    for (const backend of ['wasm', 'js']) {
      o.log(`  memory over 10,000 steps (${backend}) …`);
      const m = node('memory', backend) as { samples: MemorySample[]; loss: number } | null;
      if (m !== null) extras.memory.push({ backend, ...m });
    }
  }
  return extras;
}
