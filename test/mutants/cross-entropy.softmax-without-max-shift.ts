import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "softmax without subtracting the maximum",
  patch: [
    ["  const m = Math.max(...logits);\n", "  const m = 0;\n"],
  ],
};

export default mutant;
