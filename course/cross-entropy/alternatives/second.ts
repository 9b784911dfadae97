/** Second correct cross-entropy.ts: log-sigmoid, a clamped-log helper, an explicit one-hot. */
const clampedLog = (x: number): number => Math.max(Math.log(x), -100);

export function sigmoid(z: number): number {
  return z >= 0 ? Math.exp(-Math.log1p(Math.exp(-z))) : Math.exp(z - Math.log1p(Math.exp(z)));
}

export function binaryCrossEntropy(pHat: number[], y: number[]): number {
  let loss = 0;
  pHat.forEach((p, i) => {
    loss += -y[i] * clampedLog(p) - (1 - y[i]) * clampedLog(1 - p);
  });
  return loss / pHat.length;
}

export function softmax(logits: number[]): number[] {
  const top = logits.reduce((a, b) => (b > a ? b : a), -Infinity);
  const e = logits.map((z) => Math.exp(z - top));
  let total = 0;
  for (const v of e) total += v;
  return e.map((v) => v / total);
}

function logSumExp(row: number[]): number {
  const top = row.reduce((a, b) => (b > a ? b : a), -Infinity);
  return top + Math.log(row.reduce((s, z) => s + Math.exp(z - top), 0));
}

export function crossEntropy(logits: number[][], labels: number[]): number {
  const rows = logits.map((row, n) => logSumExp(row) - row[labels[n]]);
  return rows.reduce((a, b) => a + b, 0) / rows.length;
}

export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  const N = logits.length;
  return logits.map((row, n) => {
    const oneHot = row.map((_, k) => (k === labels[n] ? 1 : 0));
    return softmax(row).map((p, k) => (p - oneHot[k]) / N);
  });
}
