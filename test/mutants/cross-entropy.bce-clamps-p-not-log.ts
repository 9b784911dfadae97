import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "binaryCrossEntropy clamps p to [1e-7, 1 − 1e-7] instead of clamping the logs",
  patch: [
    ["    const p = pHat[i];\n", "    const p = Math.min(Math.max(pHat[i], 1e-7), 1 - 1e-7);\n"],
  ],
};

export default mutant;
