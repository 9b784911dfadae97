import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "linearRegressionGradient sums db instead of averaging it",
  patch: [
    ["db += (2 / n) * r;", "db += 2 * r;"],
  ],
};

export default mutant;
