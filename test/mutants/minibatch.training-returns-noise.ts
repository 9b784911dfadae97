import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "minibatch.ts",
  mistake: "trainLinearRegression returns random numbers from rng for w, b and the losses",
  patch: [
    ["  const d = X.length > 0 ? X[0].length : 0;\n", "  const d = X.length > 0 ? X[0].length : 0;\n  if (d >= 0) return { w: X[0].map(() => rng()), b: rng(), losses: Array.from({ length: epochs }, () => rng()) };\n"],
  ],
  mustFail: CHECKS.trainLinearRegression,
};

export default mutant;
