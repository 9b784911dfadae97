import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent leaves x0 out of the trajectory",
  patch: [
    ["  const trajectory = [x];\n", "  const trajectory: number[][] = [];\n"],
  ],
};

export default mutant;
