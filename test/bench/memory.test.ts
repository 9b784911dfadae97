/**
 * Memory checks of issues 7 and 14: training must not grow the memory. The graph of each step
 * (activations, their gradients, backward closures) must become garbage once the step is done,
 * and under the wasm backend the kernels' memory must stop growing once it holds the working set
 * (storages leave it deterministically: src/tensor/wasm/residency.ts). So between step 1,000 and
 * step 10,000 of one synchronous loop, the kernels' memory does not grow at all, and the JavaScript
 * heap and its ArrayBuffers (after a full GC) grow by less than a few MiB.
 *
 * The spirals network of the benchmark (2 → 64 → 64 → 3, Adam, cross-entropy), written with plain
 * ops and as an MLP, with a smaller batch (16) so that 10,000 steps stay quick. No timing is
 * asserted. A positive control shows the probe does see a leak: keeping the losses (and so their
 * graphs) alive grows memory.
 */
import { describe, expect, it } from 'vitest';
import * as v8 from 'v8';
import * as vm from 'vm';
import { DescentTrainer, Style } from '../../kit/bench/engines/descent';
import { makeProblem, WORKLOADS } from '../../kit/bench/workloads';
import { crossEntropy } from '../../src/losses';
import { BackendName, Tensor, backendInfo, getBackend, setBackend, tensor } from '../../src/tensor';
import { residencyStats } from '../../src/internal';

const MB = 1024 * 1024;
const MARGIN_MB = 5;
const BATCH = 16;

/** A full garbage collection, with or without node --expose-gc. */
function gcFunction(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Bytes in use after a full GC: the JS heap, its ArrayBuffers, and the kernels' memory. */
function settled(gc: () => void): { heap: number; buffers: number; wasm: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, wasm: backendInfo().wasm.memoryBytes };
}

function trainer(style: Style, backend: BackendName): DescentTrainer {
  return new DescentTrainer(makeProblem({ ...WORKLOADS.spirals, batchSize: BATCH }), style, backend);
}

const wasm = backendInfo().wasm;
const cases: [BackendName, Style][] = [['wasm', 'ops'], ['wasm', 'layers'], ['js', 'ops']];

describe('memory (issues 7 and 14)', () => {
  for (const [backend, style] of cases) {
    const skip = backend === 'wasm' && !wasm.available && process.env.CI !== 'true';
    const title = `10,000 training steps (${style}, ${backend} backend) do not grow the memory` + (skip ? ` (skipped: ${wasm.reason})` : '');
    (skip ? it.skip : it)(title, () => {
      const previous = getBackend();
      try {
        const gc = gcFunction();
        const t = trainer(style, backend);
        let step = 0;
        for (; step < 1000; step++) t.step(step, false);
        const at1k = settled(gc);
        for (; step < 9999; step++) t.step(step, false);
        const loss = t.step(step, true);
        const at10k = settled(gc);
        // It really trained (so the steps did their work): the spirals loss starts near ln 3 ≈ 1.1.
        expect(loss).toBeLessThan(0.5);
        expect((at10k.heap - at1k.heap) / MB).toBeLessThan(MARGIN_MB);
        expect((at10k.buffers - at1k.buffers) / MB).toBeLessThan(MARGIN_MB);
        expect(at10k.wasm - at1k.wasm, 'growth of the kernels\' memory in bytes').toBe(0);
        if (backend === 'wasm') {
          const stats = residencyStats();
          expect(stats.sweeps, 'the budget was reached and enforced').toBeGreaterThan(0);
          expect(stats.residentBytes).toBeLessThanOrEqual(stats.budget);
        }
      } finally {
        setBackend(previous);
      }
    }, 300_000);
  }

  it('the probe sees a leak: keeping 200 losses alive keeps their graphs and grows memory', () => {
    const gc = gcFunction();
    const t = trainer('ops', 'js');
    const problem = makeProblem({ ...WORKLOADS.spirals, batchSize: BATCH });
    const x = tensor(problem.X.slice(0, 2 * BATCH), { shape: [BATCH, 2] });
    const y = tensor(problem.y.slice(0, BATCH));
    const before = settled(gc);
    const kept: Tensor[] = [];
    for (let step = 0; step < 200; step++) {
      const loss = crossEntropy(t.forward(x), y);
      loss.backward();
      kept.push(loss);
    }
    const after = settled(gc);
    const grown = (after.heap + after.buffers - before.heap - before.buffers) / MB;
    expect(grown).toBeGreaterThan(MARGIN_MB);
    expect(kept).toHaveLength(200);
  }, 60_000);
});
