import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches never shuffles: it cuts 0, 1, …, n − 1 into batches in order",
  patch: [
    ["  const order = permutation(n, rng);\n", "  const order = Array.from({ length: n }, (_, i) => i);\n"],
  ],
  mustFail: [
    'miniBatches(10, 3) shuffles 0…9 into batches of 3, 3, 3, 1',
    'miniBatches edge cases (batchSize 1, = n, > n, dividing n)',
    'miniBatches is a seeded random permutation (rng only, reproducible, seed-dependent)',
    'miniBatches shuffles uniformly (every order equally likely)',
    'randomized: miniBatches for random n and batchSize',
    'trainLinearRegression learns with batches reshuffled by rng every epoch',
  ],
};

export default mutant;
