import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression averages the last batch over batchSize instead of its own size",
  patch: [
    ["      w = w.map((wj, j) => wj - lr * dw[j]);\n      b -= lr * db;\n", "      const scale = batch.length / batchSize;\n      w = w.map((wj, j) => wj - lr * scale * dw[j]);\n      b -= lr * scale * db;\n"],
  ],
};

export default mutant;
