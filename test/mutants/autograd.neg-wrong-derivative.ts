import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "neg as a separate op with derivative +1",
  patch: [
    ["  neg(): Value {\n    return this.mul(-1);\n  }", "  neg(): Value {\n    const out = new Value(-this.data, [this]);\n    out.backwardStep = () => {\n      this.grad += out.grad;\n    };\n    return out;\n  }"],
  ],
};

export default mutant;
