/**
 * The benchmark workloads of issue 7 and the one problem instance every engine trains on: the
 * same float64 data, the same initial weights and the same batches, generated once here from a
 * seeded generator and handed to each engine (see problem-file.ts).
 *
 * Every workload is an MLP `x → Linear → ReLU → … → Linear → logits` trained with mean
 * cross-entropy and Adam; step t uses batch t mod (number of batches), batches being consecutive
 * slices of the (once shuffled) data set, the last one possibly shorter.
 */
import { rng, permutation, randnFrom, randint, Rng } from '../../src/data/rng';
import { spirals } from '../../src/data/classification';

export type WorkloadName = 'spirals' | 'wide';

export interface Workload {
  name: WorkloadName;
  /** Number of samples N. */
  samples: number;
  /** Layer widths, input first: [2, 64, 64, 3] is 2 → 64 → 64 → 3. */
  layers: number[];
  batchSize: number;
  steps: number;
  lr: number;
  description: string;
}

export const WORKLOADS: Readonly<Record<WorkloadName, Workload>> = Object.freeze({
  spirals: {
    name: 'spirals',
    samples: 3000,
    layers: [2, 64, 64, 3],
    batchSize: 256,
    steps: 300,
    lr: 0.01,
    description: '3,000 spiral points, 2→64→64→3 ReLU MLP, batch 256, 300 steps, Adam lr 0.01',
  },
  wide: {
    name: 'wide',
    samples: 1024,
    layers: [784, 128, 10],
    batchSize: 128,
    steps: 60,
    lr: 0.001,
    description: '1,024 samples × 784 features, 784→128→10 ReLU MLP, batch 128, 60 steps, Adam lr 0.001',
  },
});

export const WORKLOAD_NAMES = Object.keys(WORKLOADS) as WorkloadName[];

/** The seed of the data and of the initial weights. */
export const BENCH_SEED = 7;

/** One concrete training problem: data, initial weights and batch boundaries. */
export interface Problem {
  workload: Workload;
  /** Inputs, row-major [N, D]. */
  X: Float64Array;
  /** Class labels 0 … C−1 as floats, [N]. */
  y: Float64Array;
  /** Initial weights per layer: W [in, out] row-major and b [out]. */
  weights: { W: Float64Array; b: Float64Array }[];
  /** Batches as [start, end) row ranges, visited in order and cycled. */
  batches: [number, number][];
}

/** Uniform in [−a, a): PyTorch's default `nn.Linear` init uses a = 1/√fan_in for W and b. */
function uniform(r: Rng, n: number, a: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * r() - 1) * a;
  return out;
}

/** Rows of X (width d) and y reordered by `order`. */
function reorder(X: Float64Array, y: Float64Array, d: number, order: number[]): { X: Float64Array; y: Float64Array } {
  const X2 = new Float64Array(X.length);
  const y2 = new Float64Array(y.length);
  order.forEach((from, to) => {
    X2.set(X.subarray(from * d, (from + 1) * d), to * d);
    y2[to] = y[from];
  });
  return { X: X2, y: y2 };
}

/** 1,024 Gaussian feature vectors labelled by a random linear teacher (argmax of X T). */
function wideData(r: Rng, n: number, d: number, classes: number): { X: Float64Array; y: Float64Array } {
  const randn = randnFrom(r);
  const X = new Float64Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = randn();
  const T = new Float64Array(d * classes);
  for (let i = 0; i < T.length; i++) T[i] = randn();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += X[i * d + k] * T[k * classes + c];
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    y[i] = best;
  }
  // A little label noise so the task is not perfectly linear.
  for (let i = 0; i < n; i += 10) y[i] = randint(r, classes);
  return { X, y };
}

/** The problem instance of `workload` (deterministic for a given seed). */
export function makeProblem(workload: Workload, seed = BENCH_SEED): Problem {
  const r = rng(seed);
  const { samples: n, layers, batchSize } = workload;
  const d = layers[0];
  const classes = layers[layers.length - 1];
  let data: { X: Float64Array; y: Float64Array };
  if (workload.name === 'spirals') {
    const ds = spirals({ n: Math.ceil(n / classes), classes, seed });
    // spirals() lists the classes one after the other: shuffle once so batches mix them.
    data = reorder(ds.X.data, ds.y.data, d, permutation(ds.y.size, r).slice(0, n));
  } else {
    data = wideData(r, n, d, classes);
  }
  const weights = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    const a = 1 / Math.sqrt(layers[l]);
    weights.push({ W: uniform(r, layers[l] * layers[l + 1], a), b: uniform(r, layers[l + 1], a) });
  }
  const batches: [number, number][] = [];
  for (let start = 0; start < n; start += batchSize) batches.push([start, Math.min(n, start + batchSize)]);
  return { workload, X: data.X, y: data.y, weights, batches };
}
