import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "log with derivative 1/a²",
  patch: [
    ["this.grad += out.grad / this.data;", "this.grad += out.grad / (this.data * this.data);"],
  ],
};

export default mutant;
