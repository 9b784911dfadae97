import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward does not set the output gradient to 1",
  patch: [
    ["    this.grad = 1;\n", "    this.grad = this.grad || 0;\n"],
  ],
};

export default mutant;
