import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "the shuffle draws from Math.random instead of rng",
  patch: [
    ["const j = Math.floor(rng() * (i + 1));", "const j = Math.floor(Math.random() * (i + 1));"],
  ],
};

export default mutant;
