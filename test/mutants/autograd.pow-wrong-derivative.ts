import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "pow with k·aᵏ instead of k·aᵏ⁻¹",
  patch: [
    ["k * Math.pow(this.data, k - 1)", "k * Math.pow(this.data, k)"],
  ],
};

export default mutant;
