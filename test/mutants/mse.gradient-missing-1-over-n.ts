import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient without the 1/n",
  patch: [
    ["(2 * (p - yTrue[i])) / n", "2 * (p - yTrue[i])"],
  ],
};

export default mutant;
