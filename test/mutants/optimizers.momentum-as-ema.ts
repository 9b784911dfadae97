import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "momentum as an exponential moving average b = μb + (1 − μ)g",
  patch: [
    ["const b = prev === null ? grads.slice() : grads.map((g, i) => mu * prev[i] + g);", "const b = prev === null ? grads.map((g) => (1 - mu) * g) : grads.map((g, i) => mu * prev[i] + (1 - mu) * g);", 1],
  ],
};

export default mutant;
