import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "nesterov steps along b (plain momentum)",
  patch: [
    ["p - lr * (grads[i] + mu * b[i])", "p - lr * b[i]"],
  ],
};

export default mutant;
