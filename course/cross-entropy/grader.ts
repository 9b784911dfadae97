/**
 * Grader for exercises/cross-entropy.ts (chapter 02-cross-entropy): sigmoid, binaryCrossEntropy(pHat, y),
 * softmax, crossEntropy(logits, labels) and its gradient, with PyTorch's conventions. Expected
 * values come from PyTorch (torch.sigmoid, F.binary_cross_entropy, torch.softmax, F.cross_entropy
 * and autograd) in cases.json.
 */
import { defineGrader, exactly, expectClose, formatCall } from '../../kit/grade/api';
import fixture from './cases.json';

const call = (fn: string, ...args: unknown[]): string => formatCall(fn, args);
const sum = (v: number[]): number => v.reduce((a, b) => a + b, 0);

const NAN_CLAMP = '0 · log(0) = 0 · (−Infinity) = NaN: clamp each log at −100 (as PyTorch does) before multiplying';
const INF_CLAMP = 'log(0) = −Infinity: clamp each log at −100, as PyTorch does';
const SHIFT = 'e^1000 overflows to Infinity: subtract the largest logit from every logit first';
const BCE_ORDER = 'the probabilities come first: binaryCrossEntropy(pHat, y), as PyTorch’s F.binary_cross_entropy(input, target)';

export default defineGrader(({ graded }) => {
  graded('sigmoid is 1/(1 + e⁻ᶻ)', 1, async (t) => {
    for (const c of exactly(fixture.sigmoid, 6, 'sigmoid cases')) {
      expectClose(await t.call('sigmoid', [c.z]), c.sigmoid, {
        input: call('sigmoid', c.z),
        hints: [[1 - c.sigmoid, 'that is σ(−z) = 1 − σ(z): check the sign of the exponent']],
      });
    }
  });

  graded('sigmoid is right and finite from z = ±5 to ±1e308', 2, async (t) => {
    for (const c of exactly(fixture.sigmoidExtreme, 12, 'sigmoid cases')) {
      expectClose(await t.call('sigmoid', [c.z]), c.sigmoid, {
        input: call('sigmoid', c.z),
        hints: [(r) => (Number.isNaN(r) ? 'eᶻ/(1 + eᶻ) is Infinity/Infinity = NaN for large z: use 1/(1 + e⁻ᶻ) when z ≥ 0' : undefined)],
      });
    }
  });

  graded('binaryCrossEntropy is the mean of −[y ln p̂ + (1 − y) ln(1 − p̂)]', 2, async (t) => {
    for (const c of exactly(fixture.bce, 2, 'binary cross-entropy examples')) {
      expectClose(await t.call('binaryCrossEntropy', [c.pHat, c.y]), c.bce, {
        input: call('binaryCrossEntropy', c.pHat, c.y),
        hints: [
          [c.bce * c.y.length, 'looks like the sum, not the mean: divide by n'],
          [c.bce / Math.LN10, 'use the natural log (Math.log), not log10'],
          [c.bce / Math.LN2, 'use the natural log (Math.log), not log2'],
          [c.mistakes.swapped, BCE_ORDER],
        ],
      });
    }
  });

  graded('binaryCrossEntropy clamps each log at −100 (p̂ = 0 or 1)', 2, async (t) => {
    for (const c of exactly(fixture.bceClamp, 5, 'clamping cases')) {
      expectClose(await t.call('binaryCrossEntropy', [c.pHat, c.y]), c.bce, {
        input: call('binaryCrossEntropy', c.pHat, c.y),
        hints: [
          (r) => (Number.isNaN(r) ? NAN_CLAMP : undefined),
          (r) => (r === Infinity ? INF_CLAMP : undefined),
          (r) => (r > 10 && r < 50 && c.bce >= 50 ? 'clamp the log at −100, not p̂ itself (PyTorch gives exactly 100 for p̂ = 0, y = 1)' : undefined),
        ],
      });
    }
  });

  graded('binaryCrossEntropy matches PyTorch (soft labels, p̂ = 0 and 1)', 1, async (t) => {
    for (const c of exactly(fixture.bceSoft, 3, 'PyTorch binary cross-entropy cases')) {
      expectClose(await t.call('binaryCrossEntropy', [c.pHat, c.y]), c.bce, {
        input: call('binaryCrossEntropy', c.pHat, c.y),
        hints: [[c.mistakes.swapped, BCE_ORDER], (r) => (Number.isNaN(r) ? NAN_CLAMP : undefined), [c.bce * c.y.length, 'looks like the sum, not the mean']],
      });
    }
  });

  graded('softmax is e^(zₖ) / Σⱼ e^(zⱼ)', 1, async (t) => {
    for (const c of exactly(fixture.softmax, 4, 'softmax cases')) {
      const total = sum(c.z);
      expectClose(await t.call('softmax', [c.z]), c.softmax, {
        input: call('softmax', c.z),
        hints: [[c.z.map((v) => v / total), 'exponentiate the logits before normalising']],
      });
    }
  });

  graded('softmax is stable for logits of ±1000', 2, async (t) => {
    for (const c of exactly(fixture.softmaxStable, 7, 'softmax cases')) {
      expectClose(await t.call('softmax', [c.z]), c.softmax, {
        input: call('softmax', c.z),
        hints: [(r) => (r.some((v) => Number.isNaN(v)) ? SHIFT : undefined)],
      });
    }
  });

  graded('crossEntropy is the mean over rows of −log softmax(z)[label]', 2, async (t) => {
    for (const c of exactly(fixture.crossEntropy, 2, 'cross-entropy examples')) {
      expectClose(await t.call('crossEntropy', [c.logits, c.labels]), c.loss, {
        input: call('crossEntropy', c.logits, c.labels),
        hints: [
          ...(c.labels.length > 1 ? [[c.loss * c.labels.length, 'looks like the sum over the rows, not the mean: divide by N'] as const] : []),
          [c.mistakes.labelZero, 'every row used class 0: pick the entry of each row’s own label'],
        ],
      });
    }
  });

  graded('crossEntropy is stable (log-sum-exp)', 1, async (t) => {
    for (const c of exactly(fixture.crossEntropyStable, 4, 'stability cases')) {
      expectClose(await t.call('crossEntropy', [c.logits, c.labels]), c.loss, {
        input: call('crossEntropy', c.logits, c.labels),
        hints: [
          (r) => (r === Infinity ? 'the softmax underflowed to 0 and log(0) = −Infinity: compute logsumexp(z) − z[label] instead' : undefined),
          (r) => (Number.isNaN(r) ? SHIFT : undefined),
        ],
      });
    }
  });

  graded('crossEntropy matches PyTorch', 1, async (t) => {
    for (const c of exactly(fixture.crossEntropyTorch, 3, 'PyTorch cross-entropy cases')) {
      expectClose(await t.call('crossEntropy', [c.logits, c.labels]), c.loss, {
        input: call('crossEntropy', c.logits, c.labels),
        hints: c.labels.length > 1 ? [[c.loss * c.labels.length, 'looks like the sum over the rows, not the mean']] : [],
      });
    }
  });

  graded('crossEntropyGradient is (softmax − onehot)/N', 2, async (t) => {
    for (const c of exactly(fixture.crossEntropyGradient, 2, 'cross-entropy gradient examples')) {
      const N = c.logits.length;
      expectClose(await t.call('crossEntropyGradient', [c.logits, c.labels]), c.gradient, {
        input: call('crossEntropyGradient', c.logits, c.labels),
        hints: [
          ...(N > 1 ? [[c.gradient.map((r) => r.map((v) => v * N)), 'did you forget to divide by N (the number of rows)?'] as const] : []),
          [c.gradient.map((r) => r.map((v) => -v)), 'the sign is flipped: the gradient is softmax − onehot'],
          [c.mistakes.softmaxOverN, 'subtract 1 at each row’s label (softmax − onehot)'],
        ],
      });
    }
  });

  graded('crossEntropyGradient matches PyTorch’s autograd', 1, async (t) => {
    for (const c of exactly(fixture.crossEntropyTorch, 3, 'PyTorch cross-entropy cases')) {
      const N = c.logits.length;
      expectClose(await t.call('crossEntropyGradient', [c.logits, c.labels]), c.gradient, {
        input: call('crossEntropyGradient', c.logits, c.labels),
        hints: N > 1 ? [[c.gradient.map((r) => r.map((v) => v * N)), 'did you forget to divide by N?']] : [],
      });
    }
  });
});
