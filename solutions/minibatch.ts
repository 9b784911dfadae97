/**
 * Mini-batches and mini-batch gradient descent for linear regression — chapter 04-minibatch.
 */
import { linearRegressionGradient } from './gradient-descent';
import { mse } from './mse';

/** A uniformly random permutation of 0…n−1 (Fisher–Yates, from the back), every draw taken from rng. */
function permutation(n: number, rng: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}

/** Shuffles 0…n−1 with rng and cuts the order into batches of batchSize (the last may be smaller). */
export function miniBatches(n: number, batchSize: number, rng: () => number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`miniBatches: batchSize must be an integer >= 1, received ${batchSize}`);
  }
  const order = permutation(n, rng);
  const batches: number[][] = [];
  for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

export interface TrainOptions {
  lr: number;
  epochs: number;
  batchSize: number;
  rng: () => number;
}

/**
 * Mini-batch gradient descent on L(w, b) = MSE(Xw + b, y), from w = 0, b = 0:
 * every epoch reshuffles, then steps w ← w − η · ∇_w L_B, b ← b − η · ∂L_B/∂b on every batch B.
 * losses[e] is the full-data MSE after epoch e.
 */
export function trainLinearRegression(
  X: number[][],
  y: number[],
  { lr, epochs, batchSize, rng }: TrainOptions,
): { w: number[]; b: number; losses: number[] } {
  const d = X.length > 0 ? X[0].length : 0;
  let w: number[] = new Array(d).fill(0);
  let b = 0;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of miniBatches(X.length, batchSize, rng)) {
      const { dw, db } = linearRegressionGradient(
        batch.map((i) => X[i]),
        batch.map((i) => y[i]),
        w,
        b,
      );
      w = w.map((wj, j) => wj - lr * dw[j]);
      b -= lr * db;
    }
    const predictions = X.map((row) => row.reduce((s, xj, j) => s + xj * w[j], b));
    losses.push(mse(predictions, y));
  }
  return { w, b, losses };
}
