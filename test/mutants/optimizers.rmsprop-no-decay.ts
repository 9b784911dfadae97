import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "RMSProp with v ← v + g² (no decay)",
  patch: [
    ["alpha * prev[i] + (1 - alpha) * g * g", "prev[i] + g * g"],
  ],
};

export default mutant;
