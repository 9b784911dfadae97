import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "linearRegressionGradient with residuals y − ŷ",
  patch: [
    ["const r = prediction - y[i];", "const r = y[i] - prediction;"],
  ],
};

export default mutant;
