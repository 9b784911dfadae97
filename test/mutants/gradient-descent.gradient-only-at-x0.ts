import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "gradient-descent.ts",
  mistake: "gradientDescent calls grad once, at x0, and reuses that gradient for every step",
  patch: [
    ["  const trajectory = [x];\n", "  const trajectory = [x];\n  const g0 = grad(x0.slice());\n"],
    ["    const g = grad(x.slice());\n", "    const g = g0;\n"],
  ],
  mustFail: [
    'gradientDescent returns steps + 1 points, x0 first',
    'each step calls ∇f at xₜ and moves to xₜ − η·∇f(xₜ)',
    'gradientDescent matches PyTorch SGD',
    'every point is a new array and x0 is not modified',
    'steps = 0 gives [x0]; steps = 1 and 3 give one more point per step',
    'randomized: gradientDescent on random quadratics',
  ],
};

export default mutant;
