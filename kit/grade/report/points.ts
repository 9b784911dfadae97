/** Points in hundredths: shares that add up exactly, and how a person reads them. */

/** Shares of `total` hundredths proportional to `weights`, summing exactly to `total` (largest remainders first). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const floor = exact.map((x) => Math.floor(x + 1e-9));
  let spare = total - floor.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, rest: x - floor[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (spare <= 0) break;
    floor[i] += 1;
    spare -= 1;
  }
  return floor;
}

/** 9, 1.5, 1.25 — at most two decimals, no floating-point noise. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100);
}
