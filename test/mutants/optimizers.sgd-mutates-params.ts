import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "sgd updates params in place and returns it",
  patch: [
    ["  return (params, grads) => params.map((p, i) => p - lr * grads[i]);\n", "  return (params, grads) => {\n    for (let i = 0; i < params.length; i++) params[i] -= lr * grads[i];\n    return params;\n  };\n"],
  ],
};

export default mutant;
