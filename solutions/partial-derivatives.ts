/**
 * Partial derivatives by hand — chapter 06-minima-saddles. Each answer is an expression in x and
 * y (mathjs syntax) that the grader checks against mathjs's own derivative of the loss.
 */

/**
 * Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)², by the chain rule on each square:
 *
 *   ∂f/∂x = 2(x² + y − 11)·2x + 2(x + y² − 7)·1
 *   ∂f/∂y = 2(x² + y − 11)·1 + 2(x + y² − 7)·2y
 */
export function himmelblauGradient(): { x: string; y: string } {
  return {
    x: '4*x*(x^2 + y - 11) + 2*(x + y^2 - 7)',
    y: '2*(x^2 + y - 11) + 4*y*(x + y^2 - 7)',
  };
}

/**
 * The two-weight network's loss L(x, y) = (x·y − 1)²: ∂L/∂x = 2(xy − 1)·y, ∂L/∂y = 2(xy − 1)·x.
 */
export function networkGradient(): { x: string; y: string } {
  return {
    x: '2*y*(x*y - 1)',
    y: '2*x*(x*y - 1)',
  };
}
