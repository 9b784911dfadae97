import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "crossEntropy returns the sum over the rows instead of the mean",
  patch: [
    ["  return total / logits.length;\n", "  return total;\n"],
  ],
};

export default mutant;
