import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "shuffle with j = floor(rng()·n) at every step (not uniform)",
  patch: [
    ["  for (let i = n - 1; i > 0; i--) {\n    const j = Math.floor(rng() * (i + 1));", "  for (let i = n - 1; i >= 0; i--) {\n    const j = Math.floor(rng() * n);"],
  ],
};

export default mutant;
