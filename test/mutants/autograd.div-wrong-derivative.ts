import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "div with ∂(a/b)/∂b = +a/b²",
  patch: [
    ["  div(other: Value | number): Value {\n    return this.mul(Value.of(other).pow(-1));\n  }", "  div(other: Value | number): Value {\n    const o = Value.of(other);\n    const out = new Value(this.data / o.data, [this, o]);\n    out.backwardStep = () => {\n      this.grad += out.grad / o.data;\n      o.grad += (this.data / (o.data * o.data)) * out.grad;\n    };\n    return out;\n  }"],
  ],
};

export default mutant;
