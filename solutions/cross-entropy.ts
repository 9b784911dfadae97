/**
 * Sigmoid, binary cross-entropy, softmax and cross-entropy — chapter 02-cross-entropy.
 * Conventions follow PyTorch: BCE clamps each log at -100, softmax subtracts the row maximum,
 * cross-entropy averages over the rows.
 */

/** PyTorch clamps every log inside binary cross-entropy at this value. */
export const LOG_CLAMP = -100;

/** \sigma(z) = \frac{1}{1 + e^{-z}}, evaluated without overflow for any finite z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * BCE(y, p) = -\frac{1}{n} \sum_i [y_i \max(\ln p_i, -100) + (1 - y_i) \max(\ln(1 - p_i), -100)].
 */
export function binaryCrossEntropy(yTrue: number[], pHat: number[]): number {
  if (yTrue.length !== pHat.length || yTrue.length === 0) {
    throw new RangeError(
      `binaryCrossEntropy: yTrue and pHat must be non-empty and of the same length, received ${yTrue.length} and ${pHat.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i];
    const p = pHat[i];
    const logP = Math.max(Math.log(p), LOG_CLAMP);
    const log1mP = Math.max(Math.log(1 - p), LOG_CLAMP);
    total -= y * logP + (1 - y) * log1mP;
  }
  return total / yTrue.length;
}

/** softmax(z)_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} with m = \max_j z_j (stable for any finite z). */
export function softmax(logits: number[]): number[] {
  const m = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - m));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** \log \sum_j e^{z_j}, computed as m + \log \sum_j e^{z_j - m}. */
function logSumExp(z: number[]): number {
  const m = Math.max(...z);
  let total = 0;
  for (const v of z) total += Math.exp(v - m);
  return m + Math.log(total);
}

function checkLabels(where: string, logits: number[][], labels: number[]): void {
  if (logits.length !== labels.length || logits.length === 0) {
    throw new RangeError(
      `${where}: logits and labels must have the same non-zero number of rows, received ${logits.length} and ${labels.length}`,
    );
  }
  labels.forEach((label, n) => {
    if (!Number.isInteger(label) || label < 0 || label >= logits[n].length) {
      throw new RangeError(`${where}: labels[${n}] must be a class index in [0, ${logits[n].length}), received ${label}`);
    }
  });
}

/** CE = \frac{1}{N} \sum_n \left(\log \sum_j e^{z_{n,j}} - z_{n,y_n}\right) (mean over the rows). */
export function crossEntropy(logits: number[][], labels: number[]): number {
  checkLabels('crossEntropy', logits, labels);
  let total = 0;
  logits.forEach((row, n) => {
    total += logSumExp(row) - row[labels[n]];
  });
  return total / logits.length;
}

/** \frac{\partial CE}{\partial z_{n,k}} = \frac{softmax(z_n)_k - [k = y_n]}{N}. */
export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  checkLabels('crossEntropyGradient', logits, labels);
  const N = logits.length;
  return logits.map((row, n) => softmax(row).map((p, k) => (p - (k === labels[n] ? 1 : 0)) / N));
}
