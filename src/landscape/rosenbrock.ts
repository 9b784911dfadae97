/**
 * Rosenbrock's banana valley (Rosenbrock, 1960), the classic hard case for first-order methods
 * (chapter 07-optimizers): f(x, y) = (a − x)² + b (y − x²)², minimum 0 at (a, a²).
 *
 * ∇f = (2(x − a) − 4b x (y − x²),  2b (y − x²)),
 * ∇²f = [[2 − 4b(y − x²) + 8b x², −4b x], [−4b x, 2b]].
 */
import { Tensor } from '../tensor';
import { checkParameter, makeLandscape } from './landscape';
import type { Landscape } from './landscape';

export const ROSENBROCK_DEFAULTS = Object.freeze({ a: 1, b: 100 });

export function rosenbrock(a: number = ROSENBROCK_DEFAULTS.a, b: number = ROSENBROCK_DEFAULTS.b): Landscape {
  checkParameter('rosenbrock', 'a', a);
  checkParameter('rosenbrock', 'b', b, true);
  return makeLandscape({
    name: 'Rosenbrock',
    tex: `f(x, y) = (${a} - x)^2 + ${b}\\,(y - x^2)^2`,
    dim: 2,
    f: ([x, y]) => (a - x) ** 2 + b * (y - x * x) ** 2,
    grad: ([x, y]) => [2 * (x - a) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)],
    hessian: ([x, y]) => [
      [2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x],
      [-4 * b * x, 2 * b],
    ],
    tensorF: ([x, y]: readonly Tensor[]) => x.neg().add(a).pow(2).add(y.sub(x.pow(2)).pow(2).mul(b)),
    minima: [[a, a * a]],
    domain: [
      [a - 3, a + 1.5],
      [a * a - 2, a * a + 2.5],
    ],
    logScale: true,
  });
}
