/**
 * Exercise — chapter 04-minibatch: shuffled mini-batches and mini-batch gradient descent.
 * You may import your own code from the other exercise files, e.g.
 *   import { linearRegressionGradient } from './gradient-descent';
 * Replace each `throw new Error('TODO: …')`, then run `npm run grade`
 * (or `await check('minibatch')` in the notebook).
 */

/**
 * Shuffles the indices 0…n−1 into a uniformly random order and cuts that order into batches of
 * `batchSize`, in order; the last batch holds what is left and may be smaller (never drop it).
 * Example: n = 10, batchSize = 3 gives batches of sizes 3, 3, 3, 1.
 *
 * Draw every random number from `rng()` (uniform in [0, 1)), never from Math.random, so a seeded
 * rng gives reproducible batches. Hint: the Fisher–Yates shuffle — for i from n − 1 down to 1,
 * swap entry i with entry j = ⌊rng() · (i + 1)⌋. Picking j from the whole range 0…n−1 at every
 * step looks random but is not uniform.
 */
export function miniBatches(n: number, batchSize: number, rng: () => number): number[][] {
  throw new Error('TODO: implement miniBatches (chapter 04-minibatch)');
}

/**
 * Mini-batch gradient descent for linear regression ŷ = Xw + b, starting from w = 0 (a vector of
 * length d) and b = 0, with learning rate η = lr. Every epoch: draw new batches with
 * miniBatches(n, batchSize, rng); for each batch B take one step on the MSE of that batch,
 *
 *   w ← w − η · ∇_w L_B,   b ← b − η · ∂L_B/∂b,   L_B = (1/|B|) ∑_{i∈B} (ŷᵢ − yᵢ)²
 *
 * and after the epoch record losses[e] = the MSE over the whole data set. Returns the final w, b
 * and one loss per epoch. Hint: the gradient of a batch is averaged over that batch's own size.
 */
export function trainLinearRegression(
  X: number[][],
  y: number[],
  options: { lr: number; epochs: number; batchSize: number; rng: () => number },
): { w: number[]; b: number; losses: number[] } {
  throw new Error('TODO: implement trainLinearRegression (chapter 04-minibatch)');
}
