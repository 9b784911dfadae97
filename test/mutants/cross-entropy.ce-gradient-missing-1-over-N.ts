import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "crossEntropyGradient without the 1/N",
  patch: [
    [") / N));", ")));"],
  ],
};

export default mutant;
