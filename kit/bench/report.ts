/**
 * Turns engine results into the tables: steps/s (median and range over the repetitions), time
 * per step, the ratio project ÷ peer, peak memory; the loss agreement between engines; the Value
 * engine's time per step; and the whole BENCHMARKS.md text.
 */
import { EngineResult, median, stepsPerSecond } from './result';
import { Machine } from './machine';
import { WORKLOADS, WorkloadName } from './workloads';
import { VALUE_MLP } from './engines/value-mlp';
import { RunResults } from './run';

/** The project's engine: ratios are its steps/s divided by each peer's. */
export const PROJECT = 'descent';

/** Losses of the float64 engines must agree this closely over the first steps. */
export const AGREEMENT_TOLERANCE = 1e-9;

/** How many first steps the agreement check compares. */
export const AGREEMENT_STEPS = 10;

const fmt = (x: number, digits: number): string => x.toFixed(digits);

function fmtRate(x: number): string {
  return x >= 100 ? fmt(x, 0) : x >= 10 ? fmt(x, 1) : fmt(x, 2);
}

/** The largest |a_t − b_t| over the first `steps` steps present in both. */
function maxLossGap(a: number[], b: number[], steps: number): number {
  let gap = 0;
  const n = Math.min(steps, a.length, b.length);
  for (let t = 0; t < n; t++) gap = Math.max(gap, Math.abs(a[t] - b[t]));
  return n === 0 ? NaN : gap;
}

/** The markdown table of the training workloads. */
export function speedTable(results: EngineResult[]): string {
  const rows = [
    '| workload | engine | dtype | steps/s (median) | min – max | ms/step | descent ÷ engine | peak RSS (MiB) |',
    '|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const name of Object.keys(WORKLOADS) as WorkloadName[]) {
    const here = results.filter((r) => r.workload === name);
    const ours = here.find((r) => r.engine === PROJECT);
    const oursRate = ours ? median(stepsPerSecond(ours)) : NaN;
    for (const r of here) {
      const rates = stepsPerSecond(r);
      const rate = median(rates);
      const ratio = r.engine === PROJECT ? '1.00' : ours ? `**${fmt(oursRate / rate, 2)}×**` : '—';
      const dtype = r.dtype === 'float32' ? 'float32 (no float64 in tfjs)' : r.dtype;
      rows.push(
        `| ${name} | ${r.engine} (${r.version}) | ${dtype} | ${fmtRate(rate)} | ` +
          `${fmtRate(Math.min(...rates))} – ${fmtRate(Math.max(...rates))} | ${fmt(1000 / rate, 2)} | ${ratio} | ` +
          `${fmt(r.maxRssMB, 0)} |`,
      );
    }
  }
  return rows.join('\n');
}

export interface Agreement {
  workload: string;
  peer: string;
  firstSteps: number;
  allSteps: number;
  stepsCompared: number;
  /** Only float64 peers are held to AGREEMENT_TOLERANCE. */
  checked: boolean;
  ok: boolean;
}

/** Loss agreement of the project's engine with every peer, workload by workload. */
export function agreements(results: EngineResult[]): Agreement[] {
  const out: Agreement[] = [];
  for (const ours of results.filter((r) => r.engine === PROJECT)) {
    for (const peer of results.filter((r) => r.workload === ours.workload && r.engine !== PROJECT)) {
      const firstSteps = maxLossGap(ours.losses, peer.losses, AGREEMENT_STEPS);
      const checked = peer.dtype === 'float64';
      out.push({
        workload: ours.workload,
        peer: peer.engine,
        firstSteps,
        allSteps: maxLossGap(ours.losses, peer.losses, Infinity),
        stepsCompared: Math.min(ours.losses.length, peer.losses.length),
        checked,
        ok: !checked || firstSteps <= AGREEMENT_TOLERANCE,
      });
    }
  }
  return out;
}

export function agreementLines(list: Agreement[]): string[] {
  return list.map((a) => {
    const verdict = a.checked
      ? a.ok
        ? `agree (≤ ${AGREEMENT_TOLERANCE})`
        : `DISAGREE (> ${AGREEMENT_TOLERANCE}): the engines do not compute the same thing`
      : 'float32 peer: not held to the tolerance (float32 rounding, which grows over many steps)';
    return (
      `- ${a.workload}: descent vs ${a.peer}: max |Δloss| over the first ${AGREEMENT_STEPS} steps = ` +
      `${a.firstSteps.toExponential(1)}, over all ${a.stepsCompared} warm-up steps = ` +
      `${a.allSteps.toExponential(1)} — ${verdict}`
    );
  });
}

/** The Value engine's line (or null when it did not run). */
export function valueLine(results: EngineResult[]): string | null {
  const v = results.find((r) => r.engine === 'value');
  if (!v) return null;
  const ms = median(v.seconds.map((s) => (1000 * s) / v.steps));
  return (
    `- Scalar \`Value\` engine, ${VALUE_MLP.description}: **${fmt(ms, 1)} ms/step** ` +
    `(median of ${v.seconds.length} × ${v.steps} steps; peak RSS ${fmt(v.maxRssMB, 0)} MiB; ` +
    `loss ${v.losses[0].toFixed(3)} → ${v.finalLoss.toFixed(3)})`
  );
}

