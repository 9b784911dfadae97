import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "pow with k·a^k instead of k·a^(k−1)",
  patch: [
    ["k * Math.pow(this.data, k - 1)", "k * Math.pow(this.data, k)"],
  ],
};

export default mutant;
