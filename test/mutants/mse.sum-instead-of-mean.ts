import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mse returns the sum of squared errors instead of the mean",
  patch: [
    ["return total / y.length;", "return total;"],
  ],
};

export default mutant;
