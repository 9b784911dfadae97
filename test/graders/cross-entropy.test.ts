/**
 * Grader for exercises/cross-entropy.ts (chapter 02-cross-entropy). Oracles: closed forms written
 * here (stable sigmoid, log-sum-exp) and PyTorch's values in test/fixtures/torch-cases.json.
 */
import * as vitest from 'vitest';
import { expectClose } from '../../kit/grade/expect';
import { defineGrader } from '../../kit/grade/grader';
import { formatCall } from '../../kit/grade/plain';
import torch from '../fixtures/torch-cases.json';

const call = (fn: string, ...args: unknown[]): string => formatCall(fn, args);

// ---- oracles ----------------------------------------------------------------------------------
function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
function bceTerms(y: number[], p: number[]): number[] {
  return y.map((yi, i) => -(yi * Math.max(Math.log(p[i]), -100) + (1 - yi) * Math.max(Math.log(1 - p[i]), -100)));
}
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
function logSumExp(z: number[]): number {
  const m = Math.max(...z);
  return m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
}
const ceRows = (logits: number[][], labels: number[]): number[] => logits.map((z, n) => logSumExp(z) - z[labels[n]]);
function ceGradient(logits: number[][], labels: number[]): number[][] {
  return logits.map((z, n) => softmax(z).map((p, k) => (p - (k === labels[n] ? 1 : 0)) / logits.length));
}

const NAN_CLAMP = '0 · log(0) = 0 · (−Infinity) = NaN: clamp each log at −100 (as PyTorch does) before multiplying';
const INF_CLAMP = 'log(0) = −Infinity: clamp each log at −100, as PyTorch does';
const SHIFT = 'e^{1000} overflows to Infinity: subtract the largest logit from every logit first';

