/**
 * Himmelblau's function (Himmelblau, 1972): four minima of equal height 0, one maximum and four
 * saddles — which minimum an optimizer reaches depends on where it starts (chapters
 * 06-minima-saddles, 07-optimizers).
 *
 * f(x, y) = (x² + y − 11)² + (x + y² − 7)²,
 * ∇f = (4x(x² + y − 11) + 2(x + y² − 7),  2(x² + y − 11) + 4y(x + y² − 7)),
 * ∇²f = [[12x² + 4y − 42, 4x + 4y], [4x + 4y, 4x + 12y² − 26]].
 */
import { Tensor } from '../tensor';
import { makeLandscape } from './landscape';
import type { Landscape } from './landscape';

/** The four minima (f = 0); (3, 2) is exact, the others solved by Newton's method to full precision. */
export const HIMMELBLAU_MINIMA: readonly (readonly number[])[] = Object.freeze([
  [3, 2],
  [-2.805118086952745, 3.131312518250573],
  [-3.779310253377747, -3.283185991286169],
  [3.5844283403304917, -1.8481265269644034],
]);

export function himmelblau(): Landscape {
  return makeLandscape({
    name: 'Himmelblau',
    tex: 'f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    dim: 2,
    f: ([x, y]) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    grad: ([x, y]) => {
      const u = x * x + y - 11;
      const v = x + y * y - 7;
      return [4 * x * u + 2 * v, 2 * u + 4 * y * v];
    },
    hessian: ([x, y]) => [
      [12 * x * x + 4 * y - 42, 4 * x + 4 * y],
      [4 * x + 4 * y, 4 * x + 12 * y * y - 26],
    ],
    tensorF: ([x, y]: readonly Tensor[]) =>
      x.pow(2).add(y).sub(11).pow(2).add(x.add(y.pow(2)).sub(7).pow(2)),
    minima: HIMMELBLAU_MINIMA.map((p) => p.slice()),
    maxima: [[-0.2708445906673476, -0.9230385564799816]],
    saddles: [
      [0.08667750455539634, 2.884254701174776],
      [-3.0730257507643897, -0.08135304428796751],
      [3.385154183607021, 0.07385187983774928],
      [-0.12796134673068005, -1.9537149802445766],
    ],
    domain: [
      [-5, 5],
      [-5, 5],
    ],
    logScale: true,
  });
}
