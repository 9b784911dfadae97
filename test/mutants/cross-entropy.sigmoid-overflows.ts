import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "sigmoid as e^z/(1 + e^z) for every z (NaN at z = 1000)",
  patch: [
    ["  if (z >= 0) return 1 / (1 + Math.exp(-z));\n", ""],
  ],
};

export default mutant;
