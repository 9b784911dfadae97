import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches calls rng but always returns the same order (n − 1, …, 1, 0), whatever rng() gives",
  patch: [
    ["  const order = permutation(n, rng);\n", "  rng();\n  const order = Array.from({ length: n }, (_, i) => n - 1 - i);\n"],
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
