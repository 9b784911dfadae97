import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression records the loss before each epoch instead of after",
  patch: [
    ["  for (let epoch = 0; epoch < epochs; epoch++) {\n", "  for (let epoch = 0; epoch < epochs; epoch++) {\n    losses.push(mse(X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b)), y));\n"],
    ["    losses.push(mse(predictions, y));\n", "    void predictions;\n"],
  ],
};

export default mutant;
