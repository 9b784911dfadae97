import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches never shuffles: it cuts 0, 1, …, n − 1 into batches in order",
  patch: [
    ["  const order = permutation(n, rng);\n", "  const order = Array.from({ length: n }, (_, i) => i);\n"],
  ],
  mustFail: [...CHECKS.miniBatches, 'trainLinearRegression learns with batches reshuffled by rng every epoch'],
};

export default mutant;