export interface ReportContext {
  date: string;
  machine: Machine;
  command: string;
  /** e.g. `5 repetition(s)` or `3 interleaved rounds × 3 repetition(s)`. */
  reps: string;
  warmup: string;
  /** 1-minute load average before and after the run (other processes make numbers noisy). */
  load: [number, number];
}

/** Everything the terminal shows after a run. */
export function summary(run: RunResults): string {
  const lines = [speedTable(run.results), '', 'Loss agreement (same float64 data and initial weights):'];
  const agreed = agreementLines(agreements(run.results));
  lines.push(...(agreed.length > 0 ? agreed : ['- (no peer ran next to descent)']));
  const v = valueLine(run.results);
  if (v !== null) lines.push('', v);
  for (const s of run.skipped) lines.push(`- skipped ${s.engine} (${s.workload}): ${s.reason}`);
  return lines.join('\n');
}

/** The complete BENCHMARKS.md. */
export function markdownReport(run: RunResults, c: ReportContext): string {
  const w = Object.values(WORKLOADS).map((x) => `- \`${x.name}\`: ${x.description}.`);
  return [
    '# Benchmarks',
    '',
    'Training speed of the project\'s Tensor engine (`src/tensor`, float64, pure TypeScript) against',
    'TensorFlow.js and PyTorch on the course\'s workloads (issue 7). Every step is forward,',
    'mean cross-entropy, backward and an Adam step; batches are visited in order and cycled; all',
    'engines start from the same float64 data and initial weights (generated once, seeded).',
    '',
    ...w,
    '',
    '## Results',
    '',
    `- Date: ${c.date}`,
    `- Machine: ${c.machine.cpu}, ${c.machine.cores} logical cores, ${c.machine.os}; Node ${c.machine.node}`,
    `- Command: \`${c.command}\``,
    `- Load average (1 min) before / after the run: ${c.load[0].toFixed(2)} / ${c.load[1].toFixed(2)} on ${c.machine.cores} cores`,
    ...(Math.max(...c.load) > c.machine.cores
      ? ['- **The machine was busy during this run** (load above the number of cores): expect wide', '  min – max ranges; rerun on a quiet machine before quoting numbers.']
      : []),
    `- Method: each engine × workload in its own process, run one after the other; ${c.reps},`,
    `  each process warming up first (${c.warmup}); every repetition starts from the initial`,
    '  weights with a fresh optimizer; the table shows the median over all repetitions.',
    '',
    speedTable(run.results),
    '',
    '"descent ÷ engine" above 1 means the project\'s engine is faster. Peak RSS is each process\'s',
    'resident-set high-water mark, runtime included (Node + tsx ≈ 80 MiB idle, Python + torch',
    '≈ 225 MiB after `import torch`). Machines are noisy: compare ratios within one run, not',
    'numbers across runs.',
    'TensorFlow.js has no float64, so it trains in float32 (the same numbers, rounded); PyTorch',
    'runs with `torch.set_num_threads(1)` and float64, TensorFlow.js wasm with one thread.',
    ...(run.results.some((r) => r.engine.startsWith('torch'))
      ? [
          '',
          'Debian\'s `python3-torch` calls whatever `libblas.so.3` the system selects (`BLAS_INFO=generic`):',
          'with only `libblas3` installed that is the unoptimised reference BLAS (row `torch`). The row',
          '`torch-openblas`, when present, is the same PyTorch with OpenBLAS (one thread,',
          '`OPENBLAS_NUM_THREADS=1`) first on `LD_LIBRARY_PATH` — what PyTorch does with a tuned BLAS.',
          'Without installing it system-wide: `apt-get download libopenblas0-pthread`, then',
          '`dpkg -x libopenblas0-pthread_*.deb ob` and `--openblas ob/usr/lib/x86_64-linux-gnu/openblas-pthread`.',
        ]
      : []),
    '',
    '### Correctness',
    '',
    ...agreementLines(agreements(run.results)),
    '',
    '### Scalar engine',
    '',
    valueLine(run.results) ?? '- (not run)',
    ...(run.skipped.length > 0 ? ['', '### Skipped', '', ...run.skipped.map((s) => `- ${s.engine} (${s.workload}): ${s.reason}`)] : []),
    '',
    '## Rerun',
    '',
    '```sh',
    'npm run bench                            # all workloads, all installed engines, 5 repetitions',
    'npm run bench -- --workload spirals --reps 9',
    'npm run bench -- --rounds 3 --reps 3     # interleave engines in time (noisy machines)',
    'npm run bench -- --quick                 # one short repetition, for a smoke test',
    'npm run bench -- --out BENCHMARKS.md     # rewrite this file',
    'npm run bench -- --profile               # CPU profile of the project\'s engine on spirals',
    'npm run bench -- --openblas <dir>        # add torch-openblas (dir holding OpenBLAS\'s libblas.so.3)',
    '```',
    '',
    'PyTorch is optional: install it (Debian: `apt-get install python3-torch`; elsewhere',
    '`pip install torch`, and point `PYTHON=` at that interpreter) or the bench skips it with a note.',
    'The memory check (10,000 training steps must not grow the heap) is `test/bench/memory.test.ts`,',
    'part of `npm test`; no test asserts anything about time.',
    '',
  ].join('\n');
}
