import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "sigmoid is a step function (1 for z ≥ 0, else 0): never overflows, never right",
  patch: [
    ["  if (z >= 0) return 1 / (1 + Math.exp(-z));\n  const e = Math.exp(z);\n  return e / (1 + e);\n", "  return z >= 0 ? 1 : 0;\n"],
  ],
  mustFail: ['sigmoid is 1/(1 + e⁻ᶻ)', 'sigmoid is right and finite from z = ±5 to ±1e308', 'randomized: sigmoid across magnitudes'],
};

export default mutant;
