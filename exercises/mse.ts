/**
 * Exercise — chapter 01-mse: the mean squared error and its gradient.
 * Replace each `throw new Error('TODO: …')` with your implementation, then run
 * `npm run grade` (or `await check('mse')` in the notebook).
 *
 * Predictions come first, as in the library's mse(yHat, y) and PyTorch's F.mse_loss(input, target).
 */

/**
 * The mean of the squared errors:
 *
 *   MSE(ŷ, y) = (1/n) ∑ᵢ (ŷᵢ − yᵢ)²
 *
 * `yHat` holds the predictions ŷ, `y` the targets (same length n).
 * Hint: square each error before averaging, and divide by n (a mean, not a sum).
 */
export function mse(yHat: number[], y: number[]): number {
  throw new Error('TODO: implement mse (chapter 01-mse)');
}

/**
 * The gradient of the MSE with respect to each prediction:
 *
 *   ∂MSE/∂ŷᵢ = (2/n) · (ŷᵢ − yᵢ)
 *
 * Returns a new array of length n. Hint: the 2 comes from the square, the 1/n from the mean,
 * and the sign from differentiating with respect to ŷ (not y).
 */
export function mseGradient(yHat: number[], y: number[]): number[] {
  throw new Error('TODO: implement mseGradient (chapter 01-mse)');
}
