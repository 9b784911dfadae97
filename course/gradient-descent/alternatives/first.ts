/** Alternative correct gradient-descent.ts: a while loop that updates a working array and pushes copies. */
export function gradientDescent(grad: (x: number[]) => number[], x0: number[], lr: number, steps: number): number[][] {
  const x = [...x0];
  const out: number[][] = [[...x]];
  let t = steps;
  while (t-- > 0) {
    const g = grad([...x]);
    for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];
    out.push([...x]);
  }
  return out;
}

export function linearRegressionGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const n = X.length;
  const residuals = X.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) + b - y[i]);
  const dw = w.map((_, j) => residuals.reduce((s, r, i) => s + r * X[i][j], 0) * (2 / n));
  const db = (residuals.reduce((s, r) => s + r, 0) * 2) / n;
  return { dw, db };
}
