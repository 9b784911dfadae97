/**
 * The memory rules of the wasm backend (src/tensor/storage.ts, src/tensor/wasm/residency.ts):
 * arrays handed out stay the tensor's own; tensors moved out of the kernels' memory keep their
 * numbers; intermediates of training steps are freed two optimizer steps later, and reading one
 * then throws an error that says what to do; intermediate gradients and unread parameter
 * gradients are freed at once; the whole is deterministic.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Adam, SGD, Tensor, backendInfo, crossEntropy, getBackend, noGrad, randn, rng, setBackend, tensor, zeros } from '../../src';
import { DEFAULT_BUDGET, MIN_RESIDENT, residencyStats, setMinResident, setResidencyBudget } from '../../src/internal';
import { isResident } from '../../src/tensor/storage';

const wasm = backendInfo().wasm;
const suite = wasm.available || process.env.CI === 'true' ? describe : describe.skip;

/** Allocates and drops `n` tensors of 4,096 numbers: pressure on a small budget forces sweeps. */
function churn(n: number): void {
  for (let i = 0; i < n; i++) zeros([4096]).add(1);
}

suite(`the wasm backend's memory${wasm.available ? '' : ` (skipped: ${wasm.reason})`}`, () => {
  let previous: ReturnType<typeof getBackend>;
  beforeAll(() => {
    previous = getBackend();
    setBackend('wasm');
  });
  afterEach(() => setResidencyBudget(DEFAULT_BUDGET));
  afterAll(() => {
    setMinResident(MIN_RESIDENT);
    setBackend(previous);
  });

  it('an array handed out by .data stays the tensor\'s storage through sweeps and compactions', () => {
    const t = randn([1000], rng(1));
    expect(isResident(t.storage)).toBe(true);
    const d = t.data;
    const copy = Array.from(d);
    expect(isResident(t.storage)).toBe(false);
    setResidencyBudget(256 * 1024);
    churn(200);
    expect(t.data).toBe(d);
    expect(Array.from(t.data)).toEqual(copy);
    d[0] = 42; // the user's change is the tensor's
    expect(t.sum().item()).toBeCloseTo(copy.slice(1).reduce((a, b) => a + b, 42), 9);
  });

  it('tensors moved out of the kernels\' memory keep their numbers, and come back when used', () => {
    setResidencyBudget(256 * 1024);
    const kept = Array.from({ length: 20 }, (_, k) => randn([2000], rng(k)));
    const values = kept.map((t) => t.toArray());
    churn(300);
    const stats = residencyStats();
    expect(stats.spilled).toBeGreaterThan(0);
    expect(kept.some((t) => !isResident(t.storage))).toBe(true);
    kept.forEach((t, k) => expect(t.toArray()).toEqual(values[k]));
    const doubled = kept[0].add(kept[0]);
    expect(isResident(kept[0].storage)).toBe(true);
    expect(doubled.toArray()).toEqual((values[0] as number[]).map((v) => 2 * v));
  });

  it('intermediates of training steps: readable for two optimizer steps, then freed with a clear error', () => {
    setResidencyBudget(512 * 1024);
    const w = randn([64, 64], rng(2), { requiresGrad: true });
    const x = randn([256, 64], rng(3));
    const opt = new SGD([w], { lr: 0.01 });
    const step = () => {
      const h = x.matmul(w).relu();
      const loss = h.sum();
      opt.zeroGrad();
      loss.backward();
      opt.step();
      return h;
    };
    const first = step();
    const kept = step().detach();
    const keptValues = kept.toArray();
    const firstValues = noGrad(() => x.matmul(w)); // (just to allocate)
    expect(firstValues.size).toBe(256 * 64);
    expect(first.sum().item()).toBeGreaterThanOrEqual(0); // one step later: still readable
    for (let i = 0; i < 10; i++) step();
    churn(100);
    expect(residencyStats().reclaimed).toBeGreaterThan(0);
    expect(() => first.toArray()).toThrow(/was an intermediate result of training step \d+ .* reused after two more optimizer steps/);
    expect(() => first.add(1)).toThrow(/keep what you want to look at later|Keep what you want to look at later/);
    expect(kept.toArray()).toEqual(keptValues); // detach() keeps them
  });

  it('results computed without a graph, and leaves, are never freed while held', () => {
    setResidencyBudget(256 * 1024);
    const w = randn([32, 32], rng(4), { requiresGrad: true });
    const opt = new Adam([w]);
    const evaluated = noGrad(() => randn([100, 32], rng(5)).matmul(w));
    const data = randn([3000], rng(6));
    const values = [evaluated.toArray(), data.toArray()];
    for (let i = 0; i < 10; i++) {
      const loss = w.mul(w).sum();
      opt.zeroGrad();
      loss.backward();
      opt.step();
      churn(20);
    }
    expect(evaluated.toArray()).toEqual(values[0]);
    expect(data.toArray()).toEqual(values[1]);
  });

  it('intermediate gradients are freed by backward(), unread parameter gradients by zeroGrad()', () => {
    setMinResident(1);
    try {
      const w = randn([50, 50], rng(7), { requiresGrad: true });
      const x = randn([40, 50], rng(8));
      const h = x.matmul(w);
      const kept = x.matmul(w).retainGrad();
      const loss = h.tanh().sum().add(kept.sum());
      loss.backward();
      expect(h.grad).toBeNull();
      expect(loss.grad).toBeNull();
      expect(kept.grad?.shape).toEqual([40, 50]);
      const before = residencyStats().resident;
      const opt = new SGD([w], { lr: 0.1 });
      for (let i = 0; i < 20; i++) {
        opt.zeroGrad();
        x.matmul(w).tanh().sum().backward();
        opt.step();
      }
      expect(residencyStats().resident - before).toBeLessThan(20 * 8); // not one more gradient per step
      const g = w.grad as Tensor;
      const gValues = g.toArray();
      opt.zeroGrad();
      expect(w.grad).toBeNull();
      churn(20);
      expect(g.toArray()).toEqual(gValues); // a gradient someone read stays valid after zeroGrad
    } finally {
      setMinResident(MIN_RESIDENT);
    }
  });

  it('is deterministic: the same program, run twice from a fresh start, sweeps, moves and frees the same', () => {
    const run = () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'residency-program.ts')], {
        encoding: 'utf8',
        cwd: path.join(__dirname, '..', '..'),
      });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { sweeps: number; spilled: number; reclaimed: number; compactions: number; w: number };
    };
    const a = run();
    expect(a.sweeps).toBeGreaterThan(0);
    expect(a.reclaimed).toBeGreaterThan(0);
    expect(run()).toEqual(a);
  }, 60_000);

  it('compaction moves live tensors and keeps their numbers', () => {
    setResidencyBudget(128 * 1024);
    const held: Tensor[] = [];
    const values: unknown[] = [];
    for (let k = 0; k < 40; k++) {
      const t = randn([40 + 97 * k], rng(100 + k));
      if (k % 5 === 0) {
        held.push(t);
        values.push(t.toArray());
      }
    }
    for (let size = 8; size < 20000; size *= 2) for (let i = 0; i < 30; i++) zeros([size]).add(1);
    expect(residencyStats().compactions).toBeGreaterThan(0);
    held.forEach((t, k) => expect(t.toArray()).toEqual(values[k]));
  });

  it('a graph built under one backend runs backward under the other, with the same gradients', () => {
    const make = () => {
      const w = randn([20, 10], rng(11), { requiresGrad: true });
      const x = randn([30, 20], rng(12));
      return { w, loss: crossEntropy(x.matmul(w).relu(), Array.from({ length: 30 }, (_, k) => k % 10)) };
    };
    setBackend('wasm');
    const a = make();
    setBackend('js');
    a.loss.backward();
    const b = make();
    b.loss.backward();
    setBackend('wasm');
    const ga = (a.w.grad as Tensor).toArray() as number[][];
    const gb = (b.w.grad as Tensor).toArray() as number[][];
    ga.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(gb[i][j], 14)));
    expect(tensor([1, 2]).add(1).toArray()).toEqual([2, 3]);
  });
});
