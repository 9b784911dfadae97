/**
 * Binary cross-entropy (chapter 02-cross-entropy), the negative log-likelihood of a Bernoulli:
 * $$\ell(p, y) = -\left[y \max(\ln p, -100) + (1-y)\max(\ln(1-p), -100)\right]$$
 * The logs are clamped at −100 as in PyTorch, so p = 0 or 1 gives a finite loss (BCE(0, 1) = 100).
 * Its gradient is PyTorch's: ∂ℓ/∂p = (p − y) / max(p(1 − p), 10⁻¹²).
 *
 * From logits x (p = σ(x)) the stable form is
 * $$\ell(x, y) = (1-y)\,x - \log\sigma(x), \qquad \log\sigma(x) = \min(x, 0) - \log(1 + e^{-|x|}),$$
 * finite for any |x|, with ∂ℓ/∂x = σ(x) − y.
 */
import { Tensor } from '../tensor';
import { view } from '../tensor/storage';
import { sigmoidScalar } from '../tensor/elementwise';
import { LossOptions, checkReduction, checkTensor, targetLike } from './reduction';
import { reduceElementwise } from './reduce-loss';

export const BCE_LOG_CLAMP = -100;
const BCE_GRAD_EPS = 1e-12;

function checkProbabilities(where: string, name: string, t: Tensor): void {
  const d = view(t.storage);
  for (let i = 0; i < d.length; i++) {
    if (d[i] < 0 || d[i] > 1) {
      throw new RangeError(
        `${where}: ${name} must hold probabilities in [0, 1], received ${d[i]} at flat index ${i}` +
          (name === 'input' ? ' (pass logits to binaryCrossEntropyWithLogits instead)' : ''),
      );
    }
  }
}

export function binaryCrossEntropy(input: Tensor, target: unknown, options?: LossOptions): Tensor {
  const where = 'binaryCrossEntropy';
  const reduction = checkReduction(where, options);
  const p = checkTensor(where, 'input', input);
  const y = targetLike(where, p, target);
  checkProbabilities(where, 'input', p);
  checkProbabilities(where, 'target', y);
  const n = p.size;
  const P = view(p.storage);
  const Y = view(y.storage);
  const losses = new Float64Array(n);
  const dP = new Float64Array(n);
  const dY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const logP = Math.max(Math.log(P[i]), BCE_LOG_CLAMP);
    const log1mP = Math.max(Math.log(1 - P[i]), BCE_LOG_CLAMP);
    losses[i] = -(Y[i] * logP + (1 - Y[i]) * log1mP);
    dP[i] = (P[i] - Y[i]) / Math.max((1 - P[i]) * P[i], BCE_GRAD_EPS);
    dY[i] = log1mP - logP;
  }
  return reduceElementwise(where, reduction, p, y, losses, dP, dY);
}

/** log σ(x) = min(x, 0) − log1p(e^{−|x|}), finite for every x. */
export function logSigmoid(x: number): number {
  return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
}

export function binaryCrossEntropyWithLogits(input: Tensor, target: unknown, options?: LossOptions): Tensor {
  const where = 'binaryCrossEntropyWithLogits';
  const reduction = checkReduction(where, options);
  const x = checkTensor(where, 'input', input);
  const y = targetLike(where, x, target);
  checkProbabilities(where, 'target', y);
  const n = x.size;
  const X = view(x.storage);
  const Y = view(y.storage);
  const losses = new Float64Array(n);
  const dX = new Float64Array(n);
  const dY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    losses[i] = (1 - Y[i]) * X[i] - logSigmoid(X[i]);
    dX[i] = sigmoidScalar(X[i]) - Y[i];
    dY[i] = -X[i];
  }
  return reduceElementwise(where, reduction, x, y, losses, dX, dY);
}
