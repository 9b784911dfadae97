/**
 * Exercise — chapter 03-gradient-descent: plain gradient descent and the gradient of linear
 * regression. Replace each `throw new Error('TODO: …')`, then run `npm run grade`
 * (or `await check('gradient-descent')` in the notebook).
 */

/**
 * Runs `steps` steps of gradient descent from x0:
 *
 *   x_{t+1} = x_t - \eta \nabla f(x_t),  \eta = lr
 *
 * and returns the whole trajectory [x_0, x_1, …, x_steps]: steps + 1 points, x0 first.
 * Every point must be a new array (copy x0 too; do not modify x0), so that changing one point
 * later cannot change another. `grad(x)` returns \nabla f(x).
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
 * The gradient of the mean squared error of a linear model \hat y_i = x_i \cdot w + b, where x_i
 * is row i of X (n rows, d columns):
 *
 *   L(w, b) = \frac{1}{n} \sum_i (\hat y_i - y_i)^2
 *   \frac{\partial L}{\partial w_j} = \frac{2}{n} \sum_i (\hat y_i - y_i) X_{ij}
 *   \frac{\partial L}{\partial b} = \frac{2}{n} \sum_i (\hat y_i - y_i)
 *
 * Hint: compute the residuals \hat y_i - y_i once, then reuse them for dw and db.
 */
export function linearRegressionGradient(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
): { dw: number[]; db: number } {
  throw new Error('TODO: implement linearRegressionGradient (chapter 03-gradient-descent)');
}
