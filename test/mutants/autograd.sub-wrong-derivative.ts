import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "sub as a separate op that passes +grad to its second input",
  patch: [
    ["  sub(other: Value | number): Value {\n    return this.add(Value.of(other).neg());\n  }", "  sub(other: Value | number): Value {\n    const o = Value.of(other);\n    const out = new Value(this.data - o.data, [this, o]);\n    out.backwardStep = () => {\n      this.grad += out.grad;\n      o.grad += out.grad;\n    };\n    return out;\n  }"],
  ],
};

export default mutant;
