import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "every optimizer's step returns a copy of its params, unchanged (a new array that never moves)",
  patch: [
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 1],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 2],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 3],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 4],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 5],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 6],
  ],
  mustFail: [
    'sgd matches PyTorch: θ ← θ − η·g',
    'momentum matches PyTorch: b ← μb + g, θ ← θ − η·b',
    'nesterov matches PyTorch: θ ← θ − η·(g + μb)',
    'momentum and nesterov with μ = 0.5 on given gradients',
    'adagrad matches PyTorch: s ← s + g², θ ← θ − η·g/(√s + ε)',
    'adagrad: ε outside the root, default ε = 1e-10',
    'rmsprop matches PyTorch: v ← αv + (1 − α)g², θ ← θ − η·g/(√v + ε)',
    'rmsprop: options alpha and eps, defaults α = 0.99 and ε = 1e-8',
    'adam matches PyTorch (bias-corrected m and v)',
    'adam: options betas and eps, defaults [0.9, 0.999] and 1e-8',
    'each optimizer keeps its own state',
    'every step returns a new array and leaves params and grads untouched',
    'randomized: every optimizer on random gradients and options',
  ],
};

export default mutant;
