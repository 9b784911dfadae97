import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "binaryCrossEntropy with the sign flipped",
  patch: [
    ["total -= y * logP + (1 - y) * log1mP;", "total += y * logP + (1 - y) * log1mP;"],
  ],
};

export default mutant;
