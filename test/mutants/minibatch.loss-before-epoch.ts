import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression records the loss before each epoch instead of after",
  patch: [
    ["  for (let epoch = 0; epoch < epochs; epoch++) {\n", "  for (let epoch = 0; epoch < epochs; epoch++) {\n    losses.push(mse(y, X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b))));\n"],
    ["    losses.push(mse(y, predictions));\n", "    void predictions;\n"],
  ],
};

export default mutant;
