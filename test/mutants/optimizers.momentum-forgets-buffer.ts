import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "momentum never stores its buffer, so every step is b = g: plain SGD under momentum's name",
  patch: [
    ["    buffer = b;\n", "", 1],
  ],
  mustFail: [
    'momentum matches PyTorch: b ← μb + g, θ ← θ − η·b',
    'momentum and nesterov with μ = 0.5 on given gradients',
    'each optimizer keeps its own state',
    'every step returns a new array and leaves params and grads untouched',
    'randomized: every optimizer on random gradients and options',
  ],
};

export default mutant;
