/**
 * Mean squared error and its gradient — chapter 01-mse. Predictions first, as the library's
 * mse(yHat, y) and PyTorch's F.mse_loss(input, target):
 *
 *   MSE(ŷ, y) = (1/n) ∑ᵢ (ŷᵢ − yᵢ)²,   ∂MSE/∂ŷᵢ = (2/n) · (ŷᵢ − yᵢ)
 */

function checkPair(where: string, yHat: number[], y: number[]): void {
  if (yHat.length !== y.length) {
    throw new RangeError(`${where}: yHat and y must have the same length, received ${yHat.length} and ${y.length}`);
  }
  if (y.length === 0) throw new RangeError(`${where}: y must not be empty, received an empty array`);
}

/** Mean of the squared errors: (1/n) ∑ᵢ (ŷᵢ − yᵢ)² (chapter 01-mse). */
export function mse(yHat: number[], y: number[]): number {
  checkPair('mse', yHat, y);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const error = yHat[i] - y[i];
    total += error * error;
  }
  return total / y.length;
}

/** Gradient of the MSE with respect to the predictions: (2/n) · (ŷᵢ − yᵢ) (chapter 01-mse). */
export function mseGradient(yHat: number[], y: number[]): number[] {
  checkPair('mseGradient', yHat, y);
  const n = y.length;
  return yHat.map((p, i) => (2 * (p - y[i])) / n);
}
