import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression returns random numbers from rng for w, b and the losses",
  patch: [
    ["  const d = X.length > 0 ? X[0].length : 0;\n", "  const d = X.length > 0 ? X[0].length : 0;\n  if (d >= 0) return { w: X[0].map(() => rng()), b: rng(), losses: Array.from({ length: epochs }, () => rng()) };\n"],
  ],
  mustFail: [
    'trainLinearRegression with one full batch per epoch matches PyTorch',
    'trainLinearRegression with batches of 4, 4, 2 (every batch, its own mean, one loss per epoch)',
    'trainLinearRegression converges to the exact fit',
    'trainLinearRegression learns with batches reshuffled by rng every epoch',
    'randomized: full-batch training on random data',
  ],
};

export default mutant;
