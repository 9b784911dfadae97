/**
 * The saddle f(x, y) = x² − y² (chapter 06-minima-saddles): ∇f = (2x, −2y) vanishes at the origin,
 * which is a minimum along x and a maximum along y (Hessian diag(2, −2)). Gradient descent started
 * on the x axis walks into the saddle and stops; a tiny y offset grows by (1 + 2η) per step, so it
 * escapes only slowly — momentum escapes faster. f is unbounded below: runs that escape diverge.
 */
import { Tensor } from '../tensor';
import { makeLandscape } from './landscape';
import type { Landscape } from './landscape';

export function saddle(): Landscape {
  return makeLandscape({
    name: 'Saddle',
    tex: 'f(x, y) = x^2 - y^2',
    dim: 2,
    f: ([x, y]) => x * x - y * y,
    grad: ([x, y]) => [2 * x, -2 * y],
    hessian: () => [
      [2, 0],
      [0, -2],
    ],
    tensorF: ([x, y]: readonly Tensor[]) => x.pow(2).sub(y.pow(2)),
    minima: [],
    saddles: [[0, 0]],
    domain: [
      [-2, 2],
      [-2, 2],
    ],
  });
}
