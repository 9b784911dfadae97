/** Every error path of the optimizers, with its message: argument, expectation, received value. */
import { describe, expect, it } from 'vitest';
import { tensor } from '../../src/tensor';
import { Adagrad, Adam, AdamW, RMSprop, SGD } from '../../src/optim';

type Case = [string, () => unknown, ErrorConstructor, string];

const p = () => [tensor([1, 2], { requiresGrad: true })];

function check(cases: Case[]): void {
  it.each(cases)('%s', (_, fn, type, message) => {
    let error: unknown;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toBe(message);
  });
}

describe('params (every optimizer, through the Optimizer base class)', () => {
  const x = tensor([1, 2], { requiresGrad: true });
  check([
    ['a single Tensor', () => new Adam(x as never), TypeError,
      `Adam: params must be a non-empty array of Tensors with requiresGrad, received Tensor ${String(x)}; ` +
        'wrap a single tensor in an array: [x]'],
    ['not an array', () => new SGD(5 as never, { lr: 0.1 }), TypeError,
      'SGD: params must be a non-empty array of Tensors with requiresGrad, received 5'],
    ['missing', () => new RMSprop(undefined as never), TypeError,
      'RMSprop: params must be a non-empty array of Tensors with requiresGrad, received undefined'],
    ['empty', () => new Adagrad([]), RangeError,
      'Adagrad: params must be a non-empty array of Tensors with requiresGrad, received [] (array of length 0)'],
    ['not a Tensor', () => new AdamW([x, [1, 2]] as never), TypeError,
      'AdamW: params[1] must be a Tensor, received [1, 2] (array of length 2)'],
    ['without requiresGrad', () => new SGD([tensor([3])], { lr: 0.1 }), RangeError,
      `SGD: params[0] must be a Tensor with requiresGrad: true, received Tensor ${String(tensor([3]))} with requiresGrad: false`],
    ['not a leaf', () => new Adam([x.mul(2)]), RangeError,
      'Adam: params[0] must be a leaf Tensor (made by tensor(), zeros(), ...), received the result of the operation "mul"'],
    ['listed twice', () => new Adam([x, tensor([1], { requiresGrad: true }), x]), RangeError,
      'Adam: params[2] is the same Tensor as params[0]; list each parameter once'],
  ]);
});

describe('SGD options', () => {
  check([
    ['no options', () => new SGD(p(), undefined as never), TypeError,
      'SGD: lr must be given, as SGD has no default learning rate (e.g. { lr: 0.01 }), received undefined'],
    ['no lr', () => new SGD(p(), { momentum: 0.9 } as never), TypeError,
      'SGD: lr must be given, as SGD has no default learning rate (e.g. { lr: 0.01 }), received undefined'],
    ['options null', () => new SGD(p(), null as never), TypeError, 'SGD: options must be an object, received null'],
    ['negative lr', () => new SGD(p(), { lr: -0.1 }), RangeError, 'SGD: lr must be a finite number >= 0, received -0.1'],
    ['NaN lr', () => new SGD(p(), { lr: NaN }), RangeError, 'SGD: lr must be a finite number, received NaN'],
    ['infinite lr', () => new SGD(p(), { lr: Infinity }), RangeError, 'SGD: lr must be a finite number, received Infinity'],
    ['string lr', () => new SGD(p(), { lr: '0.1' as never }), TypeError, 'SGD: lr must be a number, received "0.1"'],
    ['momentum 1', () => new SGD(p(), { lr: 0.1, momentum: 1 }), RangeError,
      'SGD: momentum must be a number in [0, 1), received 1'],
    ['momentum -0.5', () => new SGD(p(), { lr: 0.1, momentum: -0.5 }), RangeError,
      'SGD: momentum must be a number in [0, 1), received -0.5'],
    ['dampening 1.5', () => new SGD(p(), { lr: 0.1, momentum: 0.9, dampening: 1.5 }), RangeError,
      'SGD: dampening must be a number in [0, 1], received 1.5'],
    ['weightDecay -1', () => new SGD(p(), { lr: 0.1, weightDecay: -1 }), RangeError,
      'SGD: weightDecay must be a finite number >= 0, received -1'],
    ['nesterov "yes"', () => new SGD(p(), { lr: 0.1, momentum: 0.9, nesterov: 'yes' as never }), TypeError,
      'SGD: nesterov must be true or false, received "yes"'],
    ['nesterov without momentum', () => new SGD(p(), { lr: 0.1, nesterov: true }), RangeError,
      'SGD: nesterov requires momentum > 0 and dampening = 0, received momentum 0 and dampening 0'],
    ['nesterov with dampening', () => new SGD(p(), { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }), RangeError,
      'SGD: nesterov requires momentum > 0 and dampening = 0, received momentum 0.9 and dampening 0.1'],
    ['weight_decay', () => new SGD(p(), { lr: 0.1, weight_decay: 0.01 } as never), TypeError,
      'SGD: unknown option "weight_decay" (did you mean "weightDecay"?); expected one of lr, momentum, dampening, weightDecay, nesterov'],
    ['learningRate', () => new SGD(p(), { learningRate: 0.1 } as never), TypeError,
      'SGD: unknown option "learningRate"; expected one of lr, momentum, dampening, weightDecay, nesterov'],
  ]);
});

