/**
 * The mutation suite of partial-derivatives.ts: single deliberate mistakes in
 * solutions/partial-derivatives.ts, each a patch applied to a copy (never to solutions/ itself).
 * Every mutant must lose points, and those listing `mustFail` must fail each of those checks
 * (test/grading/mutants.test.ts). The last three are cheats: an answer computed by the library at
 * load time, a mathjs `derivative(…)` call inside the answer string, and a function definition.
 */
import type { Mutant } from '../../kit/author/mutant';

const HX = "∂f/∂x of Himmelblau's function";
const NX = '∂L/∂x of the network loss (xy − 1)²';
const NY = '∂L/∂y of the network loss (xy − 1)²';
const ALL = [HX, "∂f/∂y of Himmelblau's function", NX, NY];

const mutants: Mutant[] = [
  {
    name: 'missing-inner-derivative',
    mistake: 'the chain rule without its inner factor: ∂/∂x (x² + y − 11)² written 2(x² + y − 11), not 2(x² + y − 11)·2x',
    patch: [["x: '4*x*(x^2 + y - 11) + 2*(x + y^2 - 7)'", "x: '2*(x^2 + y - 11) + 2*(x + y^2 - 7)'"]],
    mustFail: [HX, `randomized: ${HX} at 16 random points`],
  },
  {
    name: 'missing-factor-two',
    mistake: "the square's derivative without its 2: ∂L/∂x = y(xy − 1)",
    patch: [["x: '2*y*(x*y - 1)'", "x: 'y*(x*y - 1)'"]],
    mustFail: [NX, `randomized: ${NX} at 16 random points`],
  },
  {
    name: 'sign-error',
    mistake: 'the residual turned around: ∂L/∂y = 2x(1 − xy)',
    patch: [["y: '2*x*(x*y - 1)'", "y: '2*x*(1 - x*y)'"]],
    mustFail: [NY],
  },
  {
    name: 'swapped-partials',
    mistake: 'the two partial derivatives of the network loss swapped (∂L/∂y given as ∂L/∂x)',
    patch: [["x: '2*y*(x*y - 1)',\n    y: '2*x*(x*y - 1)'", "x: '2*x*(x*y - 1)',\n    y: '2*y*(x*y - 1)'"]],
    mustFail: [NX, NY],
  },
  {
    name: 'derives-with-the-library',
    mistake: "a cheat: the answer computed at load time by the library's symbolicDerivative instead of derived by hand",
    patch: [
      ['export function himmelblauGradient', "import { symbolicDerivative } from '../src/symbolic';\n\nexport function himmelblauGradient"],
      ["x: '2*y*(x*y - 1)',\n    y: '2*x*(x*y - 1)'", "x: symbolicDerivative('(x*y - 1)^2', 'x').text,\n    y: symbolicDerivative('(x*y - 1)^2', 'y').text"],
    ],
    mustFail: ALL,
  },
  {
    name: 'derivative-in-the-string',
    mistake: "a cheat: the answer is mathjs's derivative(…) of the loss, for the grader to evaluate",
    patch: [["x: '2*y*(x*y - 1)'", `x: 'derivative("(x*y - 1)^2", "x")'`]],
    mustFail: [NX],
  },
  {
    name: 'defines-a-function',
    mistake: 'a cheat: the answer defines a function and calls it (statements, not an expression)',
    patch: [["y: '2*x*(x*y - 1)'", "y: 'g(x, y) = 2*x*(x*y - 1); g(x, y)'"]],
    mustFail: [NY],
  },
];

export default mutants;
