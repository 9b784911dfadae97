import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient with the sign flipped (y − ŷ)",
  patch: [
    ["(2 * (p - y[i])) / n", "(2 * (y[i] - p)) / n"],
  ],
};

export default mutant;
