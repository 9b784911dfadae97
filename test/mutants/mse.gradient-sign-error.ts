import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient with the sign flipped (y − ŷ)",
  patch: [
    ["(2 * (p - yTrue[i])) / n", "(2 * (yTrue[i] - p)) / n"],
  ],
};

export default mutant;
