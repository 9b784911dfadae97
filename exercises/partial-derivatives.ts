/**
 * Exercise — chapter 06-minima-saddles: partial derivatives by hand, checked symbolically.
 * Replace each `throw new Error('TODO: …')` with your answer, then run `npm run grade`
 * (or `await check('partial-derivatives')` in the notebook).
 *
 * Each function returns the two partial derivatives of a loss as text in mathjs syntax, in the
 * variables x and y: `{ x: '∂f/∂x', y: '∂f/∂y' }`. For f(x, y) = x²·y that would be
 *
 *   return { x: '2*x*y', y: 'x^2' };
 *
 * Write numbers, x and y, + − * / ^, parentheses and, if you need them, exp, log, sqrt, sin,
 * cos, tanh (at most 400 characters each). Derive them on paper: the grader differentiates the
 * loss itself with mathjs and compares, so the answer must be your own expression, not a call
 * to a derivative function (which grading does not allow).
 */

/**
 * Himmelblau's function, four minima of equal height (chapter 06-minima-saddles):
 *
 *   f(x, y) = (x² + y − 11)² + (x + y² − 7)²
 *
 * Returns { x: ∂f/∂x, y: ∂f/∂y }. Hint: the chain rule on each square,
 * ∂/∂x u² = 2u · ∂u/∂x; both squares depend on x and on y.
 */
export function himmelblauGradient(): { x: string; y: string } {
  throw new Error('TODO: implement himmelblauGradient (chapter 06-minima-saddles)');
}

/**
 * The loss of the smallest two-layer network: one input 1, one hidden unit with weight x, no
 * activation, an output weight y, and the target 1, so ŷ = y·x and
 *
 *   L(x, y) = (x·y − 1)²
 *
 * Its origin is a saddle; every point of the hyperbola x·y = 1 is a minimum.
 * Returns { x: ∂L/∂x, y: ∂L/∂y }. Hint: the chain rule again, with the inner function x·y.
 */
export function networkGradient(): { x: string; y: string } {
  throw new Error('TODO: implement networkGradient (chapter 06-minima-saddles)');
}
