import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent takes one step too few",
  patch: [
    ["for (let t = 0; t < steps; t++)", "for (let t = 1; t < steps; t++)"],
  ],
};

export default mutant;
