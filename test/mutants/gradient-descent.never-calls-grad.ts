import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent never calls grad: it returns steps + 1 copies of x0",
  patch: [
    ["    const g = grad(x.slice());\n    x = x.map((xi, i) => xi - lr * g[i]);\n", "    x = x.slice();\n"],
  ],
  mustFail: CHECKS.gradientDescent,
};

export default mutant;
