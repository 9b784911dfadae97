import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "Adam with ε inside the square root",
  patch: [
    ["(Math.sqrt(vNext[i]) / c2 + eps)", "Math.sqrt(vNext[i] / (c2 * c2) + eps)"],
  ],
};

export default mutant;
