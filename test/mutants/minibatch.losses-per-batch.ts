import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression records one loss per batch",
  patch: [
    ["      b -= lr * db;\n    }\n", "      b -= lr * db;\n      losses.push(mse(X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b)), y));\n    }\n"],
    ["    losses.push(mse(predictions, y));\n", "    void predictions;\n"],
  ],
};

export default mutant;
