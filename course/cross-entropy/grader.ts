/**
 * Grader for exercises/cross-entropy.ts (chapter 02-cross-entropy): sigmoid, binaryCrossEntropy(pHat, y),
 * softmax, crossEntropy(logits, labels) and its gradient, with PyTorch's conventions. Expected
 * values come from PyTorch (torch.sigmoid, F.binary_cross_entropy, torch.softmax, F.cross_entropy
 * and autograd) in cases.json.
 */
import { defineGrader, exactly, expectClose, formatCall } from '../../kit/grade/api';
import fixture from './cases.json';
import messages from './messages';

const call = (fn: string, ...args: unknown[]): string => formatCall(fn, args);
const sum = (v: number[]): number => v.reduce((a, b) => a + b, 0);

export default defineGrader(messages, ({ graded }, { checks, hints }) => {
  graded(checks.sigmoid, 1, async (t) => {
    for (const c of exactly(fixture.sigmoid, 6, 'sigmoid cases')) {
      expectClose(await t.call('sigmoid', [c.z]), c.sigmoid, {
        input: call('sigmoid', c.z),
        hints: [[1 - c.sigmoid, hints.sigmoidSign]],
      });
    }
  });

  graded(checks.sigmoidExtreme, 2, async (t) => {
    for (const c of exactly(fixture.sigmoidExtreme, 12, 'sigmoid cases')) {
      expectClose(await t.call('sigmoid', [c.z]), c.sigmoid, {
        input: call('sigmoid', c.z),
        hints: [(r) => (Number.isNaN(r) ? hints.sigmoidNaN : undefined)],
      });
    }
  });

  graded(checks.bce, 2, async (t) => {
    for (const c of exactly(fixture.bce, 2, 'binary cross-entropy examples')) {
      expectClose(await t.call('binaryCrossEntropy', [c.pHat, c.y]), c.bce, {
        input: call('binaryCrossEntropy', c.pHat, c.y),
        hints: [
          [c.bce * c.y.length, hints.sumDivide],
          [c.bce / Math.LN10, hints.log10],
          [c.bce / Math.LN2, hints.log2],
          [c.mistakes.swapped, hints.bceOrder],
        ],
      });
    }
  });

  graded(checks.bceClamp, 2, async (t) => {
    for (const c of exactly(fixture.bceClamp, 5, 'clamping cases')) {
      expectClose(await t.call('binaryCrossEntropy', [c.pHat, c.y]), c.bce, {
        input: call('binaryCrossEntropy', c.pHat, c.y),
        hints: [
          (r) => (Number.isNaN(r) ? hints.nanClamp : undefined),
          (r) => (r === Infinity ? hints.infClamp : undefined),
          (r) => (r > 10 && r < 50 && c.bce >= 50 ? hints.clampLog : undefined),
        ],
      });
    }
  });

  graded(checks.bceTorch, 1, async (t) => {
    for (const c of exactly(fixture.bceSoft, 3, 'PyTorch binary cross-entropy cases')) {
      expectClose(await t.call('binaryCrossEntropy', [c.pHat, c.y]), c.bce, {
        input: call('binaryCrossEntropy', c.pHat, c.y),
        hints: [[c.mistakes.swapped, hints.bceOrder], (r) => (Number.isNaN(r) ? hints.nanClamp : undefined), [c.bce * c.y.length, hints.sum]],
      });
    }
  });

  graded(checks.softmax, 1, async (t) => {
    for (const c of exactly(fixture.softmax, 4, 'softmax cases')) {
      const total = sum(c.z);
      expectClose(await t.call('softmax', [c.z]), c.softmax, {
        input: call('softmax', c.z),
        hints: [[c.z.map((v) => v / total), hints.exponentiate]],
      });
    }
  });

  graded(checks.softmaxStable, 2, async (t) => {
    for (const c of exactly(fixture.softmaxStable, 7, 'softmax cases')) {
      expectClose(await t.call('softmax', [c.z]), c.softmax, {
        input: call('softmax', c.z),
        hints: [(r) => (r.some((v) => Number.isNaN(v)) ? hints.shift : undefined)],
      });
    }
  });

  graded(checks.ce, 2, async (t) => {
    for (const c of exactly(fixture.crossEntropy, 2, 'cross-entropy examples')) {
      expectClose(await t.call('crossEntropy', [c.logits, c.labels]), c.loss, {
        input: call('crossEntropy', c.logits, c.labels),
        hints: [
          ...(c.labels.length > 1 ? [[c.loss * c.labels.length, hints.rowsSumDivide] as const] : []),
          [c.mistakes.labelZero, hints.labelZero],
        ],
      });
    }
  });

  graded(checks.ceStable, 1, async (t) => {
    for (const c of exactly(fixture.crossEntropyStable, 4, 'stability cases')) {
      expectClose(await t.call('crossEntropy', [c.logits, c.labels]), c.loss, {
        input: call('crossEntropy', c.logits, c.labels),
        hints: [
          (r) => (r === Infinity ? hints.underflow : undefined),
          (r) => (Number.isNaN(r) ? hints.shift : undefined),
        ],
      });
    }
  });

  graded(checks.ceTorch, 1, async (t) => {
    for (const c of exactly(fixture.crossEntropyTorch, 3, 'PyTorch cross-entropy cases')) {
      expectClose(await t.call('crossEntropy', [c.logits, c.labels]), c.loss, {
        input: call('crossEntropy', c.logits, c.labels),
        hints: c.labels.length > 1 ? [[c.loss * c.labels.length, hints.rowsSum]] : [],
      });
    }
  });

  graded(checks.gradient, 2, async (t) => {
    for (const c of exactly(fixture.crossEntropyGradient, 2, 'cross-entropy gradient examples')) {
      const N = c.logits.length;
      expectClose(await t.call('crossEntropyGradient', [c.logits, c.labels]), c.gradient, {
        input: call('crossEntropyGradient', c.logits, c.labels),
        hints: [
          ...(N > 1 ? [[c.gradient.map((r) => r.map((v) => v * N)), hints.gradientRows] as const] : []),
          [c.gradient.map((r) => r.map((v) => -v)), hints.gradientSign],
          [c.mistakes.softmaxOverN, hints.oneHot],
        ],
      });
    }
  });

  graded(checks.gradientTorch, 1, async (t) => {
    for (const c of exactly(fixture.crossEntropyTorch, 3, 'PyTorch cross-entropy cases')) {
      const N = c.logits.length;
      expectClose(await t.call('crossEntropyGradient', [c.logits, c.labels]), c.gradient, {
        input: call('crossEntropyGradient', c.logits, c.labels),
        hints: N > 1 ? [[c.gradient.map((r) => r.map((v) => v * N)), hints.gradientN]] : [],
      });
    }
  });
});
