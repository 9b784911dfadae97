import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent returns the x0 array itself as the first point",
  patch: [
    ["  let x = x0.slice();\n", "  let x = x0;\n"],
  ],
};

export default mutant;
