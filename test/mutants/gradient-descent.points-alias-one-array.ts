import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent updates one array in place and pushes it every step (all points alias)",
  patch: [
    ["    x = x.map((xi, i) => xi - lr * g[i]);\n", "    for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];\n"],
  ],
};

export default mutant;
