import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "AdaGrad with default ε = 1e-8 instead of 1e-10",
  patch: [
    ["export const ADAGRAD_DEFAULTS = { eps: 1e-10 };", "export const ADAGRAD_DEFAULTS = { eps: 1e-8 };"],
  ],
};

export default mutant;
