import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches \"shuffles\" by rotating 0…n−1 to a random starting index",
  patch: [
    ["  const order = permutation(n, rng);\n", "  const start = Math.floor(rng() * n);\n  const order = Array.from({ length: n }, (_, i) => (start + i) % n);\n"],
  ],
  mustFail: [
    'miniBatches(10, 3) shuffles 0…9 into batches of 3, 3, 3, 1',
    'miniBatches edge cases (batchSize 1, = n, > n, dividing n)',
    'miniBatches is a seeded random permutation (rng only, reproducible, seed-dependent)',
    'miniBatches shuffles uniformly (every order equally likely)',
    'randomized: miniBatches for random n and batchSize',
  ],
};

export default mutant;
