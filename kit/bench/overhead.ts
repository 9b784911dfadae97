/**
 * Per-operation overhead (issue 14): microseconds per op on tiny (2-element) tensors, where the
 * arithmetic is nothing and the time is all bookkeeping (argument checks, allocation, recording
 * the graph, the backward pass's traversal). torch_peer.py --overhead times the same three cases
 * in PyTorch.
 */
import { BackendName, setBackend, tensor } from '../../src/tensor';

export const OVERHEAD_CASES = ['add (no grad)', 'mul (recording a graph)', 'forward + backward of 4 ops'] as const;

function bestMicros(fn: () => unknown, reps: number, rounds: number, ops: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3 / reps);
  }
  return best / ops;
}

export function overheads(backend: BackendName): Record<string, number> {
  setBackend(backend);
  const a = tensor([1.5, -2]);
  const b = tensor([0.5, 3]);
  const w = tensor([0.25, -0.75], { requiresGrad: true });
  const graph = () => {
    const loss = a.mul(w).add(b).tanh().sum();
    w.zeroGrad();
    loss.backward();
  };
  const cases: Record<string, [() => unknown, number]> = {
    'add (no grad)': [() => a.add(b), 1],
    'mul (recording a graph)': [() => w.mul(a), 1],
    'forward + backward of 4 ops': [graph, 4],
  };
  const out: Record<string, number> = {};
  for (const [name, [fn, ops]] of Object.entries(cases)) {
    bestMicros(fn, 2000, 3, ops); // warm up the JIT
    out[name] = bestMicros(fn, 2000, 15, ops);
  }
  return out;
}
