import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "binaryCrossEntropy with the sign flipped",
  patch: [
    ["total -= y[i] * logP + (1 - y[i]) * log1mP;", "total += y[i] * logP + (1 - y[i]) * log1mP;"],
  ],
};

export default mutant;
