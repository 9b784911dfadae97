/**
 * Exercise — chapter 02-cross-entropy: sigmoid, binary cross-entropy, softmax and
 * cross-entropy, with PyTorch's conventions. Replace each `throw new Error('TODO: …')`, then run
 * `npm run grade` (or `await check('cross-entropy')` in the notebook).
 */

/**
 * The logistic sigmoid  \sigma(z) = \frac{1}{1 + e^{-z}}.
 *
 * Must return a number in [0, 1] (never NaN) for every finite z, including z = ±1000.
 * Hint: for z < 0 rewrite it as e^{z} / (1 + e^{z}) so that nothing overflows.
 */
export function sigmoid(z: number): number {
  throw new Error('TODO: implement sigmoid (chapter 02-cross-entropy)');
}

/**
 * Binary cross-entropy, averaged over the n examples (as PyTorch's default reduction 'mean'):
 *
 *   BCE(y, p) = -\frac{1}{n} \sum_i [ y_i \max(\ln p_i, -100) + (1 - y_i) \max(\ln(1 - p_i), -100) ]
 *
 * `yTrue` may hold soft labels in [0, 1]; `pHat` holds probabilities in [0, 1].
 * Hint: like PyTorch, clamp each log at -100 (not p itself), so p = 0 or p = 1 gives a finite
 * loss: BCE([1], [0]) is exactly 100.
 */
export function binaryCrossEntropy(yTrue: number[], pHat: number[]): number {
  throw new Error('TODO: implement binaryCrossEntropy (chapter 02-cross-entropy)');
}

/**
 * The softmax of one row of logits:
 *
 *   softmax(z)_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}},  m = \max_j z_j
 *
 * Returns a new array that sums to 1. Hint: subtracting the maximum m does not change the result
 * but keeps e^{z} from overflowing — softmax([1000, 999]) must not be NaN.
 */
export function softmax(logits: number[]): number[] {
  throw new Error('TODO: implement softmax (chapter 02-cross-entropy)');
}

/**
 * Cross-entropy of N rows of logits against integer class labels, averaged over the rows:
 *
 *   CE = \frac{1}{N} \sum_n -\log softmax(z_n)_{y_n} = \frac{1}{N} \sum_n ( \mathrm{logsumexp}(z_n) - z_{n, y_n} )
 *
 * with \mathrm{logsumexp}(z) = m + \log \sum_j e^{z_j - m}. Hint: work with log-probabilities
 * (log-sum-exp) rather than taking the log of a softmax that may underflow to 0: the loss of
 * logits [[1000, 0]] with label 1 is exactly 1000, not Infinity.
 */
export function crossEntropy(logits: number[][], labels: number[]): number {
  throw new Error('TODO: implement crossEntropy (chapter 02-cross-entropy)');
}

/**
 * The gradient of crossEntropy with respect to every logit:
 *
 *   \frac{\partial CE}{\partial z_{n,k}} = \frac{softmax(z_n)_k - [k = y_n]}{N}
 *
 * Returns a new N × C array. Hint: the 1/N comes from the mean over the rows.
 */
export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  throw new Error('TODO: implement crossEntropyGradient (chapter 02-cross-entropy)');
}
