import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent adds the gradient (sign error)",
  patch: [
    ["xi - lr * g[i]", "xi + lr * g[i]"],
  ],
};

export default mutant;
