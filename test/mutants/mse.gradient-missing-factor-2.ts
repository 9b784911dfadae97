import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient without the factor 2",
  patch: [
    ["(2 * (p - yTrue[i])) / n", "(p - yTrue[i]) / n"],
  ],
};

export default mutant;
