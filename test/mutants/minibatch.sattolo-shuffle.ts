import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "shuffle with j < i (only cyclic orders, never uniform)",
  patch: [
    ["const j = Math.floor(rng() * (i + 1));", "const j = Math.floor(rng() * i);"],
  ],
};

export default mutant;
