import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "exp with derivative a instead of eᵃ",
  patch: [
    ["this.grad += out.data * out.grad;", "this.grad += this.data * out.grad;"],
  ],
};

export default mutant;
