import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "relu passes the gradient everywhere",
  patch: [
    ["(this.data > 0 ? 1 : 0) * out.grad", "out.grad"],
  ],
};

export default mutant;
