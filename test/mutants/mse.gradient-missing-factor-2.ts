import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient without the factor 2",
  patch: [
    ["(2 * (p - y[i])) / n", "(p - y[i]) / n"],
  ],
};

export default mutant;
