import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "RMSProp with ε inside the square root",
  patch: [
    ["(lr * grads[i]) / (Math.sqrt(v[i]) + eps)", "(lr * grads[i]) / Math.sqrt(v[i] + eps)"],
  ],
};

export default mutant;
