import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression draws the batches and their gradients but never updates w and b",
  patch: [
    ["      w = w.map((wj, j) => wj - lr * dw[j]);\n      b -= lr * db;\n", "      void dw;\n      void db;\n"],
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
