/** Second correct gradient-descent.ts: the trajectory built recursively; the gradient as Xᵀr. */
export function gradientDescent(grad: (x: number[]) => number[], x0: number[], lr: number, steps: number): number[][] {
  if (steps === 0) return [x0.slice()];
  const path = gradientDescent(grad, x0, lr, steps - 1);
  const last = path[path.length - 1];
  const g = grad(last.slice());
  path.push(last.map((v, i) => v - lr * g[i]));
  return path;
}

export function linearRegressionGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const n = y.length;
  const r: number[] = [];
  for (let i = 0; i < n; i++) {
    let yHat = b;
    X[i].forEach((v, j) => (yHat += v * w[j]));
    r.push(yHat - y[i]);
  }
  const dw = w.map((_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[i][j] * r[i];
    return (2 * s) / n;
  });
  return { dw, db: (2 * r.reduce((a, v) => a + v, 0)) / n };
}
