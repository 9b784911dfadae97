/**
 * Sigmoid, binary cross-entropy, softmax and cross-entropy — chapter 02-cross-entropy.
 * Conventions follow PyTorch: BCE clamps each log at -100, softmax subtracts the row maximum,
 * cross-entropy averages over the rows.
 */

/** PyTorch clamps every log inside binary cross-entropy at this value. */
export const LOG_CLAMP = -100;

/** σ(z) = 1 / (1 + e⁻ᶻ), evaluated without overflow for any finite z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** BCE(p̂, y) = −(1/n) ∑ᵢ [yᵢ · max(ln p̂ᵢ, −100) + (1 − yᵢ) · max(ln(1 − p̂ᵢ), −100)], probabilities first. */
export function binaryCrossEntropy(pHat: number[], y: number[]): number {
  if (pHat.length !== y.length || y.length === 0) {
    throw new RangeError(
      `binaryCrossEntropy: pHat and y must be non-empty and of the same length, received ${pHat.length} and ${y.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const p = pHat[i];
    const logP = Math.max(Math.log(p), LOG_CLAMP);
    const log1mP = Math.max(Math.log(1 - p), LOG_CLAMP);
    total -= y[i] * logP + (1 - y[i]) * log1mP;
  }
  return total / y.length;
}

/** softmax(z)ₖ = e^(zₖ − m) / ∑ⱼ e^(zⱼ − m) with m = maxⱼ zⱼ (stable for any finite z). */
export function softmax(logits: number[]): number[] {
  const m = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - m));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** log ∑ⱼ e^(zⱼ), computed as m + log ∑ⱼ e^(zⱼ − m). */
function logSumExp(row: number[]): number {
  const top = Math.max(...row);
  let total = 0;
  for (const v of row) total += Math.exp(v - top);
  return top + Math.log(total);
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

/** CE = (1/N) ∑ₙ (logsumexp(zₙ) − zₙ[yₙ]) (mean over the rows). */
export function crossEntropy(logits: number[][], labels: number[]): number {
  checkLabels('crossEntropy', logits, labels);
  let total = 0;
  logits.forEach((row, n) => {
    total += logSumExp(row) - row[labels[n]];
  });
  return total / logits.length;
}

/** ∂CE/∂zₙₖ = (softmax(zₙ)ₖ − [k = yₙ]) / N. */
export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  checkLabels('crossEntropyGradient', logits, labels);
  const N = logits.length;
  return logits.map((row, n) => softmax(row).map((p, k) => (p - (k === labels[n] ? 1 : 0)) / N));
}
