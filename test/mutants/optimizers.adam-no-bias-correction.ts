import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "Adam without bias correction",
  patch: [
    ["    const c1 = 1 - Math.pow(beta1, t);\n    const c2 = Math.sqrt(1 - Math.pow(beta2, t));\n", "    const c1 = 1;\n    const c2 = 1;\n"],
  ],
};

export default mutant;
