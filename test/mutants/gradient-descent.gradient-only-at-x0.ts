import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent calls grad once, at x0, and reuses that gradient for every step",
  patch: [
    ["  const trajectory = [x];\n", "  const trajectory = [x];\n  const g0 = grad(x0.slice());\n"],
    ["    const g = grad(x.slice());\n", "    const g = g0;\n"],
  ],
  mustFail: CHECKS.gradientDescent,
};

export default mutant;
