/** Alternative correct cross-entropy.ts: sigmoid via tanh, log1p, log-softmax everywhere. */
export function sigmoid(z: number): number {
  return 0.5 * (1 + Math.tanh(z / 2));
}

export function binaryCrossEntropy(pHat: number[], labels: number[]): number {
  const terms = labels.map((y, i) => {
    const p = pHat[i];
    const a = y === 0 ? 0 : y * Math.max(Math.log(p), -100);
    const b = y === 1 ? 0 : (1 - y) * Math.max(Math.log1p(-p), -100);
    return -(a + b);
  });
  let total = 0;
  for (let i = terms.length - 1; i >= 0; i--) total += terms[i];
  return total / terms.length;
}

function logSoftmax(z: number[]): number[] {
  let m = -Infinity;
  for (const v of z) if (v > m) m = v;
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => v - lse);
}

export function softmax(logits: number[]): number[] {
  return logSoftmax(logits).map(Math.exp);
}

export function crossEntropy(logits: number[][], labels: number[]): number {
  return logits.map((row, n) => -logSoftmax(row)[labels[n]]).reduce((a, b) => a + b) / logits.length;
}

export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  return logits.map((row, n) => {
    const g = softmax(row);
    g[labels[n]] -= 1;
    return g.map((v) => v / logits.length);
  });
}
