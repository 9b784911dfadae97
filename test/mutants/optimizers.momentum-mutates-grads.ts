import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "momentum writes its buffer into grads",
  patch: [
    ["    buffer = b;\n", "    buffer = b;\n    b.forEach((v, i) => (grads[i] = v));\n", 1],
  ],
};

export default mutant;