describe('Adagrad options', () => {
  check([
    ['negative lr', () => new Adagrad(p(), { lr: -1 }), RangeError, 'Adagrad: lr must be a finite number >= 0, received -1'],
    ['negative lrDecay', () => new Adagrad(p(), { lrDecay: -0.1 }), RangeError,
      'Adagrad: lrDecay must be a finite number >= 0, received -0.1'],
    ['negative weightDecay', () => new Adagrad(p(), { weightDecay: -0.1 }), RangeError,
      'Adagrad: weightDecay must be a finite number >= 0, received -0.1'],
    ['negative initialAccumulatorValue', () => new Adagrad(p(), { initialAccumulatorValue: -0.1 }), RangeError,
      'Adagrad: initialAccumulatorValue must be a finite number >= 0, received -0.1'],
    ['negative eps', () => new Adagrad(p(), { eps: -1e-10 }), RangeError, 'Adagrad: eps must be a finite number >= 0, received -1e-10'],
    ['lr_decay', () => new Adagrad(p(), { lr_decay: 0.1 } as never), TypeError,
      'Adagrad: unknown option "lr_decay" (did you mean "lrDecay"?); expected one of lr, lrDecay, weightDecay, initialAccumulatorValue, eps'],
    ['initial_accumulator_value', () => new Adagrad(p(), { initial_accumulator_value: 0.1 } as never), TypeError,
      'Adagrad: unknown option "initial_accumulator_value" (did you mean "initialAccumulatorValue"?); ' +
        'expected one of lr, lrDecay, weightDecay, initialAccumulatorValue, eps'],
  ]);
});

describe('RMSprop options', () => {
  check([
    ['negative lr', () => new RMSprop(p(), { lr: -1 }), RangeError, 'RMSprop: lr must be a finite number >= 0, received -1'],
    ['alpha 1', () => new RMSprop(p(), { alpha: 1 }), RangeError, 'RMSprop: alpha must be a number in [0, 1), received 1'],
    ['alpha -0.1', () => new RMSprop(p(), { alpha: -0.1 }), RangeError, 'RMSprop: alpha must be a number in [0, 1), received -0.1'],
    ['negative eps', () => new RMSprop(p(), { eps: -1 }), RangeError, 'RMSprop: eps must be a finite number >= 0, received -1'],
    ['negative weightDecay', () => new RMSprop(p(), { weightDecay: -1 }), RangeError,
      'RMSprop: weightDecay must be a finite number >= 0, received -1'],
    ['momentum 1.5', () => new RMSprop(p(), { momentum: 1.5 }), RangeError,
      'RMSprop: momentum must be a number in [0, 1), received 1.5'],
    ['centered 1', () => new RMSprop(p(), { centered: 1 as never }), TypeError, 'RMSprop: centered must be true or false, received 1'],
    ['weight_decay', () => new RMSprop(p(), { weight_decay: 0 } as never), TypeError,
      'RMSprop: unknown option "weight_decay" (did you mean "weightDecay"?); expected one of lr, alpha, eps, weightDecay, momentum, centered'],
  ]);
});

describe.each([
  ['Adam', Adam],
  ['AdamW', AdamW],
] as const)('%s options', (name, Optim) => {
  check([
    ['negative lr', () => new Optim(p(), { lr: -0.001 }), RangeError, `${name}: lr must be a finite number >= 0, received -0.001`],
    ['betas not a pair', () => new Optim(p(), { betas: [0.9] as never }), TypeError,
      `${name}: betas must be a pair [β₁, β₂] of numbers in [0, 1), received [0.9] (array of length 1)`],
    ['betas a number', () => new Optim(p(), { betas: 0.9 as never }), TypeError,
      `${name}: betas must be a pair [β₁, β₂] of numbers in [0, 1), received 0.9`],
    ['β₁ = 1', () => new Optim(p(), { betas: [1, 0.999] }), RangeError, `${name}: betas[0] must be a number in [0, 1), received 1`],
    ['β₂ < 0', () => new Optim(p(), { betas: [0.9, -0.1] }), RangeError, `${name}: betas[1] must be a number in [0, 1), received -0.1`],
    ['β₂ NaN', () => new Optim(p(), { betas: [0.9, NaN] }), RangeError, `${name}: betas[1] must be a finite number, received NaN`],
    ['negative eps', () => new Optim(p(), { eps: -1e-8 }), RangeError, `${name}: eps must be a finite number >= 0, received -1e-8`],
    ['negative weightDecay', () => new Optim(p(), { weightDecay: -0.01 }), RangeError,
      `${name}: weightDecay must be a finite number >= 0, received -0.01`],
    ['amsgrad "true"', () => new Optim(p(), { amsgrad: 'true' as never }), TypeError,
      `${name}: amsgrad must be true or false, received "true"`],
    ['weight_decay', () => new Optim(p(), { weight_decay: 0.01 } as never), TypeError,
      `${name}: unknown option "weight_decay" (did you mean "weightDecay"?); expected one of lr, betas, eps, weightDecay, amsgrad`],
    ['options a number', () => new Optim(p(), 0.01 as never), TypeError, `${name}: options must be an object, received 0.01`],
  ]);
});

describe('step()', () => {
  it('rejects an lr made invalid after construction (by hand or by a schedule)', () => {
    const x = tensor([1], { requiresGrad: true });
    const opt = new Adam([x]);
    x.sum().backward();
    opt.lr = -1;
    expect(() => opt.step()).toThrow(RangeError);
    expect(() => opt.step()).toThrow('Adam.step: lr must be a finite number >= 0, received -1');
    opt.lr = NaN;
    expect(() => opt.step()).toThrow(RangeError);
    expect(() => opt.step()).toThrow('Adam.step: lr must be a finite number, received NaN');
    expect(Array.from(x.data)).toEqual([1]);
  });

  it('rejects a gradient whose size differs from the parameter', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const opt = new SGD([x], { lr: 0.1 });
    x.grad = tensor([1, 2, 3]);
    expect(() => opt.step()).toThrow(RangeError);
    expect(() => opt.step()).toThrow("SGD.step: params[0].grad must have the parameter's 2 elements, received 3");
  });
});
