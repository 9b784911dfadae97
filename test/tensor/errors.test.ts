import { describe, it } from 'vitest';
import { tensor, zeros, randn, arange, ones, full } from '../../src';
import { expectError } from '../helpers/expect-error';


describe('tensor creation rejects bad data', () => {
  it('NaN and Infinity, with their position', () => {
    expectError(() => tensor([[1, 2], [3, NaN]]), RangeError, /^tensor: data must contain finite numbers, received NaN at index \[1, 1\]$/);
    expectError(() => tensor(Float64Array.of(1, Infinity)), RangeError, /received Infinity at index \[1\]/);
  });
  it('ragged and non-numeric nested arrays', () => {
    expectError(() => tensor([[1, 2], [3]]), RangeError, /nested arrays must be rectangular: the element at \[1\] has shape \[1\], expected \[2\]/);
    expectError(() => tensor([1, '2' as never]), TypeError, /data must be a number, nested arrays of numbers or a Float64Array, received "2" at index \[1\]/);
  });
  it('a shape that does not fit the data', () => {
    expectError(() => tensor(Float64Array.of(1, 2, 3), { shape: [2, 2] }), RangeError, /shape \[2, 2\] holds 4 elements, but the data has 3/);
    expectError(() => zeros([2, -1]), RangeError, /^zeros: shape must be an array of integers >= 0, received \[2, -1\] \(array of length 2\)$/);
  });
  it('unknown options (with the right spelling suggested) and a bad requiresGrad', () => {
    expectError(() => tensor([1], { requires_grad: true } as never), TypeError, 'tensor: unknown option "requires_grad" (did you mean "requiresGrad"?); expected one of requiresGrad, shape');
    // shape belongs to tensor() only: zeros, ones, full and randn take their shape as an argument
    expectError(() => zeros([2], { shape: [5] } as never), TypeError, 'zeros: unknown option "shape"; expected one of requiresGrad');
    expectError(() => ones([2], { shape: [5] } as never), TypeError, /^ones: unknown option "shape"/);
    expectError(() => full([2], 1, { shape: [5] } as never), TypeError, /^full: unknown option "shape"/);
    expectError(() => randn([2], () => 0.5, { shape: [5] } as never), TypeError, /^randn: unknown option "shape"/);
    expectError(() => zeros([2], [] as never), TypeError, 'zeros: options must be an object, received [] (array of length 0)');
    expectError(() => ones([1], { requiresGrad: 'yes' } as never), TypeError, /requiresGrad must be true or false, received "yes"/);
  });
  it('randn without a generator, arange with step 0', () => {
    expectError(() => randn([2], undefined as never), TypeError, /randn: rng must be a function returning numbers in \[0, 1\).*received undefined/);
    expectError(() => arange(0, 1, 0), RangeError, /arange: step must not be 0/);
    expectError(() => arange(NaN), RangeError, /arange: stop must be a finite number, received NaN/);
  });
});

describe('ops reject bad operands', () => {
  it('shapes that do not broadcast name both shapes', () => {
    expectError(() => tensor([[1, 2, 3]]).add(tensor([1, 2])), RangeError, /^add: shapes \[1, 3\] and \[2\] cannot be broadcast together \(axis -1 has lengths 3 and 2; each must match or be 1\)$/);
    expectError(() => zeros([2, 3]).matmul(zeros([2, 3])), RangeError, /^matmul: inner dimensions differ: \[2, 3\] @ \[2, 3\] \(3 columns against 2 rows\)$/);
    expectError(() => zeros([2]).matmul(zeros([2])), RangeError, /matmul: expected \[n, k\] @ \[k, m\] or \[n, k\] @ \[k\], received \[2\] @ \[2\]/);
  });
  it('NaN, Infinity and non-numbers as operands', () => {
    expectError(() => tensor([1]).mul(NaN), RangeError, /^mul: other must be a finite number or a Tensor, received NaN$/);
    expectError(() => tensor([1]).add('1' as never), TypeError, /^add: other must be a Tensor or a number, received "1"$/);
    expectError(() => tensor([1]).pow(Infinity), TypeError, /pow: exponent must be a finite number, received Infinity/);
  });
  it('axes out of range, empty means, bad reshapes', () => {
    expectError(() => zeros([2, 3]).sum(2), RangeError, /^sum: axis must be an integer in \[-2, 1\] for a tensor with 2 axes, received 2$/);
    expectError(() => tensor([]).mean(), RangeError, /^mean: cannot take the mean of an empty tensor \(shape \[0\]\)$/);
    expectError(() => zeros([0, 3]).mean(0), RangeError, /mean along axis 0 of length 0/);
    expectError(() => arange(6).reshape(4, 2), RangeError, /reshape: shape \[4, 2\] holds 8 elements, but the tensor of shape \[6\] has 6/);
    expectError(() => arange(6).reshape(-1, -1), RangeError, /at most one -1/);
  });
});

describe('backward and item reject what has no answer', () => {
  it('backward on a non-scalar names the shape and the fix', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    expectError(() => x.mul(2).backward(), RangeError, /^backward: can only start from a scalar \(a tensor with one element\), received a tensor of shape \[2, 2\]; reduce it first, e\.g\. with \.sum\(\) or \.mean\(\)$/);
  });
  it('backward without any input that requires grad', () => {
    expectError(() => tensor([1, 2]).sum().backward(), TypeError, /does not require grad/);
  });
  it('item on several elements', () => {
    expectError(() => tensor([1, 2]).item(), RangeError, /item: only a one-element tensor has a single value, received shape \[2\]/);
  });
});
