import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression records one loss per batch",
  patch: [
    ["      b -= lr * db;\n    }\n", "      b -= lr * db;\n      losses.push(mse(y, X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b))));\n    }\n"],
    ["    losses.push(mse(y, predictions));\n", "    void predictions;\n"],
  ],
};

export default mutant;
