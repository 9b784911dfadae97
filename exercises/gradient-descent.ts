/**
 * Exercise — chapter 03-gradient-descent: plain gradient descent and the gradient of linear
 * regression. Replace each `throw new Error('TODO: …')`, then run `npm run grade`
 * (or `await check('gradient-descent')` in the notebook).
 */

/**
 * Runs `steps` steps of gradient descent from x0 with learning rate η = lr:
 *
 *   xₜ₊₁ = xₜ − η · ∇f(xₜ)
 *
 * and returns the whole trajectory [x₀, x₁, …, x_steps]: steps + 1 points, x0 first.
 * `grad(x)` returns ∇f(x); call it at every point xₜ you step from.
 * Every point must be a new array (copy x0 too; do not modify x0), so that changing one point
 * later cannot change another.
 */
export function gradientDescent(
  grad: (x: number[]) => number[],
  x0: number[],
  lr: number,
  steps: number,
): number[][] {
  throw new Error('TODO: implement gradientDescent (chapter 03-gradient-descent)');
}

/**
 * The gradient of the mean squared error of a linear model ŷᵢ = xᵢ · w + b, where xᵢ is row i of
 * X (n rows, d columns):
 *
 *   L(w, b) = (1/n) ∑ᵢ (ŷᵢ − yᵢ)²
 *   ∂L/∂wⱼ = (2/n) ∑ᵢ (ŷᵢ − yᵢ) · Xᵢⱼ
 *   ∂L/∂b  = (2/n) ∑ᵢ (ŷᵢ − yᵢ)
 *
 * Hint: compute the residuals ŷᵢ − yᵢ once, then reuse them for dw and db.
 */
export function linearRegressionGradient(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
): { dw: number[]; db: number } {
  throw new Error('TODO: implement linearRegressionGradient (chapter 03-gradient-descent)');
}
