/**
 * Plain gradient descent and the gradient of linear regression — chapter 03-gradient-descent.
 *
 *   xₜ₊₁ = xₜ − η · ∇f(xₜ)
 */

/** Runs `steps` steps of gradient descent from x0 and returns all steps + 1 points, x0 first. */
export function gradientDescent(
  grad: (x: number[]) => number[],
  x0: number[],
  lr: number,
  steps: number,
): number[][] {
  let x = x0.slice();
  const trajectory = [x];
  for (let t = 0; t < steps; t++) {
    const g = grad(x.slice());
    x = x.map((xi, i) => xi - lr * g[i]);
    trajectory.push(x);
  }
  return trajectory;
}

/**
 * Gradient of L(w, b) = (1/n) ∑ᵢ (xᵢ · w + b − yᵢ)²:
 *   ∂L/∂wⱼ = (2/n) ∑ᵢ rᵢ · Xᵢⱼ,   ∂L/∂b = (2/n) ∑ᵢ rᵢ,
 * with residuals rᵢ = xᵢ · w + b − yᵢ = ŷᵢ − yᵢ.
 */
export function linearRegressionGradient(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
): { dw: number[]; db: number } {
  const n = X.length;
  if (n === 0 || y.length !== n) {
    throw new RangeError(`linearRegressionGradient: X and y must have the same non-zero length, received ${n} and ${y.length}`);
  }
  const dw = w.map(() => 0);
  let db = 0;
  for (let i = 0; i < n; i++) {
    let prediction = b;
    for (let j = 0; j < w.length; j++) prediction += X[i][j] * w[j];
    const r = prediction - y[i];
    for (let j = 0; j < w.length; j++) dw[j] += (2 / n) * r * X[i][j];
    db += (2 / n) * r;
  }
  return { dw, db };
}
