import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { tensor, mse, binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, softmax, Tensor } from '../../src';
import { expectError } from '../helpers/expect-error';


describeEachBackend('losses reject bad input with clear messages', () => {
  it('shape mismatches name both shapes', () => {
    expectError(() => mse(tensor([1, 2, 3]), [1, 2]), RangeError, /^mse: target shape \[2\] does not match input shape \[3\]$/);
    expectError(() => binaryCrossEntropy(tensor([[0.5, 0.5]]), [0.5, 0.5]), RangeError, /target shape \[2\] does not match input shape \[1, 2\]/);
  });
  it('labels outside [0, C)', () => {
    expectError(() => crossEntropy(tensor([[1, 2, 3]]), [3]), RangeError, /^crossEntropy: labels must be integers in \[0, 3\) for 3 classes, received 3 at index 0$/);
    expectError(() => crossEntropy(tensor([[1, 2, 3]]), [-1]), RangeError, /received -1 at index 0/);
    expectError(() => crossEntropy(tensor([[1, 2, 3]]), [0.5]), RangeError, /received 0.5 at index 0/);
    expectError(() => crossEntropy(tensor([[1, 2, 3], [1, 2, 3]]), [0]), RangeError, /expected 2 labels, one per row of the logits \[2, 3\], received 1/);
    expectError(() => crossEntropy(tensor([1, 2, 3]), [0]), RangeError, /logits must have shape \[N, C\] with C >= 1, received \[3\]/);
    expectError(() => crossEntropy(tensor([[1, 2]]), 'a' as never), TypeError, /labels must be a number\[\] or a Tensor of class indices, received "a"/);
  });
  it('probabilities outside [0, 1] for BCE', () => {
    expectError(() => binaryCrossEntropy(tensor([0.2, 1.5]), [0, 1]), RangeError, /^binaryCrossEntropy: input must hold probabilities in \[0, 1\], received 1.5 at flat index 1 \(pass logits to binaryCrossEntropyWithLogits instead\)$/);
    expectError(() => binaryCrossEntropy(tensor([0.2, 0.5]), [0, 2]), RangeError, /target must hold probabilities in \[0, 1\], received 2 at flat index 1/);
    expectError(() => binaryCrossEntropyWithLogits(tensor([3, -2]), [0, -0.1]), RangeError, /target must hold probabilities in \[0, 1\], received -0.1/);
  });
  it('NaN or Infinity in inputs', () => {
    const nan = tensor([1, 2]).log().mul(tensor([0, 1])).sub(tensor([0, 1])).div(tensor([0, 1])); // 0/0 = NaN
    expectError(() => mse(nan, [1, 2]), RangeError, /^mse: input must contain finite numbers, received NaN at flat index 0 \(shape \[2\]\)$/);
    expectError(() => mse(tensor([1, 2]), [1, Infinity]), RangeError, /tensor: data must contain finite numbers, received Infinity at index \[1\]/);
    expectError(() => softmax(nan), RangeError, /softmax: input must contain finite numbers, received NaN/);
  });
  it('an empty input where a mean is asked', () => {
    expectError(() => mse(tensor([]), []), RangeError, /^mse: cannot take the mean loss over 0 elements \(empty input\)$/);
    expect(mse(tensor([]), [], { reduction: 'sum' }).item()).toBe(0);
  });
  it('unknown options and a bad reduction', () => {
    expectError(() => mse(tensor([1]), [1], { reduce: 'sum' } as never), TypeError, /^mse: unknown option "reduce"; expected one of reduction$/);
    expectError(() => crossEntropy(tensor([[1, 2]]), [0], { label_smoothing: 0.1 } as never), TypeError, /unknown option "label_smoothing" \(did you mean "labelSmoothing"\?\)/);
    expectError(() => mse(tensor([1]), [1], { reduction: 'avg' } as never), RangeError, /reduction must be 'mean', 'sum' or 'none', received "avg"/);
    expectError(() => crossEntropy(tensor([[1, 2]]), [0], { labelSmoothing: 1.5 }), RangeError, /labelSmoothing must be a number in \[0, 1\], received 1.5/);
  });
  it('a non-tensor input', () => {
    expectError(() => mse([1, 2] as unknown as Tensor, [1, 2]), TypeError, /^mse: input must be a Tensor, received \[1, 2\] \(array of length 2\)$/);
  });
});

describeEachBackend('numerical edge cases follow PyTorch', () => {
  it('BCE clamps the log at -100', () => {
    expect(binaryCrossEntropy(tensor([0]), [1]).item()).toBe(100);
    expect(binaryCrossEntropy(tensor([1]), [0]).item()).toBe(100);
    expect(binaryCrossEntropy(tensor([0, 1]), [0, 1]).item()).toBe(0);
  });
  it('the logits forms and softmax stay finite at |logit| = 1000', () => {
    expect(binaryCrossEntropyWithLogits(tensor([1000, -1000]), [0, 1], { reduction: 'none' }).toArray()).toEqual([1000, 1000]);
    expect(binaryCrossEntropyWithLogits(tensor([1000, -1000]), [1, 0], { reduction: 'none' }).toArray()).toEqual([0, 0]);
    expect(softmax(tensor([[1000, -1000, 0]])).toArray()).toEqual([[1, 0, 0]]);
    expect(crossEntropy(tensor([[1000, -1000]]), [1]).item()).toBe(2000);
    const z = tensor([[1000, -1000]], { requiresGrad: true });
    crossEntropy(z, [1]).backward();
    expect(z.grad!.toArray()).toEqual([[1, -1]]);
  });
});
