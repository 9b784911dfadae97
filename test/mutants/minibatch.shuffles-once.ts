import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression shuffles once instead of every epoch",
  patch: [
    ["  for (let epoch = 0; epoch < epochs; epoch++) {\n    for (const batch of miniBatches(X.length, batchSize, rng)) {", "  const fixed = miniBatches(X.length, batchSize, rng);\n  for (let epoch = 0; epoch < epochs; epoch++) {\n    for (const batch of fixed) {"],
  ],
};

export default mutant;
