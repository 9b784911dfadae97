/**
 * Exercise — chapter 02-cross-entropy: sigmoid, binary cross-entropy, softmax and
 * cross-entropy, with PyTorch's conventions. Replace each `throw new Error('TODO: …')`, then run
 * `npm run grade` (or `await check('cross-entropy')` in the notebook).
 *
 * Predictions come first, as in the library and PyTorch: binaryCrossEntropy(pHat, y),
 * crossEntropy(logits, labels).
 */

/**
 * The logistic sigmoid  σ(z) = 1 / (1 + e⁻ᶻ).
 *
 * Must return a number in [0, 1] (never NaN) for every finite z, including z = ±1000.
 * Hint: for z < 0 rewrite it as eᶻ / (1 + eᶻ) so that nothing overflows.
 */
export function sigmoid(z: number): number {
  throw new Error('TODO: implement sigmoid (chapter 02-cross-entropy)');
}

/**
 * Binary cross-entropy, averaged over the n examples (as PyTorch's default reduction 'mean'):
 *
 *   BCE(p̂, y) = −(1/n) ∑ᵢ [ yᵢ · max(ln p̂ᵢ, −100) + (1 − yᵢ) · max(ln(1 − p̂ᵢ), −100) ]
 *
 * `pHat` holds the predicted probabilities p̂ in [0, 1]; `y` the labels, which may be soft
 * (any value in [0, 1]).
 * Hint: like PyTorch, clamp each log at −100 (not p̂ itself), so p̂ = 0 or p̂ = 1 gives a finite
 * loss: binaryCrossEntropy([0], [1]) is exactly 100.
 */
export function binaryCrossEntropy(pHat: number[], y: number[]): number {
  throw new Error('TODO: implement binaryCrossEntropy (chapter 02-cross-entropy)');
}

/**
 * The softmax of one row of logits z:
 *
 *   softmax(z)ₖ = e^(zₖ − m) / ∑ⱼ e^(zⱼ − m),   m = maxⱼ zⱼ
 *
 * Returns a new array that sums to 1. Hint: subtracting the maximum m does not change the result
 * but keeps eᶻ from overflowing — softmax([1000, 999]) must not be NaN.
 */
export function softmax(logits: number[]): number[] {
  throw new Error('TODO: implement softmax (chapter 02-cross-entropy)');
}

/**
 * Cross-entropy of N rows of logits against integer class labels (0 … C − 1), averaged over the
 * rows:
 *
 *   CE = (1/N) ∑ₙ −log softmax(zₙ)[yₙ] = (1/N) ∑ₙ ( logsumexp(zₙ) − zₙ[yₙ] )
 *
 * with logsumexp(z) = m + log ∑ⱼ e^(zⱼ − m). Hint: work with log-probabilities (log-sum-exp)
 * rather than taking the log of a softmax that may underflow to 0: the loss of logits
 * [[1000, 0]] with label 1 is exactly 1000, not Infinity.
 */
export function crossEntropy(logits: number[][], labels: number[]): number {
  throw new Error('TODO: implement crossEntropy (chapter 02-cross-entropy)');
}

/**
 * The gradient of crossEntropy with respect to every logit:
 *
 *   ∂CE/∂zₙₖ = ( softmax(zₙ)ₖ − [k = yₙ] ) / N
 *
 * Returns a new N × C array. Hint: the 1/N comes from the mean over the rows.
 */
export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  throw new Error('TODO: implement crossEntropyGradient (chapter 02-cross-entropy)');
}
