/**
 * The mutation suite of cross-entropy.ts: single deliberate mistakes in solutions/cross-entropy.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function (return their input, never call it, never shuffle) must fail every check named
 * in `mustFail` (test/grading/mutants.test.ts). A renamed check fails that test until renamed here.
 */
import type { Mutant } from '../../kit/author/mutant';

const mutants: Mutant[] = [
  {
    name: "bce-arguments-swapped",
    mistake: "binaryCrossEntropy takes its arguments in the old order (y, pHat): labels first",
    patch: [
      ["export function binaryCrossEntropy(pHat: number[], y: number[]): number {", "export function binaryCrossEntropy(y: number[], pHat: number[]): number {"],
    ],
  },
  {
    name: "bce-clamps-p-not-log",
    mistake: "binaryCrossEntropy clamps p to [1e-7, 1 − 1e-7] instead of clamping the logs",
    patch: [
      ["    const p = pHat[i];\n", "    const p = Math.min(Math.max(pHat[i], 1e-7), 1 - 1e-7);\n"],
    ],
  },
  {
    name: "bce-no-clamp",
    mistake: "binaryCrossEntropy without the clamp at −100 (p = 0 or 1)",
    patch: [
      ["const logP = Math.max(Math.log(p), LOG_CLAMP);", "const logP = Math.log(p);"],
      ["const log1mP = Math.max(Math.log(1 - p), LOG_CLAMP);", "const log1mP = Math.log(1 - p);"],
    ],
  },
  {
    name: "bce-sign-error",
    mistake: "binaryCrossEntropy with the sign flipped",
    patch: [
      ["total -= y[i] * logP + (1 - y[i]) * log1mP;", "total += y[i] * logP + (1 - y[i]) * log1mP;"],
    ],
  },
  {
    name: "bce-sum-instead-of-mean",
    mistake: "binaryCrossEntropy returns the sum instead of the mean",
    patch: [
      ["  return total / y.length;\n", "  return total;\n"],
    ],
  },
  {
    name: "ce-gradient-missing-1-over-N",
    mistake: "crossEntropyGradient without the 1/N",
    patch: [
      [") / N));", ")));"],
    ],
  },
  {
    name: "ce-gradient-sign-error",
    mistake: "crossEntropyGradient as onehot − softmax",
    patch: [
      ["(p - (k === labels[n] ? 1 : 0)) / N", "((k === labels[n] ? 1 : 0) - p) / N"],
    ],
  },
  {
    name: "ce-log-of-softmax",
    mistake: "crossEntropy as −log(softmax) (Infinity when the softmax underflows)",
    patch: [
      ["total += logSumExp(row) - row[labels[n]];", "total -= Math.log(softmax(row)[labels[n]]);"],
    ],
  },
  {
    name: "ce-sum-instead-of-mean",
    mistake: "crossEntropy returns the sum over the rows instead of the mean",
    patch: [
      ["  return total / logits.length;\n", "  return total;\n"],
    ],
  },
  {
    name: "sigmoid-overflows",
    mistake: "sigmoid as e^z/(1 + e^z) for every z (NaN at z = 1000)",
    patch: [
      ["  if (z >= 0) return 1 / (1 + Math.exp(-z));\n", ""],
    ],
  },
  {
    name: "sigmoid-step-function",
    mistake: "sigmoid is a step function (1 for z ≥ 0, else 0): never overflows, never right",
    patch: [
      ["  if (z >= 0) return 1 / (1 + Math.exp(-z));\n  const e = Math.exp(z);\n  return e / (1 + e);\n", "  return z >= 0 ? 1 : 0;\n"],
    ],
    mustFail: [
      "sigmoid is 1/(1 + e⁻ᶻ)",
      "sigmoid is right and finite from z = ±5 to ±1e308",
      "randomized: sigmoid across magnitudes",
    ],
  },
  {
    name: "softmax-without-max-shift",
    mistake: "softmax without subtracting the maximum",
    patch: [
      ["  const m = Math.max(...logits);\n", "  const m = 0;\n"],
    ],
  },
];

export default mutants;
