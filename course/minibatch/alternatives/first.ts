/** Alternative correct minibatch.ts: forward Fisher–Yates, splice, training written inline. */
export function miniBatches(n: number, batchSize: number, rng: () => number): number[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n - 1; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out: number[][] = [];
  while (order.length > 0) out.push(order.splice(0, batchSize));
  return out;
}

export function trainLinearRegression(
  X: number[][],
  y: number[],
  options: { lr: number; epochs: number; batchSize: number; rng: () => number },
): { w: number[]; b: number; losses: number[] } {
  const d = X[0].length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const losses: number[] = [];
  const predict = (row: number[]): number => row.reduce((s, v, j) => s + v * w[j], b);
  for (let e = 0; e < options.epochs; e++) {
    for (const batch of miniBatches(X.length, options.batchSize, options.rng)) {
      const gw = new Array<number>(d).fill(0);
      let gb = 0;
      for (const i of batch) {
        const r = predict(X[i]) - y[i];
        for (let j = 0; j < d; j++) gw[j] += r * X[i][j];
        gb += r;
      }
      for (let j = 0; j < d; j++) w[j] -= (options.lr * 2 * gw[j]) / batch.length;
      b -= (options.lr * 2 * gb) / batch.length;
    }
    losses.push(X.reduce((s, row, i) => s + (predict(row) - y[i]) ** 2, 0) / X.length);
  }
  return { w: w.slice(), b, losses };
}
