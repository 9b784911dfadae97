/**
 * `npm run bench` — the training-speed benchmark of issues 7 and 14 (see BENCHMARKS.md).
 *
 *   npm run bench                          all workloads, all installed engines, 5 repetitions, extras
 *   npm run bench -- --workload spirals --reps 9
 *   npm run bench -- --engines descent-ops,torch --quick
 *   npm run bench -- --out BENCHMARKS.md   also write the markdown report
 *   npm run bench -- --profile             CPU profile of the project's engine instead
 */
import * as fs from 'fs';
import * as os from 'os';
import { Command, InvalidArgumentError } from 'commander';
import { WORKLOAD_NAMES, WorkloadName } from './workloads';
import * as path from 'path';
import { ENGINES, EngineName, ROOT, defaultPython, runAll } from './run';
import { findBlas } from './blas';
import { agreements, markdownReport, summary } from './report';
import { machine } from './machine';
import { profileEngine } from './profile';

export const DEFAULT_REPS = 5;
export const DEFAULT_VALUE_STEPS = 10;
/** --quick: one repetition after a short warm-up (enough steps for the agreement check). */
export const QUICK = Object.freeze({ reps: 1, warmup: 20, valueSteps: 3 });

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be an integer >= 1, received ${JSON.stringify(v)}`);
    return n;
  };
}

function nonNegativeInt(name: string) {
  return (v: string): number => (v === '0' ? 0 : positiveInt(name)(v));
}

function workloadList(v: string): WorkloadName[] {
  if (v === 'all') return WORKLOAD_NAMES.slice();
  if (!(WORKLOAD_NAMES as string[]).includes(v)) {
    throw new InvalidArgumentError(`expected one of ${WORKLOAD_NAMES.join(', ')} or all, received ${JSON.stringify(v)}`);
  }
  return [v as WorkloadName];
}

function engineList(v: string): EngineName[] {
  const names = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const n of names) {
    if (!(ENGINES as readonly string[]).includes(n)) {
      throw new InvalidArgumentError(`expected a comma-separated list of ${ENGINES.join(', ')}, received ${JSON.stringify(n)}`);
    }
  }
  if (names.length === 0) throw new InvalidArgumentError('expected at least one engine');
  return names as EngineName[];
}

interface CliOptions {
  workload: WorkloadName[];
  engines: EngineName[];
  reps?: number;
  rounds: number;
  warmup?: number;
  valueSteps?: number;
  quick?: boolean;
  out?: string;
  json?: string;
  profile?: boolean;
  top: number;
  python: string;
  openblas?: string;
  extras: boolean;
}

const program = new Command()
  .name('bench')
  .description('Training steps/s of the project\'s Tensor engine vs TensorFlow.js (cpu, wasm) and PyTorch')
  .option('-w, --workload <name>', `${WORKLOAD_NAMES.join(' | ')} | all`, workloadList, WORKLOAD_NAMES.slice())
  .option('-e, --engines <list>', `comma-separated subset of ${ENGINES.join(',')}`, engineList, ENGINES.slice())
  .option('-r, --reps <n>', `timed repetitions per engine (default ${DEFAULT_REPS}; the median is reported)`, positiveInt('--reps'))
  .option('--rounds <n>', 'interleaved rounds: every engine runs --reps repetitions per round, in a new process', positiveInt('--rounds'), 1)
  .option('--warmup <steps>', 'untimed warm-up steps (default: one full run of the workload)', positiveInt('--warmup'))
  .option('--value-steps <n>', `steps per repetition of the scalar Value engine, 0 to skip (default ${DEFAULT_VALUE_STEPS})`, nonNegativeInt('--value-steps'))
  .option('-q, --quick', `smoke test: ${QUICK.reps} repetition, ${QUICK.warmup} warm-up steps, ${QUICK.valueSteps} Value steps`)
  .option('-o, --out <file>', 'also write the markdown report (e.g. BENCHMARKS.md)')
  .option('--json <file>', 'also write the raw results as JSON')
  .option('--profile', 'instead: CPU-profile the project\'s engine (first --workload, default spirals)')
  .option('--top <n>', 'functions listed by --profile', positiveInt('--top'), 25)
  .option('--python <path>', 'Python interpreter for the PyTorch peer (or env PYTHON)', defaultPython())
  .option('--openblas <dir>', 'directory of OpenBLAS\'s libblas.so.3 for torch-openblas (or env OPENBLAS_DIR; default: Debian\'s package, unpacked into build/bench/openblas)')
  .option('--no-extras', 'skip the measurements beside training (gemm GFLOP/s, SIMD peaks, op overhead, memory over 10,000 steps)');

function main(): void {
  program.parse();
  const o = program.opts<CliOptions>();
  const quick = o.quick === true;
  const reps = o.reps ?? (quick ? QUICK.reps : DEFAULT_REPS);
  if (o.profile) {
    console.log(profileEngine(o.workload[0], o.reps ?? 3, o.top));
    return;
  }
  const warmup = o.warmup ?? (quick ? QUICK.warmup : null);
  const m = machine();
  const loadBefore = os.loadavg()[0];
  const date = new Date().toString();
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  console.log(`Descent benchmark — ${date}`);
  const repsText = o.rounds > 1 ? `${o.rounds} interleaved rounds × ${reps} repetition(s)` : `${reps} repetition(s)`;
  console.log(`${m.cpu}, ${m.cores} logical cores, Node ${m.node}; ${repsText}, warm-up ${warmup ?? 'one full run'}`);
  const blasDir = (kind: string) => path.join(ROOT, 'build', 'bench', kind);
  const blas = {
    reference: o.engines.includes('torch') ? findBlas('reference', undefined, blasDir('blas')) : { reason: 'not asked for' },
    openblas: o.engines.includes('torch-openblas')
      ? findBlas('openblas', o.openblas ?? process.env.OPENBLAS_DIR, blasDir('openblas'))
      : { reason: 'not asked for' },
  };
  for (const [kind, found] of Object.entries(blas)) console.log(`BLAS (${kind}): ${'path' in found ? found.source : found.reason}`);
  const run = runAll({
    workloads: o.workload,
    engines: o.engines,
    reps,
    rounds: o.rounds,
    warmup,
    valueSteps: o.valueSteps ?? (quick ? QUICK.valueSteps : DEFAULT_VALUE_STEPS),
    python: o.python,
    blas,
    extras: o.extras,
    memory: o.extras && !quick,
    log: (line) => console.log(line),
  });
  const load: [number, number] = [loadBefore, os.loadavg()[0]];
  console.log('');
  console.log(summary(run));
  console.log(`\nload average (1 min) before / after: ${load[0].toFixed(2)} / ${load[1].toFixed(2)} on ${m.cores} cores`);
  const warmupText = warmup === null ? 'one full untimed run' : `${warmup} untimed steps`;
  if (o.out !== undefined) {
    const previous = fs.existsSync(o.out) ? fs.readFileSync(o.out, 'utf8') : null;
    fs.writeFileSync(o.out, markdownReport(run, { date, machine: m, command, reps: repsText, warmup: warmupText, load }, previous));
    console.log(`\nwrote ${o.out}`);
  }
  if (o.json !== undefined) {
    fs.writeFileSync(o.json, JSON.stringify({ date, machine: m, command, load, ...run }, null, 2));
    console.log(`wrote ${o.json}`);
  }
  if (agreements(run.results).some((a) => !a.ok)) {
    console.error('\nerror: the float64 engines disagree on the losses (see above)');
    process.exitCode = 1;
  }
}

main();
