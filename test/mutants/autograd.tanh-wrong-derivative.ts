import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "tanh with derivative 1 − tanh instead of 1 − tanh²",
  patch: [
    ["(1 - t * t)", "(1 - t)"],
  ],
};

export default mutant;
