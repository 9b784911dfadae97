import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "linearRegressionGradient without the factor 2",
  patch: [
    ["dw[j] += (2 / n) * r * X[i][j];", "dw[j] += (1 / n) * r * X[i][j];"],
    ["db += (2 / n) * r;", "db += (1 / n) * r;"],
  ],
};

export default mutant;
