/**
 * A 1-D loss with two minima (chapter 06-minima-saddles): the start point decides which one
 * gradient descent finds.
 *
 * f(x) = x⁴/4 − x³/3 − x² + 2,  f'(x) = x³ − x² − 2x = x (x + 1)(x − 2),  f''(x) = 3x² − 2x − 2.
 *
 * Critical points: x = −1 (local minimum, f = 19/12, f'' = 3), x = 0 (local maximum, f = 2,
 * f'' = −2), x = 2 (global minimum, f = −2/3, f'' = 6). GD from x₀ < 0 ends at −1, from x₀ > 0 at 2.
 */
import { Tensor } from '../tensor';
import { makeLandscape } from './landscape';
import type { Landscape } from './landscape';

export function nonConvex1D(): Landscape {
  return makeLandscape({
    name: 'Non-convex 1-D',
    tex: 'f(x) = \\tfrac14 x^4 - \\tfrac13 x^3 - x^2 + 2',
    dim: 1,
    f: ([x]) => x ** 4 / 4 - x ** 3 / 3 - x * x + 2,
    grad: ([x]) => [x ** 3 - x * x - 2 * x],
    hessian: ([x]) => [[3 * x * x - 2 * x - 2]],
    tensorF: ([x]: readonly Tensor[]) => x.pow(4).mul(0.25).sub(x.pow(3).div(3)).sub(x.pow(2)).add(2),
    minima: [[2], [-1]],
    maxima: [[0]],
    domain: [[-2, 3]],
  });
}
