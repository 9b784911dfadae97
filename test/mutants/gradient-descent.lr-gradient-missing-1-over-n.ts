import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "linearRegressionGradient without the 1/n",
  patch: [
    ["dw[j] += (2 / n) * r * X[i][j];", "dw[j] += 2 * r * X[i][j];"],
    ["db += (2 / n) * r;", "db += 2 * r;"],
  ],
};

export default mutant;
