import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches calls rng but always returns the same order (n − 1, …, 1, 0), whatever rng() gives",
  patch: [
    ["  const order = permutation(n, rng);\n", "  rng();\n  const order = Array.from({ length: n }, (_, i) => n - 1 - i);\n"],
  ],
  mustFail: [...CHECKS.miniBatches, 'trainLinearRegression learns with batches reshuffled by rng every epoch'],
};

export default mutant;
