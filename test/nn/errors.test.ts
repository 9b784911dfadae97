import { describe, it } from 'vitest';
import { Linear, MLP, ReLU, Sequential, Sigmoid, Tanh } from '../../src/nn';
import { tensor } from '../../src/tensor';
import { expectError } from '../helpers/expect-error';


describe('Linear rejects bad arguments with clear messages', () => {
  it('sizes that are not integers >= 1', () => {
    expectError(() => new Linear(0, 3), RangeError, /^Linear: inFeatures must be an integer >= 1, received 0$/);
    expectError(() => new Linear(2.5, 3), RangeError, /^Linear: inFeatures must be an integer >= 1, received 2.5$/);
    expectError(() => new Linear('2' as never, 3), TypeError, /^Linear: inFeatures must be an integer >= 1, received "2"$/);
    expectError(() => new Linear(2, -1), RangeError, /^Linear: outFeatures must be an integer >= 1, received -1$/);
    expectError(() => new Linear(2, NaN), RangeError, /^Linear: outFeatures must be an integer >= 1, received NaN$/);
  });

  it('bad options', () => {
    expectError(
      () => new Linear(2, 3, { seeds: 1 } as never),
      TypeError,
      /^Linear: unknown option "seeds"; expected one of bias, seed, rng$/,
    );
    expectError(() => new Linear(2, 3, 5 as never), TypeError, /^Linear: options must be an object, received 5$/);
    expectError(() => new Linear(2, 3, { bias: 1 as never }), TypeError, /^Linear: bias must be true or false, received 1$/);
    expectError(
      () => new Linear(2, 3, { seed: 1, rng: () => 0.5 }),
      TypeError,
      /^Linear: pass either seed or rng, not both$/,
    );
    expectError(() => new Linear(2, 3, { seed: 1.5 }), RangeError, /^Linear: seed must be an integer with \|seed\| <= 2\^53 - 1, received 1.5$/);
    expectError(() => new Linear(2, 3, { seed: '1' as never }), TypeError, /^Linear: seed must be an integer, received "1"$/);
    expectError(
      () => new Linear(2, 3, { rng: 42 as never }),
      TypeError,
      /^Linear: rng must be a function returning numbers in \[0, 1\), e.g. rng\(0\), received 42$/,
    );
    expectError(() => new Linear(2, 3, { rng: () => 1 }), RangeError, /^Linear: rng must return numbers in \[0, 1\), returned 1$/);
  });

  it('an input whose last dimension is not inFeatures names both shapes', () => {
    const layer = new Linear(2, 64);
    expectError(
      () => layer.forward(tensor([[1, 2, 3]])),
      RangeError,
      /^Linear: input must have shape \[N, 2\] \(last dimension = inFeatures = 2\), received a tensor of shape \[1, 3\]; the weight has shape \[2, 64\]$/,
    );
    expectError(() => layer.forward(tensor([1, 2, 3])), RangeError, /received a tensor of shape \[3\]; the weight has shape \[2, 64\]/);
    expectError(() => layer.forward(tensor(2)), RangeError, /received a tensor of shape \[\]; the weight has shape \[2, 64\]/);
    expectError(
      () => layer.forward([1, 2] as never),
      TypeError,
      /^Linear: input must be a Tensor, received \[1, 2\] \(array of length 2\); make one with tensor\(\.\.\.\)$/,
    );
  });
});

describe('activations and containers reject bad arguments', () => {
  it('inputs that are not tensors', () => {
    expectError(() => new ReLU().forward([1] as never), TypeError, /^ReLU: input must be a Tensor, received \[1\] \(array of length 1\); make one with tensor\(\.\.\.\)$/);
    expectError(() => new Tanh().forward(3 as never), TypeError, /^Tanh: input must be a Tensor, received 3$/);
    expectError(() => new Sigmoid().call(null as never), TypeError, /^Sigmoid: input must be a Tensor, received null$/);
    expectError(() => new Tanh().forward(new Float64Array(2) as never), TypeError, /^Tanh: input must be a Tensor, received Float64Array of length 2; make one with tensor/);
  });

  it('Sequential of something that is not a Module', () => {
    expectError(
      () => new Sequential(new ReLU(), ((x: number) => x) as never),
      TypeError,
      /^Sequential: modules\[1\] must be a Module \(e.g. new Linear\(2, 3\), new ReLU\(\)\), received function/,
    );
  });

  it('a Sequential passes the first error of the layer that failed', () => {
    const net = new Sequential(new Linear(2, 4), new ReLU(), new Linear(3, 1));
    expectError(() => net.forward(tensor([[1, 2]])), RangeError, /^Linear: input must have shape \[N, 3\].*received a tensor of shape \[1, 4\]/);
  });
});

describe('MLP rejects bad arguments with clear messages', () => {
  it('sizes', () => {
    expectError(
      () => new MLP(3 as never),
      TypeError,
      /^MLP: sizes must be an array of at least 2 layer widths, e.g. \[2, 64, 64, 3\], received 3$/,
    );
    expectError(() => new MLP([2]), RangeError, /^MLP: sizes must be an array of at least 2 layer widths, e.g. \[2, 64, 64, 3\], received \[2\] \(array of length 1\)$/);
    expectError(() => new MLP([2, 0, 3]), RangeError, /^MLP: sizes\[1\] must be an integer >= 1, received 0$/);
    expectError(() => new MLP([2, 64, '3' as never]), TypeError, /^MLP: sizes\[2\] must be an integer >= 1, received "3"$/);
  });

  it('options', () => {
    expectError(
      () => new MLP([2, 3], { activation: 'gelu' as never }),
      RangeError,
      /^MLP: activation must be one of "relu", "tanh", received "gelu"$/,
    );
    expectError(
      () => new MLP([2, 3], { activations: 'relu' } as never),
      TypeError,
      /^MLP: unknown option "activations"; expected one of activation, seed, rng$/,
    );
    expectError(() => new MLP([2, 3], { seed: 0, rng: () => 0 }), TypeError, /^MLP: pass either seed or rng, not both$/);
    expectError(() => new MLP([2, 3], { seed: Infinity }), RangeError, /^MLP: seed must be an integer with \|seed\| <= 2\^53 - 1, received Infinity$/);
    expectError(() => new MLP([2, 3], { rng: 'r' as never }), TypeError, /^MLP: rng must be a function returning numbers in \[0, 1\)/);
  });
});