export default defineGrader(vitest, { exercise: 'cross-entropy', chapter: '02-cross-entropy' }, ({ graded }) => {
  graded('sigmoid is 1/(1 + e^{−z})', 1, async (t) => {
    for (const z of [0, 2, -3, 0.5, 10, -10]) {
      expectClose(await t.call('sigmoid', [z]), sigmoid(z), {
        input: call('sigmoid', z),
        hints: [[sigmoid(-z), 'that is σ(−z) = 1 − σ(z): check the sign of the exponent']],
      });
    }
  });

  graded('sigmoid does not overflow for large |z|', 2, async (t) => {
    for (const z of [1000, -1000, 710, -710, 1e308, -1e308, -40, 40]) {
      expectClose(await t.call('sigmoid', [z]), sigmoid(z), {
        input: call('sigmoid', z),
        hints: [(r) => (Number.isNaN(r) ? 'e^{z}/(1 + e^{z}) is Infinity/Infinity = NaN for large z: use 1/(1 + e^{−z}) when z ≥ 0' : undefined)],
      });
    }
  });

  graded('binaryCrossEntropy is the mean of −[y ln p + (1 − y) ln(1 − p)]', 2, async (t) => {
    const y = [1, 0, 1];
    const p = [0.9, 0.2, 0.6];
    const terms = bceTerms(y, p);
    expectClose(await t.call('binaryCrossEntropy', [y, p]), mean(terms), {
      input: call('binaryCrossEntropy', y, p),
      hints: [
        [terms.reduce((a, b) => a + b, 0), 'looks like the sum, not the mean: divide by n'],
        [mean(terms) / Math.LN10, 'use the natural log (Math.log), not log10'],
        [mean(terms) / Math.LN2, 'use the natural log (Math.log), not log2'],
      ],
    });
  });

  graded('binaryCrossEntropy clamps each log at −100 (p = 0 or 1)', 2, async (t) => {
    const cases: Array<[number[], number[]]> = [
      [[1], [0]],
      [[0], [1]],
      [[0, 1], [0, 1]],
      [[1, 0], [0, 0]],
      [[1, 1, 0], [1, 0, 0.5]],
    ];
    for (const [y, p] of cases) {
      const expected = mean(bceTerms(y, p));
      expectClose(await t.call('binaryCrossEntropy', [y, p]), expected, {
        input: call('binaryCrossEntropy', y, p),
        hints: [
          (r) => (Number.isNaN(r) ? NAN_CLAMP : undefined),
          (r) => (r === Infinity ? INF_CLAMP : undefined),
          (r) => (r > 10 && r < 50 && expected >= 50 ? 'clamp the log at −100, not p itself (PyTorch gives exactly 100 for p = 0, y = 1)' : undefined),
        ],
      });
    }
  });

  graded('binaryCrossEntropy matches PyTorch (soft labels, p = 0 and 1)', 1, async (t) => {
    for (const c of torch.losses) {
      if (c.fn !== 'binaryCrossEntropy' || c.reduction !== 'mean') continue;
      const y = c.target as number[];
      const p = c.input as number[];
      expectClose(await t.call('binaryCrossEntropy', [y, p]), c.out as number, {
        input: call('binaryCrossEntropy', y, p),
        hints: [(r) => (Number.isNaN(r) ? NAN_CLAMP : undefined), [(c.out as number) * y.length, 'looks like the sum, not the mean']],
      });
    }
  });

  graded('softmax is e^{z_k} / Σ_j e^{z_j}', 1, async (t) => {
    for (const z of [[1, 2, 3], [0, 0], [-1, 0.5, 2, 0], [5]]) {
      const sum = z.reduce((a, b) => a + b, 0);
      expectClose(await t.call('softmax', [z]), softmax(z), {
        input: call('softmax', z),
        hints: [[z.map((v) => v / sum), 'exponentiate the logits before normalising']],
      });
    }
  });

  graded('softmax is stable for logits of ±1000', 2, async (t) => {
    const rows = [[1000, 999, 998], [-1000, -1000], [1000, -1000], [-1000, -999, 0]].concat(
      ...torch.softmax.map((c) => c.input as number[][]),
    );
    for (const z of rows) {
      expectClose(await t.call('softmax', [z]), softmax(z), {
        input: call('softmax', z),
        hints: [(r) => (r.some((v) => Number.isNaN(v)) ? SHIFT : undefined)],
      });
    }
  });

  graded('crossEntropy is the mean over rows of −log softmax(z)[label]', 2, async (t) => {
    const logits = [[2, 1, 0], [0, 0, 3], [1, -1, 0.5]];
    const labels = [0, 2, 1];
    const rows = ceRows(logits, labels);
    expectClose(await t.call('crossEntropy', [logits, labels]), mean(rows), {
      input: call('crossEntropy', logits, labels),
      hints: [
        [rows.reduce((a, b) => a + b, 0), 'looks like the sum over the rows, not the mean: divide by N'],
        [mean(ceRows(logits, [0, 0, 0])), 'every row used class 0: pick the entry of each row’s own label'],
      ],
    });
  });

  graded('crossEntropy is stable (log-sum-exp)', 1, async (t) => {
    const cases: Array<[number[][], number[]]> = [
      [[[1000, 0]], [1]],
      [[[0, -1000, 1000]], [1]],
      [[[1000, 1000]], [0]],
      [[[-1000, -1000, -1000]], [2]],
    ];
    for (const [logits, labels] of cases) {
      expectClose(await t.call('crossEntropy', [logits, labels]), mean(ceRows(logits, labels)), {
        input: call('crossEntropy', logits, labels),
        hints: [
          (r) => (r === Infinity ? 'the softmax underflowed to 0 and log(0) = −Infinity: compute logsumexp(z) − z[label] instead' : undefined),
          (r) => (Number.isNaN(r) ? SHIFT : undefined),
        ],
      });
    }
  });

  graded('crossEntropy matches PyTorch', 1, async (t) => {
    for (const c of torch.losses) {
      if (c.fn !== 'crossEntropy' || c.reduction !== 'mean' || (c.labelSmoothing ?? 0) !== 0) continue;
      const logits = c.input as number[][];
      const labels = c.target as number[];
      expectClose(await t.call('crossEntropy', [logits, labels]), c.out as number, {
        input: call('crossEntropy', logits, labels),
        hints: [[(c.out as number) * labels.length, 'looks like the sum over the rows, not the mean']],
      });
    }
  });

  graded('crossEntropyGradient is (softmax − onehot)/N', 2, async (t) => {
    const logits = [[2, 1, 0], [0, 0, 3]];
    const labels = [0, 2];
    const expected = ceGradient(logits, labels);
    const N = logits.length;
    expectClose(await t.call('crossEntropyGradient', [logits, labels]), expected, {
      input: call('crossEntropyGradient', logits, labels),
      hints: [
        [expected.map((r) => r.map((v) => v * N)), 'did you forget to divide by N (the number of rows)?'],
        [expected.map((r) => r.map((v) => -v)), 'the sign is flipped: the gradient is softmax − onehot'],
        [logits.map((z) => softmax(z).map((p) => p / N)), 'subtract 1 at each row’s label (softmax − onehot)'],
      ],
    });
  });

  graded('crossEntropyGradient on PyTorch’s logits', 1, async (t) => {
    const c = torch.losses.find((l) => l.fn === 'crossEntropy' && l.reduction === 'mean' && (l.labelSmoothing ?? 0) === 0)!;
    const logits = c.input as number[][];
    const labels = c.target as number[];
    const expected = ceGradient(logits, labels);
    expectClose(await t.call('crossEntropyGradient', [logits, labels]), expected, {
      input: call('crossEntropyGradient', logits, labels),
      hints: [[expected.map((r) => r.map((v) => v * logits.length)), 'did you forget to divide by N?']],
    });
  });
});

