/**
 * The mutation suite of mse.ts: single deliberate mistakes in solutions/mse.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function (return their input, never call it, never shuffle) must fail every check named
 * in `mustFail` (test/grading/mutants.test.ts). A renamed check fails that test until renamed here.
 */
import type { Mutant } from '../../kit/author/mutant';

const mutants: Mutant[] = [
  {
    name: "gradient-arguments-swapped",
    mistake: "mseGradient takes its arguments in the old order (y, yHat): targets first",
    patch: [
      ["export function mseGradient(yHat: number[], y: number[]): number[] {", "export function mseGradient(y: number[], yHat: number[]): number[] {"],
    ],
  },
  {
    name: "gradient-missing-1-over-n",
    mistake: "mseGradient without the 1/n",
    patch: [
      ["(2 * (p - y[i])) / n", "2 * (p - y[i])"],
    ],
  },
  {
    name: "gradient-missing-factor-2",
    mistake: "mseGradient without the factor 2",
    patch: [
      ["(2 * (p - y[i])) / n", "(p - y[i]) / n"],
    ],
  },
  {
    name: "gradient-sign-error",
    mistake: "mseGradient with the sign flipped (y − ŷ)",
    patch: [
      ["(2 * (p - y[i])) / n", "(2 * (y[i] - p)) / n"],
    ],
  },
  {
    name: "returns-constant",
    mistake: "mse returns the answer of the first example (4/3) whatever its input",
    patch: [
      ["  checkPair('mse', yHat, y);\n", "  checkPair('mse', yHat, y);\n  if (y.length > 0) return 4 / 3;\n"],
    ],
    mustFail: [
      "mse is the mean of the squared errors",
      "mse squares errors of both signs",
      "mse matches PyTorch (F.mse_loss, reduction \"mean\")",
      "randomized: mse on 20 random cases",
    ],
  },
  {
    name: "sum-instead-of-mean",
    mistake: "mse returns the sum of squared errors instead of the mean",
    patch: [
      ["return total / y.length;", "return total;"],
    ],
  },
];

export default mutants;
