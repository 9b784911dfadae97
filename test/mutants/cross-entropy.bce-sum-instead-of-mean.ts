import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "binaryCrossEntropy returns the sum instead of the mean",
  patch: [
    ["  return total / y.length;\n", "  return total;\n"],
  ],
};

export default mutant;
