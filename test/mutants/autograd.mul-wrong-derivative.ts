import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "mul uses each factor for its own derivative",
  patch: [
    ["this.grad += o.data * out.grad;", "this.grad += this.data * out.grad;"],
  ],
};

export default mutant;
