/**
 * Memory over a long run (issue 14): the plain-ops spirals network trained for 10,000 steps on one
 * backend, sampling the process's resident set, the JavaScript heap and the kernels' memory
 * (WebAssembly) along the way. Flat means the later samples are no larger than the first one
 * after warm-up (step 1,000), give or take the margin.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { BackendName, backendInfo } from '../../src/tensor';
import { DescentTrainer } from './engines/descent';
import { makeProblem, WORKLOADS } from './workloads';

export const MEMORY_STEPS = 10_000;
export const MEMORY_SAMPLES = [1000, 2500, 5000, 7500, 10_000];

export interface MemorySample {
  step: number;
  rssMB: number;
  heapMB: number;
  wasmMB: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') g();
  else {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  }
}

export function memoryRun(backend: BackendName): { samples: MemorySample[]; loss: number } {
  const t = new DescentTrainer(makeProblem(WORKLOADS.spirals), 'ops', backend);
  const samples: MemorySample[] = [];
  let loss = NaN;
  for (let step = 1; step <= MEMORY_STEPS; step++) {
    loss = t.step(step, step === MEMORY_STEPS);
    if (MEMORY_SAMPLES.includes(step)) {
      gc();
      const m = process.memoryUsage();
      samples.push({ step, rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20, wasmMB: backendInfo().wasm.memoryBytes / 2 ** 20 });
    }
  }
  return { samples, loss };
}
