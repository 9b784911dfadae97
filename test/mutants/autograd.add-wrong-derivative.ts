import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "add passes −grad to its second input",
  patch: [
    ["      o.grad += out.grad;\n", "      o.grad -= out.grad;\n"],
  ],
};

export default mutant;
