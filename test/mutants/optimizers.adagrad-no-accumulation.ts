import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "AdaGrad with s = g² (no accumulation)",
  patch: [
    ["const s = grads.map((g, i) => prev[i] + g * g);", "const s = grads.map((g) => g * g);"],
  ],
};

export default mutant;
