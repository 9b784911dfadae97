/**
 * The mutation suite of gradient-descent.ts: single deliberate mistakes in solutions/gradient-descent.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function (return their input, never call it, never shuffle) must fail every check named
 * in `mustFail` (test/grading/mutants.test.ts). A renamed check fails that test until renamed here.
 */
import type { Mutant } from '../../kit/author/mutant';

/** The checks (visible and hidden) that exercise gradientDescent: a fake of it must fail every one. */
const GRADIENT_DESCENT = [
  "gradientDescent returns steps + 1 points, x0 first",
  "each step calls ∇f at xₜ and moves to xₜ − η·∇f(xₜ)",
  "gradientDescent matches PyTorch SGD",
  "every point is a new array and x0 is not modified",
  "steps = 0 gives [x0]; steps = 1 and 3 give one more point per step",
  "randomized: gradientDescent on random quadratics",
];

const mutants: Mutant[] = [
  {
    name: "first-point-is-x0-itself",
    mistake: "gradientDescent returns the x0 array itself as the first point",
    patch: [
      ["  let x = x0.slice();\n", "  let x = x0;\n"],
    ],
  },
  {
    name: "gradient-ascent",
    mistake: "gradientDescent adds the gradient (sign error)",
    patch: [
      ["xi - lr * g[i]", "xi + lr * g[i]"],
    ],
  },
  {
    name: "gradient-only-at-x0",
    mistake: "gradientDescent calls grad once, at x0, and reuses that gradient for every step",
    patch: [
      ["  const trajectory = [x];\n", "  const trajectory = [x];\n  const g0 = grad(x0.slice());\n"],
      ["    const g = grad(x.slice());\n", "    const g = g0;\n"],
    ],
    mustFail: GRADIENT_DESCENT,
  },
  {
    name: "lr-gradient-db-sum",
    mistake: "linearRegressionGradient sums db instead of averaging it",
    patch: [
      ["db += (2 / n) * r;", "db += 2 * r;"],
    ],
  },
  {
    name: "lr-gradient-missing-1-over-n",
    mistake: "linearRegressionGradient without the 1/n",
    patch: [
      ["dw[j] += (2 / n) * r * X[i][j];", "dw[j] += 2 * r * X[i][j];"],
      ["db += (2 / n) * r;", "db += 2 * r;"],
    ],
  },
  {
    name: "lr-gradient-missing-factor-2",
    mistake: "linearRegressionGradient without the factor 2",
    patch: [
      ["dw[j] += (2 / n) * r * X[i][j];", "dw[j] += (1 / n) * r * X[i][j];"],
      ["db += (2 / n) * r;", "db += (1 / n) * r;"],
    ],
  },
  {
    name: "lr-gradient-sign-error",
    mistake: "linearRegressionGradient with residuals y − ŷ",
    patch: [
      ["const r = prediction - y[i];", "const r = y[i] - prediction;"],
    ],
  },
  {
    name: "never-calls-grad",
    mistake: "gradientDescent never calls grad: it returns steps + 1 copies of x0",
    patch: [
      ["    const g = grad(x.slice());\n    x = x.map((xi, i) => xi - lr * g[i]);\n", "    x = x.slice();\n"],
    ],
    mustFail: GRADIENT_DESCENT,
  },
  {
    name: "one-step-short",
    mistake: "gradientDescent takes one step too few",
    patch: [
      ["for (let t = 0; t < steps; t++)", "for (let t = 1; t < steps; t++)"],
    ],
  },
  {
    name: "points-alias-one-array",
    mistake: "gradientDescent updates one array in place and pushes it every step (all points alias)",
    patch: [
      ["    x = x.map((xi, i) => xi - lr * g[i]);\n", "    for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];\n"],
    ],
  },
  {
    name: "trajectory-without-x0",
    mistake: "gradientDescent leaves x0 out of the trajectory",
    patch: [
      ["  const trajectory = [x];\n", "  const trajectory: number[][] = [];\n"],
    ],
  },
];

export default mutants;
