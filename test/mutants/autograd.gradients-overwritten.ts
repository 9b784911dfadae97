import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward steps assign (=) instead of accumulating (+=)",
  patch: [
    ["      this.grad += out.grad;\n      o.grad += out.grad;", "      this.grad = out.grad;\n      o.grad = out.grad;"],
    ["      this.grad += o.data * out.grad;\n      o.grad += this.data * out.grad;", "      this.grad = o.data * out.grad;\n      o.grad = this.data * out.grad;"],
  ],
};

export default mutant;
