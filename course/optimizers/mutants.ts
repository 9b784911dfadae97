/**
 * The mutation suite of optimizers.ts: single deliberate mistakes in solutions/optimizers.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function (return their input, never call it, never shuffle) must fail every check named
 * in `mustFail` (test/grading/mutants.test.ts). A renamed check fails that test until renamed here.
 */
import type { Mutant } from '../../kit/author/mutant';

/** The checks (visible and hidden) that exercise every optimizer factory: a fake of it must fail every one. */
const OPTIMIZERS = [
  "sgd matches PyTorch: θ ← θ − η·g",
  "momentum matches PyTorch: v ← μv + g, θ ← θ − η·v",
  "nesterov matches PyTorch: θ ← θ − η·(g + μv)",
  "momentum and nesterov with μ = 0.5 on given gradients",
  "adagrad matches PyTorch: s ← s + g², θ ← θ − η·g/(√s + ε)",
  "adagrad: ε outside the root, default ε = 1e-10",
  "rmsprop matches PyTorch: s ← αs + (1 − α)g², θ ← θ − η·g/(√s + ε)",
  "rmsprop: options alpha and eps, defaults α = 0.99 and ε = 1e-8",
  "adam matches PyTorch (bias-corrected m and s)",
  "adam: options betas and eps, defaults [0.9, 0.999] and 1e-8",
  "each optimizer keeps its own state",
  "every step returns a new array and leaves params and grads untouched",
  "randomized: every optimizer on random gradients and options",
];

const mutants: Mutant[] = [
  {
    name: "adagrad-eps-inside-sqrt",
    mistake: "AdaGrad with ε inside the square root",
    patch: [
      ["(lr * grads[i]) / (Math.sqrt(s[i]) + eps)", "(lr * grads[i]) / Math.sqrt(s[i] + eps)"],
    ],
  },
  {
    name: "adagrad-no-accumulation",
    mistake: "AdaGrad with s = g² (no accumulation)",
    patch: [
      ["const s = grads.map((g, i) => prev[i] + g * g);", "const s = grads.map((g) => g * g);"],
    ],
  },
  {
    name: "adagrad-wrong-default-eps",
    mistake: "AdaGrad with default ε = 1e-8 instead of 1e-10",
    patch: [
      ["export const ADAGRAD_DEFAULTS = { eps: 1e-10 };", "export const ADAGRAD_DEFAULTS = { eps: 1e-8 };"],
    ],
  },
  {
    name: "adam-betas-swapped",
    mistake: "Adam with β₁ and β₂ swapped in the moment updates",
    patch: [
      ["beta1 * mPrev[i] + (1 - beta1) * g", "beta2 * mPrev[i] + (1 - beta2) * g"],
      ["beta2 * vPrev[i] + (1 - beta2) * g * g", "beta1 * vPrev[i] + (1 - beta1) * g * g"],
    ],
  },
  {
    name: "adam-eps-inside-sqrt",
    mistake: "Adam with ε inside the square root",
    patch: [
      ["(Math.sqrt(vNext[i]) / c2 + eps)", "Math.sqrt(vNext[i] / (c2 * c2) + eps)"],
    ],
  },
  {
    name: "adam-no-bias-correction",
    mistake: "Adam without bias correction",
    patch: [
      ["    const c1 = 1 - Math.pow(beta1, t);\n    const c2 = Math.sqrt(1 - Math.pow(beta2, t));\n", "    const c1 = 1;\n    const c2 = 1;\n"],
    ],
  },
  {
    name: "momentum-as-ema",
    mistake: "momentum as an exponential moving average v = μv + (1 − μ)g",
    patch: [
      ["const b = prev === null ? grads.slice() : grads.map((g, i) => mu * prev[i] + g);", "const b = prev === null ? grads.map((g) => (1 - mu) * g) : grads.map((g, i) => mu * prev[i] + (1 - mu) * g);", 1],
    ],
  },
  {
    name: "momentum-forgets-buffer",
    mistake: "momentum never stores its buffer, so every step is b = g: plain SGD under momentum's name",
    patch: [
      ["    buffer = b;\n", "", 1],
    ],
    mustFail: [
      "momentum matches PyTorch: v ← μv + g, θ ← θ − η·v",
      "momentum and nesterov with μ = 0.5 on given gradients",
      "each optimizer keeps its own state",
      "every step returns a new array and leaves params and grads untouched",
      "randomized: every optimizer on random gradients and options",
    ],
  },
  {
    name: "momentum-mutates-grads",
    mistake: "momentum writes its buffer into grads",
    patch: [
      ["    buffer = b;\n", "    buffer = b;\n    b.forEach((v, i) => (grads[i] = v));\n", 1],
    ],
  },
  {
    name: "nesterov-equals-momentum",
    mistake: "nesterov steps along b (plain momentum)",
    patch: [
      ["p - lr * (grads[i] + mu * b[i])", "p - lr * b[i]"],
    ],
  },
  {
    name: "rmsprop-eps-inside-sqrt",
    mistake: "RMSProp with ε inside the square root",
    patch: [
      ["(lr * grads[i]) / (Math.sqrt(v[i]) + eps)", "(lr * grads[i]) / Math.sqrt(v[i] + eps)"],
    ],
  },
  {
    name: "rmsprop-no-decay",
    mistake: "RMSProp with v ← v + g² (no decay)",
    patch: [
      ["alpha * prev[i] + (1 - alpha) * g * g", "prev[i] + g * g"],
    ],
  },
  {
    name: "sgd-mutates-params",
    mistake: "sgd updates params in place and returns it",
    patch: [
      ["  return (params, grads) => params.map((p, i) => p - lr * grads[i]);\n", "  return (params, grads) => {\n    for (let i = 0; i < params.length; i++) params[i] -= lr * grads[i];\n    return params;\n  };\n"],
    ],
  },
  {
    name: "shared-state",
    mistake: "adam keeps m, v and t at module level (shared by all instances)",
    patch: [
      ["export function adam({", "let m: number[] | null = null;\nlet v: number[] | null = null;\nlet t = 0;\nexport function adam({"],
      ["  let m: number[] | null = null;\n  let v: number[] | null = null;\n  let t = 0;\n", ""],
    ],
  },
  {
    name: "steps-return-params-unchanged",
    mistake: "every optimizer's step returns a copy of its params, unchanged (a new array that never moves)",
    patch: [
      ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 1],
      ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 2],
      ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 3],
      ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 4],
      ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 5],
      ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 6],
    ],
    mustFail: OPTIMIZERS,
  },
];

export default mutants;
