import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient without the 1/n",
  patch: [
    ["(2 * (p - y[i])) / n", "2 * (p - y[i])"],
  ],
};

export default mutant;
