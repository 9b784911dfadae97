/** Second correct minibatch.ts: a shuffle that sorts by random keys; batches gathered with a loop. */
export function miniBatches(n: number, batchSize: number, rng: () => number): number[][] {
  const keys = Array.from({ length: n }, () => rng());
  const order = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
  const batches: number[][] = [];
  for (let k = 0; k * batchSize < n; k++) batches.push(order.slice(k * batchSize, (k + 1) * batchSize));
  return batches;
}

function meanSquaredError(X: number[][], y: number[], w: number[], b: number): number {
  let s = 0;
  X.forEach((row, i) => {
    const r = row.reduce((a, v, j) => a + v * w[j], b) - y[i];
    s += r * r;
  });
  return s / X.length;
}

export function trainLinearRegression(
  X: number[][],
  y: number[],
  { lr, epochs, batchSize, rng }: { lr: number; epochs: number; batchSize: number; rng: () => number },
): { w: number[]; b: number; losses: number[] } {
  let w = X[0].map(() => 0);
  let b = 0;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    for (const batch of miniBatches(X.length, batchSize, rng)) {
      const residuals = batch.map((i) => X[i].reduce((a, v, j) => a + v * w[j], b) - y[i]);
      const dw = w.map((_, j) => (2 / batch.length) * batch.reduce((s, i, k) => s + residuals[k] * X[i][j], 0));
      const db = (2 / batch.length) * residuals.reduce((s, r) => s + r, 0);
      w = w.map((wj, j) => wj - lr * dw[j]);
      b = b - lr * db;
    }
    losses.push(meanSquaredError(X, y, w, b));
  }
  return { w, b, losses };
}
