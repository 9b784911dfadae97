/**
 * The mutation suite of minibatch.ts: single deliberate mistakes in solutions/minibatch.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function (return their input, never call it, never shuffle) must fail every check named
 * in `mustFail` (test/grading/mutants.test.ts). A renamed check fails that test until renamed here.
 */
import type { Mutant } from '../../kit/author/mutant';

/** The checks (visible and hidden) that exercise miniBatches (and the shuffle it must do): a fake of it must fail every one. */
const MINI_BATCHES = [
  "miniBatches(10, 3) shuffles 0…9 into batches of 3, 3, 3, 1",
  "miniBatches edge cases (batchSize 1, = n, > n, dividing n)",
  "miniBatches is a seeded random permutation (rng only, reproducible, seed-dependent)",
  "miniBatches shuffles uniformly (every order equally likely)",
  "randomized: miniBatches for random n and batchSize",
];

/** The checks (visible and hidden) that exercise trainLinearRegression: a fake of it must fail every one. */
const TRAIN_LINEAR_REGRESSION = [
  "trainLinearRegression with one full batch per epoch matches PyTorch",
  "trainLinearRegression with batches of 4, 4, 2 (every batch, its own mean, one loss per epoch)",
  "trainLinearRegression converges to the exact fit",
  "trainLinearRegression learns with batches reshuffled by rng every epoch",
  "randomized: full-batch training on random data",
];

const mutants: Mutant[] = [
  {
    name: "divides-by-batch-size",
    mistake: "trainLinearRegression averages the last batch over batchSize instead of its own size",
    patch: [
      ["      w = w.map((wj, j) => wj - lr * dw[j]);\n      b -= lr * db;\n", "      const scale = batch.length / batchSize;\n      w = w.map((wj, j) => wj - lr * scale * dw[j]);\n      b -= lr * scale * db;\n"],
    ],
  },
  {
    name: "dropped-last-batch",
    mistake: "miniBatches drops the last, smaller batch",
    patch: [
      ["for (let start = 0; start < n; start += batchSize)", "for (let start = 0; start + batchSize <= n; start += batchSize)"],
    ],
  },
  {
    name: "fixed-permutation",
    mistake: "miniBatches calls rng but always returns the same order (n − 1, …, 1, 0), whatever rng() gives",
    patch: [
      ["  const order = permutation(n, rng);\n", "  rng();\n  const order = Array.from({ length: n }, (_, i) => n - 1 - i);\n"],
    ],
    mustFail: [...MINI_BATCHES, "trainLinearRegression learns with batches reshuffled by rng every epoch"],
  },
  {
    name: "loss-before-epoch",
    mistake: "trainLinearRegression records the loss before each epoch instead of after",
    patch: [
      ["  for (let epoch = 0; epoch < epochs; epoch++) {\n", "  for (let epoch = 0; epoch < epochs; epoch++) {\n    losses.push(mse(X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b)), y));\n"],
      ["    losses.push(mse(predictions, y));\n", "    void predictions;\n"],
    ],
  },
  {
    name: "losses-per-batch",
    mistake: "trainLinearRegression records one loss per batch",
    patch: [
      ["      b -= lr * db;\n    }\n", "      b -= lr * db;\n      losses.push(mse(X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b)), y));\n    }\n"],
      ["    losses.push(mse(predictions, y));\n", "    void predictions;\n"],
    ],
  },
  {
    name: "math-random",
    mistake: "the shuffle draws from Math.random instead of rng",
    patch: [
      ["const j = Math.floor(rng() * (i + 1));", "const j = Math.floor(Math.random() * (i + 1));"],
    ],
  },
  {
    name: "no-shuffle",
    mistake: "miniBatches never shuffles: it cuts 0, 1, …, n − 1 into batches in order",
    patch: [
      ["  const order = permutation(n, rng);\n", "  const order = Array.from({ length: n }, (_, i) => i);\n"],
    ],
    mustFail: [...MINI_BATCHES, "trainLinearRegression learns with batches reshuffled by rng every epoch"],
  },
  {
    name: "non-uniform-shuffle",
    mistake: "shuffle with j = floor(rng()·n) at every step (not uniform)",
    patch: [
      ["  for (let i = n - 1; i > 0; i--) {\n    const j = Math.floor(rng() * (i + 1));", "  for (let i = n - 1; i >= 0; i--) {\n    const j = Math.floor(rng() * n);"],
    ],
  },
  {
    name: "rotation-shuffle",
    mistake: "miniBatches \"shuffles\" by rotating 0…n−1 to a random starting index",
    patch: [
      ["  const order = permutation(n, rng);\n", "  const start = Math.floor(rng() * n);\n  const order = Array.from({ length: n }, (_, i) => (start + i) % n);\n"],
    ],
    mustFail: MINI_BATCHES,
  },
  {
    name: "sattolo-shuffle",
    mistake: "shuffle with j < i (only cyclic orders, never uniform)",
    patch: [
      ["const j = Math.floor(rng() * (i + 1));", "const j = Math.floor(rng() * i);"],
    ],
  },
  {
    name: "shuffles-once",
    mistake: "trainLinearRegression shuffles once instead of every epoch",
    patch: [
      ["  for (let epoch = 0; epoch < epochs; epoch++) {\n    for (const batch of miniBatches(X.length, batchSize, rng)) {", "  const fixed = miniBatches(X.length, batchSize, rng);\n  for (let epoch = 0; epoch < epochs; epoch++) {\n    for (const batch of fixed) {"],
    ],
  },
  {
    name: "training-never-updates",
    mistake: "trainLinearRegression draws the batches and their gradients but never updates w and b",
    patch: [
      ["      w = w.map((wj, j) => wj - lr * dw[j]);\n      b -= lr * db;\n", "      void dw;\n      void db;\n"],
    ],
    mustFail: TRAIN_LINEAR_REGRESSION,
  },
  {
    name: "training-returns-noise",
    mistake: "trainLinearRegression returns random numbers from rng for w, b and the losses",
    patch: [
      ["  const d = X.length > 0 ? X[0].length : 0;\n", "  const d = X.length > 0 ? X[0].length : 0;\n  if (d >= 0) return { w: X[0].map(() => rng()), b: rng(), losses: Array.from({ length: epochs }, () => rng()) };\n"],
    ],
    mustFail: TRAIN_LINEAR_REGRESSION,
  },
];

export default mutants;
