import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "AdaGrad with ε inside the square root",
  patch: [
    ["(lr * grads[i]) / (Math.sqrt(s[i]) + eps)", "(lr * grads[i]) / Math.sqrt(s[i] + eps)"],
  ],
};

export default mutant;
