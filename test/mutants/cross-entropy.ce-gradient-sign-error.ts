import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "crossEntropyGradient as onehot − softmax",
  patch: [
    ["(p - (k === labels[n] ? 1 : 0)) / N", "((k === labels[n] ? 1 : 0) - p) / N"],
  ],
};

export default mutant;
