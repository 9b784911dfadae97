/**
 * Exercise — chapter 01-mse: the mean squared error and its gradient.
 * Replace each `throw new Error('TODO: …')` with your implementation, then run
 * `npm run grade` (or `await check('mse')` in the notebook).
 */

/**
 * The mean of the squared errors:
 *
 *   MSE(y, \hat y) = \frac{1}{n} \sum_{i=1}^{n} (\hat y_i - y_i)^2
 *
 * `yTrue` holds the targets y, `yPred` the predictions \hat y (same length n).
 * Hint: square each error before averaging, and divide by n (a mean, not a sum).
 */
export function mse(yTrue: number[], yPred: number[]): number {
  throw new Error('TODO: implement mse (chapter 01-mse)');
}

/**
 * The gradient of the MSE with respect to each prediction:
 *
 *   \frac{\partial MSE}{\partial \hat y_i} = \frac{2}{n} (\hat y_i - y_i)
 *
 * Returns a new array of length n. Hint: the 2 comes from the square, the 1/n from the mean,
 * and the sign from differentiating with respect to \hat y (not y).
 */
export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  throw new Error('TODO: implement mseGradient (chapter 01-mse)');
}
