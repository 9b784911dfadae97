import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "miniBatches \"shuffles\" by rotating 0…n−1 to a random starting index",
  patch: [
    ["  const order = permutation(n, rng);\n", "  const start = Math.floor(rng() * n);\n  const order = Array.from({ length: n }, (_, i) => (start + i) % n);\n"],
  ],
  mustFail: [...CHECKS.miniBatches],
};

export default mutant;
