/**
 * Memory check of issue 7: training must not grow the heap. The graph of each step (activations,
 * their gradients, backward closures) must become garbage once the step is done, so the heap
 * after a full GC is the same at step 1,000 and at step 10,000.
 *
 * The spirals network of the benchmark (2 → 64 → 64 → 3, Adam, cross-entropy) with a smaller
 * batch (16) so that 10,000 steps stay quick. No timing is asserted. A positive control shows
 * the probe does see a leak: keeping the losses (and so their graphs) alive grows the heap.
 */
import { describe, expect, it } from 'vitest';
import * as v8 from 'v8';
import * as vm from 'vm';
import { DescentTrainer } from '../../kit/bench/engines/descent';
import { makeProblem, WORKLOADS } from '../../kit/bench/workloads';
import { crossEntropy } from '../../src/losses';
import { Tensor, tensor } from '../../src/tensor';

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

/** Bytes in use after a full GC: the JS heap and the ArrayBuffers (Float64Array storage). */
function settled(gc: () => void): { heap: number; buffers: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

function trainer(): DescentTrainer {
  return new DescentTrainer(makeProblem({ ...WORKLOADS.spirals, batchSize: BATCH }));
}

describe('memory (issue 7)', () => {
  it('10,000 training steps of the spirals network do not grow the heap', () => {
    const gc = gcFunction();
    const t = trainer();
    let step = 0;
    let loss = NaN;
    for (; step < 1000; step++) t.step(step, false);
    const at1k = settled(gc);
    for (; step < 9999; step++) t.step(step, false);
    loss = t.step(step, true);
    const at10k = settled(gc);
    // It really trained (so the steps did their work): the spirals loss starts near ln 3 ≈ 1.1.
    expect(loss).toBeLessThan(0.5);
    expect((at10k.heap - at1k.heap) / MB).toBeLessThan(MARGIN_MB);
    expect((at10k.buffers - at1k.buffers) / MB).toBeLessThan(MARGIN_MB);
  }, 300_000);

  it('the probe sees a leak: keeping 200 losses alive keeps their graphs and grows memory', () => {
    const gc = gcFunction();
    const t = trainer();
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
