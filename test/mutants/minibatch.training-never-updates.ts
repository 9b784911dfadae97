import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression draws the batches and their gradients but never updates w and b",
  patch: [
    ["      w = w.map((wj, j) => wj - lr * dw[j]);\n      b -= lr * db;\n", "      void dw;\n      void db;\n"],
  ],
  mustFail: CHECKS.trainLinearRegression,
};

export default mutant;
