import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "Adam with β₁ and β₂ swapped in the moment updates",
  patch: [
    ["beta1 * mPrev[i] + (1 - beta1) * g", "beta2 * mPrev[i] + (1 - beta2) * g"],
    ["beta2 * vPrev[i] + (1 - beta2) * g * g", "beta1 * vPrev[i] + (1 - beta1) * g * g"],
  ],
};

export default mutant;
