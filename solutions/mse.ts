/**
 * Mean squared error and its gradient — chapter 01-mse.
 *
 *   MSE(y, \hat y) = \frac{1}{n} \sum_{i=1}^{n} (\hat y_i - y_i)^2
 *   \frac{\partial MSE}{\partial \hat y_i} = \frac{2}{n} (\hat y_i - y_i)
 */

function checkPair(where: string, yTrue: number[], yPred: number[]): void {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(
      `${where}: yTrue and yPred must have the same length, received ${yTrue.length} and ${yPred.length}`,
    );
  }
  if (yTrue.length === 0) throw new RangeError(`${where}: yTrue must not be empty, received an empty array`);
}

/** Mean of the squared errors: \frac{1}{n} \sum_i (\hat y_i - y_i)^2 (chapter 01-mse). */
export function mse(yTrue: number[], yPred: number[]): number {
  checkPair('mse', yTrue, yPred);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const error = yPred[i] - yTrue[i];
    total += error * error;
  }
  return total / yTrue.length;
}

/** Gradient of the MSE with respect to the predictions: 2(\hat y_i - y_i)/n (chapter 01-mse). */
export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  checkPair('mseGradient', yTrue, yPred);
  const n = yTrue.length;
  return yPred.map((p, i) => (2 * (p - yTrue[i])) / n);
}
