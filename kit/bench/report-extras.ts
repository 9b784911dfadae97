/**
 * The sections of BENCHMARKS.md beside training speed (issue 14): the gemm kernels' GFLOP/s beside
 * the machine's f64 peaks, the per-op overhead beside PyTorch's, and memory over 10,000 steps.
 */
import { Extras } from './run';
import { GemmResult } from './gemm';
import { OVERHEAD_CASES } from './overhead';

const f1 = (x: number): string => x.toFixed(1);

/** Time-weighted GFLOP/s of a set of products: total flops over total time. */
function overall(results: GemmResult[]): number {
  let flops = 0;
  let seconds = 0;
  for (const r of results) {
    const f = 2 * r.M * r.N * r.K;
    flops += f;
    seconds += f / (r.gflops * 1e9);
  }
  return flops / seconds / 1e9;
}

function shapeName(r: GemmResult): string {
  const op = r.layout === 'nn' ? 'X W' : r.layout === 'nt' ? 'G Wᵀ' : 'Xᵀ G';
  return `${op} ${r.M}×${r.K}·${r.K}×${r.N}`;
}

/** GFLOP/s per product of each workload's step, per engine, and the overall rate of a step's products. */
export function gemmSection(x: Extras): string[] {
  if (x.gemm === null) return ['- (not measured)'];
  const columns: { name: string; results: GemmResult[] }[] = [
    { name: 'descent wasm', results: x.gemm.filter((r) => r.backend === 'wasm') },
    { name: 'descent js', results: x.gemm.filter((r) => r.backend === 'js') },
    ...x.torchGemm.map((t) => ({ name: t.engine === 'torch' ? 'torch (default BLAS)' : 'torch (OpenBLAS)', results: t.results })),
  ];
  const rows = [`| workload | product | ${columns.map((c) => c.name).join(' | ')} |`, `|---|---|${columns.map(() => '---:').join('|')}|`];
  const base = columns[0].results;
  const pick = (c: { results: GemmResult[] }, r: GemmResult) =>
    c.results.find((q) => q.workload === r.workload && q.layout === r.layout && q.M === r.M && q.N === r.N && q.K === r.K);
  for (const r of base) {
    rows.push(`| ${r.workload} | ${shapeName(r)} | ${columns.map((c) => f1(pick(c, r)?.gflops ?? NaN)).join(' | ')} |`);
  }
  for (const w of ['spirals', 'wide'] as const) {
    rows.push(`| ${w} | **all products of one step** | ${columns.map((c) => `**${f1(overall(c.results.filter((q) => q.workload === w)))}**`).join(' | ')} |`);
  }
  const lines = ['GFLOP/s (float64, one thread, best of 40 short windows; 2·M·N·K flops per product):', '', ...rows, ''];
  if (x.peaks !== null) {
    lines.push(
      `- WebAssembly SIMD peak on this machine, measured (wasm/probe/peak.ts: the gemm tile's inner loop, ` +
        `eight f64x2 accumulators, on data that stays in L1): **${f1(x.peaks.mulAdd)} GFLOP/s**. Wasm SIMD has ` +
        `128-bit vectors (two float64 lanes) and, without the relaxed-SIMD proposal, no fused multiply-add.`,
    );
    const fma = x.peaksRelaxed?.fma ?? null;
    lines.push(
      `- Relaxed SIMD (f64x2.relaxed_madd, a fused multiply-add): ${x.peaks.relaxedByDefault ? 'accepted' : '**not accepted**'} by this ` +
        `Node (${process.version}) by default (WebAssembly.validate of wasm/probe/peak.ts built with relaxed SIMD is ${x.peaks.relaxedByDefault}); ` +
        (fma === null
          ? 'not measurable here even with the flag.'
          : `with \`--experimental-wasm-relaxed-simd\` its peak is ${f1(fma)} GFLOP/s. The kernels do not use it: no flag may be needed to run the course, and a fused multiply-add would change the last bits of every product.`),
    );
    if (fma !== null) {
      lines.push(
        `- The core's physical float64 peak: the FMA probe's 128-bit fused multiply-adds (two lanes); this core's ` +
          `AVX-512 units run the same on 512-bit vectors (eight lanes), so its peak is about 4 × ${f1(fma)} = ` +
          `**${f1(4 * fma)} GFLOP/s** (from the measurement, at the clock the core ran at then).`,
      );
    }
  }
  return lines;
}

/** Microseconds per tiny op, descent (both backends) beside PyTorch. */
export function overheadSection(x: Extras): string[] {
  if (x.overhead === null) return ['- (not measured)'];
  const torch = x.torchOverhead;
  const rows = [
    `| operation on 2-element float64 tensors | descent wasm | descent js |${torch ? ` ${torch.version} |` : ''}`,
    `|---|---:|---:|${torch ? '---:|' : ''}`,
  ];
  for (const name of OVERHEAD_CASES) {
    rows.push(`| ${name} (µs per op) | ${x.overhead.wasm[name].toFixed(2)} | ${x.overhead.js[name].toFixed(2)} |${torch ? ` ${torch.microseconds[name].toFixed(2)} |` : ''}`);
  }
  return rows;
}

/**
 * Flat over 10,000 steps: the kernels' memory does not grow at all, the JavaScript heap by at most
 * HEAP_MARGIN_MB, the resident set (which also holds the JIT's code and the allocator's free
 * pages) by at most RSS_MARGIN_MB.
 */
export const HEAP_MARGIN_MB = 4;
export const RSS_MARGIN_MB = 16;

export function memorySection(x: Extras): string[] {
  if (x.memory.length === 0) return ['- (not measured: --quick or --no-extras)'];
  const lines = [
    'The spirals network written with plain ops (batch 256), 10,000 Adam steps in one synchronous loop; ' +
      'resident set (RSS), JavaScript heap after a full GC, and the kernels\' (WebAssembly) memory:',
    '',
    '| backend | step | RSS (MiB) | JS heap (MiB) | wasm memory (MiB) |',
    '|---|---:|---:|---:|---:|',
  ];
  const verdicts: string[] = [];
  for (const m of x.memory) {
    for (const s of m.samples) lines.push(`| ${m.backend} | ${s.step.toLocaleString('en-US')} | ${f1(s.rssMB)} | ${f1(s.heapMB)} | ${f1(s.wasmMB)} |`);
    const first = m.samples[0];
    const last = m.samples[m.samples.length - 1];
    const grow = (k: 'rssMB' | 'heapMB' | 'wasmMB') => Math.max(...m.samples.map((s) => s[k])) - first[k];
    const flat = grow('rssMB') <= RSS_MARGIN_MB && grow('heapMB') <= HEAP_MARGIN_MB && grow('wasmMB') === 0;
    verdicts.push(
      `- ${m.backend}: ${flat ? '**flat**' : '**GROWS**'} from step ${first.step.toLocaleString('en-US')} to ${last.step.toLocaleString('en-US')}: ` +
        `RSS +${f1(grow('rssMB'))} MiB, heap +${f1(grow('heapMB'))} MiB, wasm memory +${f1(grow('wasmMB'))} MiB ` +
        `(flat: no wasm growth, heap at most +${HEAP_MARGIN_MB} MiB, RSS at most +${RSS_MARGIN_MB} MiB); the loss after 10,000 steps: ${m.loss.toExponential(2)}`,
    );
  }
  return [...lines, '', ...verdicts];
}
