import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "binaryCrossEntropy without the clamp at −100 (p = 0 or 1)",
  patch: [
    ["const logP = Math.max(Math.log(p), LOG_CLAMP);", "const logP = Math.log(p);"],
    ["const log1mP = Math.max(Math.log(1 - p), LOG_CLAMP);", "const log1mP = Math.log(1 - p);"],
  ],
};

export default mutant;
