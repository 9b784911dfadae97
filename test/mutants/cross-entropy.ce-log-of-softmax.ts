import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "crossEntropy as −log(softmax) (Infinity when the softmax underflows)",
  patch: [
    ["total += logSumExp(row) - row[labels[n]];", "total -= Math.log(softmax(row)[labels[n]]);"],
  ],
};

export default mutant;
