/**
 * Turns engine results into the tables: steps/s (median and range over the repetitions), time
 * per step, the ratio project ÷ peer, peak memory; the goals of issue 14; the loss agreement
 * between engines; the Value engine's time per step; and the whole BENCHMARKS.md text (with the
 * extras of report-extras.ts, and the hand-written analysis kept from the previous file).
 */
import { EngineResult, median, stepsPerSecond } from './result';
import { Machine } from './machine';
import { WORKLOADS, WorkloadName } from './workloads';
import { VALUE_MLP } from './engines/value-mlp';
import { RunResults } from './run';
import { gemmSection, memorySection, overheadSection } from './report-extras';

/** The project's engine as a student writes it (plain ops, default backend): ratios are its steps/s divided by each peer's. */
export const PROJECT = 'descent-ops';

/** Losses of the float64 engines must agree this closely, over every warm-up step. */
export const AGREEMENT_TOLERANCE = 1e-12;

/** How many first steps the agreement check also reports on its own. */
export const AGREEMENT_STEPS = 10;

/** The hand-written analysis between these markers survives `--out` rewriting the file. */
export const ANALYSIS_START = '<!-- analysis: hand-written, kept when the bench rewrites this file -->';
export const ANALYSIS_END = '<!-- end of analysis -->';

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
    '| workload | engine | dtype | steps/s (median) | min – max | ms/step | descent-ops ÷ engine | peak RSS (MiB) |',
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
      const allSteps = maxLossGap(ours.losses, peer.losses, Infinity);
      const checked = peer.dtype === 'float64';
      out.push({
        workload: ours.workload,
        peer: peer.engine,
        firstSteps: maxLossGap(ours.losses, peer.losses, AGREEMENT_STEPS),
        allSteps,
        stepsCompared: Math.min(ours.losses.length, peer.losses.length),
        checked,
        ok: !checked || allSteps <= AGREEMENT_TOLERANCE,
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
      `- ${a.workload}: ${PROJECT} vs ${a.peer}: max |Δloss| over the first ${AGREEMENT_STEPS} steps = ` +
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

export interface Goal {
  workload: string;
  /** What is compared, e.g. `descent-ops ÷ torch-openblas`. */
  what: string;
  ratio: number;
  target: number;
  met: boolean;
}

/** The goals of issue 14 on the plain-ops path (and the generic path against the fused layers). */
export function goals(results: EngineResult[]): Goal[] {
  const rate = (workload: string, engine: string): number => {
    const r = results.find((x) => x.workload === workload && x.engine === engine);
    return r === undefined ? NaN : median(stepsPerSecond(r));
  };
  const out: Goal[] = [];
  const targets: [string, string, number][] = [
    ['spirals', 'torch-openblas', 1.0],
    ['wide', 'torch-openblas', 0.5],
    ['spirals', 'tfjs-wasm', 1.5],
    ['wide', 'tfjs-wasm', 1.5],
    ['spirals', 'descent-layers', 1.0],
    ['wide', 'descent-layers', 1.0],
  ];
  for (const [workload, peer, target] of targets) {
    const ratio = rate(workload, PROJECT) / rate(workload, peer);
    if (Number.isNaN(ratio)) continue;
    out.push({ workload, what: `${PROJECT} ÷ ${peer}`, ratio, target, met: ratio >= target });
  }
  return out;
}

export function goalLines(list: Goal[]): string[] {
  if (list.length === 0) return ['- (the engines the goals compare did not all run)'];
  return [
    '| workload | ratio | goal | measured | met? |',
    '|---|---|---:|---:|---|',
    ...list.map(
      (g) =>
        `| ${g.workload} | ${g.what} | ≥ ${g.target.toFixed(1)}× | ${fmt(g.ratio, 2)}× | ` +
        `${g.met ? 'yes' : `**no**: ${fmt((100 * (g.target - g.ratio)) / g.target, 0)} % short`} |`,
    ),
  ];
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
  const lines = [speedTable(run.results), '', 'Goals (issue 14):', ...goalLines(goals(run.results)), '', 'Loss agreement (same float64 data and initial weights):'];
  const agreed = agreementLines(agreements(run.results));
  lines.push(...(agreed.length > 0 ? agreed : ['- (no peer ran next to descent)']));
  const v = valueLine(run.results);
  if (v !== null) lines.push('', v);
  if (run.extras.gemm !== null) lines.push('', ...gemmSection(run.extras));
  if (run.extras.overhead !== null) lines.push('', ...overheadSection(run.extras));
  if (run.extras.memory.length > 0) lines.push('', ...memorySection(run.extras));
  for (const s of run.skipped) lines.push(`- skipped ${s.engine} (${s.workload}): ${s.reason}`);
  return lines.join('\n');
}

/** The hand-written analysis of `previous` (a BENCHMARKS.md), markers included, or a placeholder to write. */
function analysis(previous: string | null): string[] {
  if (previous !== null) {
    const start = previous.indexOf(ANALYSIS_START);
    const end = previous.indexOf(ANALYSIS_END);
    if (start >= 0 && end > start) return [previous.slice(start, end + ANALYSIS_END.length)];
  }
  return [ANALYSIS_START, '', '(Write here what the numbers mean, which goals are missed by how much, and what would close the gaps.)', '', ANALYSIS_END];
}

/** The complete BENCHMARKS.md; `previous` is the file it replaces (its analysis is kept). */
export function markdownReport(run: RunResults, c: ReportContext, previous: string | null = null): string {
  const w = Object.values(WORKLOADS).map((x) => `- \`${x.name}\`: ${x.description}.`);
  const busy = Math.max(...c.load) > c.machine.cores;
  return [
    '# Benchmarks',
    '',
    'Training speed of the project\'s Tensor engine (`src/tensor`, float64) against TensorFlow.js and',
    'PyTorch on the course\'s workloads (issues 7 and 14). Every step is forward, mean cross-entropy,',
    'backward and an Adam step; batches are visited in order and cycled; all engines start from the',
    'same float64 data and initial weights (generated once, seeded).',
    '',
    ...w,
    '',
    'The project\'s engine runs four ways: `descent-ops` is the network written with plain operations,',
    '`x.matmul(W).add(b).relu()`, as a student writes it; `descent-layers` is chapter 08\'s `MLP`',
    '(`Linear` + `ReLU`, which runs as the fused `linear` op); both on the default `wasm` backend',
    '(WebAssembly SIMD kernels, wasm/), and again with `-js` on the TypeScript reference kernels.',
    '',
    '## Results',
    '',
    `- Date: ${c.date}`,
    `- Machine: ${c.machine.cpu}, ${c.machine.cores} logical cores, ${c.machine.os}; Node ${c.machine.node}`,
    `- Command: \`${c.command}\``,
    `- Load average (1 min) before / after the run: ${c.load[0].toFixed(2)} / ${c.load[1].toFixed(2)} on ${c.machine.cores} cores`,
    ...(busy
      ? ['- **The machine was busy during this run** (load above the number of cores): expect wide', '  min – max ranges; rerun on a quiet machine before quoting numbers.']
      : []),
    `- Method: each engine × workload in its own process, run one after the other; ${c.reps},`,
    `  each process warming up first (${c.warmup}); every repetition starts from the initial`,
    '  weights with a fresh optimizer; the table shows the median over all repetitions.',
    `- BLAS of \`torch\`: ${run.blas.reference}; of \`torch-openblas\`: ${run.blas.openblas}.`,
    '',
    speedTable(run.results),
    '',
    `"${PROJECT} ÷ engine" above 1 means the project's engine, written with plain ops, is faster. Peak`,
    'RSS is each process\'s resident-set high-water mark, runtime included (Node + tsx ≈ 80 MiB idle,',
    'Python + torch ≈ 225 MiB after `import torch`). Machines are noisy: compare ratios within one',
    'run, not numbers across runs. TensorFlow.js has no float64, so it trains in float32 (the same',
    'numbers, rounded); PyTorch runs with `torch.set_num_threads(1)` and float64, TensorFlow.js wasm',
    'with one thread. `torch` is Debian\'s python3-torch with Debian\'s default BLAS, the reference',
    'BLAS of libblas3 (what python3-torch pulls in); `torch-openblas` is the same PyTorch with OpenBLAS',
    '(one thread). Each BLAS is unpacked by the bench from its Debian package and put first on',
    'LD_LIBRARY_PATH (kit/bench/blas.ts: `apt-get download` and `dpkg -x` into build/bench); the',
    'version column says which libblas.so.3 the process loaded.',
    '',
    '### Goals (issue 14)',
    '',
    ...goalLines(goals(run.results)),
    '',
    '### Correctness',
    '',
    ...agreementLines(agreements(run.results)),
    '',
    '### Matrix products',
    '',
    ...gemmSection(run.extras),
    '',
    '### Per-operation overhead',
    '',
    ...overheadSection(run.extras),
    '',
    '### Memory over 10,000 steps',
    '',
    ...memorySection(run.extras),
    '',
    '### Scalar engine',
    '',
    valueLine(run.results) ?? '- (not run)',
    ...(run.skipped.length > 0 ? ['', '### Skipped', '', ...run.skipped.map((s) => `- ${s.engine} (${s.workload}): ${s.reason}`)] : []),
    '',
    '## Analysis',
    '',
    ...analysis(previous),
    '',
    '## Rerun',
    '',
    '```sh',
    'npm run bench                            # everything: all workloads and engines, 5 repetitions, extras',
    'npm run bench -- --workload spirals --reps 9',
    'npm run bench -- --rounds 3 --reps 3     # interleave engines in time (noisy machines)',
    'npm run bench -- --quick                 # one short repetition, no 10,000-step memory run',
    'npm run bench -- --no-extras             # training speed only',
    'npm run bench -- --out BENCHMARKS.md     # rewrite this file (the analysis above is kept)',
    'npm run bench -- --profile               # CPU profile of descent-ops on spirals',
    'npm run bench -- --openblas <dir>        # OpenBLAS from a directory holding libblas.so.3 instead',
    '```',
    '',
    'PyTorch is optional: install it (Debian: `apt-get install python3-torch`; elsewhere',
    '`pip install torch`, and point `PYTHON=` at that interpreter) or the bench skips it with a note.',
    'The WebAssembly kernels build on `npm install` (`npm run build:wasm` rebuilds them; the probes',
    'of the SIMD peaks build on demand). The memory checks of `npm test` are',
    '`test/bench/memory.test.ts` (10,000 steps on each backend: the heap and the kernels\' memory must',
    'not grow); no test asserts anything about time.',
    '',
  ].join('\n');
}
