/**
 * Learning-rate schedules against PyTorch 1.13's own sequences (test/fixtures/lr-schedules.json,
 * made by test/fixtures/make-lr-schedules.py) and against their closed forms.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, tensor } from '../../src/tensor';
import { CosineAnnealingLR, ExponentialLR, LRScheduler, SGD, StepLR } from '../../src/optim';
import schedules from '../fixtures/lr-schedules.json';

interface ScheduleCase {
  scheduler: 'StepLR' | 'ExponentialLR' | 'CosineAnnealingLR';
  options: Record<string, number>;
  lr: number;
  epochs: number;
  lrs: number[];
  overrides?: Record<string, number>;
}
const cases = (schedules as unknown as { cases: ScheduleCase[] }).cases;

function sgd(lr: number): { opt: SGD; x: Tensor } {
  const x = tensor([1, -2], { requiresGrad: true });
  return { opt: new SGD([x], { lr }), x };
}

function make(name: ScheduleCase['scheduler'], opt: SGD, options: Record<string, number>): LRScheduler {
  if (name === 'StepLR') return new StepLR(opt, options as never);
  if (name === 'ExponentialLR') return new ExponentialLR(opt, options as never);
  return new CosineAnnealingLR(opt, options as never);
}

/** The lr sequence of `epochs` scheduler steps, applying the case's outside lr changes. */
function sequence(c: ScheduleCase): number[] {
  const { opt } = sgd(c.lr);
  const scheduler = make(c.scheduler, opt, c.options);
  const lrs: number[] = [];
  for (let epoch = 0; epoch <= c.epochs; epoch++) {
    if (epoch > 0) scheduler.step();
    expect(scheduler.getLastLr()).toEqual([opt.lr]);
    lrs.push(scheduler.getLastLr()[0]);
    const override = c.overrides?.[String(epoch)];
    if (override !== undefined) opt.lr = override;
  }
  return lrs;
}

/** The largest relative difference; entries that are equal (such as two exact zeros) count 0. */
function maxRelative(actual: number[], expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  return Math.max(...actual.map((a, i) => (a === expected[i] ? 0 : Math.abs(a - expected[i]) / Math.abs(expected[i]))));
}

describe('schedules match PyTorch 1.13 step by step', () => {
  it('has cases for every schedule', () => {
    expect(new Set(cases.map((c) => c.scheduler))).toEqual(new Set(['StepLR', 'ExponentialLR', 'CosineAnnealingLR']));
  });

  cases.forEach((c, k) => {
    const label = `#${k} ${c.scheduler} ${JSON.stringify(c.options)} lr=${c.lr}${c.overrides ? ' with an outside lr change' : ''}`;
    it(label, () => {
      const lrs = sequence(c);
      expect(lrs[0]).toBe(c.lr);
      // The same float operations as PyTorch's get_lr: StepLR and ExponentialLR are bit-exact;
      // V8's Math.cos may differ from glibc's cos in the last bit, and the recursive ratio
      // carries that on, so CosineAnnealingLR agrees to ~1e-15 (most values bit-exact). 2e-15 is
      // tight enough to reject the closed form, which is off by 5e-15 at t = 2T for tMax = 10
      // and by 9e-15 for tMax = 7 (PyTorch returns 0.10000000000000044 at t = 20, not 0.1).
      if (c.scheduler === 'CosineAnnealingLR') expect(maxRelative(lrs, c.lrs)).toBeLessThan(2e-15);
      else expect(lrs).toEqual(c.lrs);
    });
  });
});

describe('schedules follow their closed forms', () => {
  it('StepLR: η₀ γ^⌊t/s⌋ (the PyTorch docs example: 0.05 for 30 epochs, then 0.005, …)', () => {
    const { opt } = sgd(0.05);
    const scheduler = new StepLR(opt, { stepSize: 30 });
    for (let t = 1; t <= 100; t++) {
      scheduler.step();
      expect(opt.lr).toBeCloseTo(0.05 * 0.1 ** Math.floor(t / 30), 15);
    }
    expect(scheduler.gamma).toBe(0.1);
  });

  it('ExponentialLR: η₀ γ^t', () => {
    const { opt } = sgd(0.1);
    const scheduler = new ExponentialLR(opt, { gamma: 0.9 });
    for (let t = 1; t <= 50; t++) {
      scheduler.step();
      expect(Math.abs(opt.lr - 0.1 * 0.9 ** t) / (0.1 * 0.9 ** t)).toBeLessThan(1e-13);
    }
  });

  it('CosineAnnealingLR: η_min + (η₀ − η_min)(1 + cos(πt/T))/2, also past T (it keeps oscillating)', () => {
    const { opt } = sgd(0.1);
    const scheduler = new CosineAnnealingLR(opt, { tMax: 10, etaMin: 0.001 });
    for (let t = 1; t <= 45; t++) {
      scheduler.step();
      const closed = 0.001 + (0.1 - 0.001) * (1 + Math.cos((Math.PI * t) / 10)) / 2;
      expect(Math.abs(opt.lr - closed)).toBeLessThan(1e-15);
    }
    // the landmarks: η_min at T, η₀ back at 2T, η_min at 3T
    expect(sequence({ scheduler: 'CosineAnnealingLR', options: { tMax: 10 }, lr: 0.1, epochs: 30, lrs: [] } as never)
      .filter((_, t) => t % 10 === 0)
      .map((v) => Number(v.toFixed(12)))).toEqual([0.1, 0, 0.1, 0]);
  });

  it('sets nothing on construction: the lr stays the initial lr and getLastLr() returns it', () => {
    for (const make of [
      (o: SGD) => new StepLR(o, { stepSize: 2 }),
      (o: SGD) => new ExponentialLR(o, { gamma: 0.5 }),
      (o: SGD) => new CosineAnnealingLR(o, { tMax: 5 }),
    ]) {
      const { opt } = sgd(0.3);
      const scheduler = make(opt);
      expect(opt.lr).toBe(0.3);
      expect(scheduler.getLastLr()).toEqual([0.3]);
      expect(scheduler.baseLr).toBe(0.3);
      expect(scheduler.lastEpoch).toBe(0);
      scheduler.step();
      expect(scheduler.lastEpoch).toBe(1);
    }
  });

  it('the optimizer steps with the scheduled lr', () => {
    const { opt, x } = sgd(0.5);
    const scheduler = new ExponentialLR(opt, { gamma: 0.5 });
    const loss = () => x.sum(); // ∂/∂x = 1, so each step moves x by −lr
    for (const lr of [0.5, 0.25, 0.125]) {
      const before = Array.from(x.data);
      opt.zeroGrad();
      loss().backward();
      opt.step();
      expect(Array.from(x.data)).toEqual(before.map((v) => v - lr));
      scheduler.step();
    }
  });

  it('toString names the schedule and its settings', () => {
    const { opt } = sgd(0.1);
    expect(String(new StepLR(opt, { stepSize: 30 }))).toBe('StepLR(stepSize=30, gamma=0.1)');
    expect(String(new ExponentialLR(opt, { gamma: 0.9 }))).toBe('ExponentialLR(gamma=0.9)');
    expect(String(new CosineAnnealingLR(opt, { tMax: 50 }))).toBe('CosineAnnealingLR(tMax=50, etaMin=0)');
  });
});

describe('schedule errors name the argument, the expectation and the value', () => {
  const { opt } = sgd(0.1);
  const cases: [string, () => unknown, ErrorConstructor, string][] = [
    ['not an optimizer', () => new StepLR({ lr: 0.1 } as never, { stepSize: 1 }), TypeError,
      'StepLR: optimizer must be an optimizer (SGD, Adam, ...), received object'],
    ['missing stepSize', () => new StepLR(opt, {} as never), TypeError,
      'StepLR: stepSize must be an integer >= 1, received undefined'],
    ['missing options', () => new StepLR(opt, undefined as never), TypeError,
      'StepLR: stepSize must be an integer >= 1, received undefined'],
    ['stepSize 0', () => new StepLR(opt, { stepSize: 0 }), RangeError,
      'StepLR: stepSize must be an integer >= 1, received 0'],
    ['stepSize 1.5', () => new StepLR(opt, { stepSize: 1.5 }), RangeError,
      'StepLR: stepSize must be an integer >= 1, received 1.5'],
    ['gamma 0', () => new StepLR(opt, { stepSize: 1, gamma: 0 }), RangeError,
      'StepLR: gamma must be a finite number > 0, received 0'],
    ['gamma NaN', () => new StepLR(opt, { stepSize: 1, gamma: NaN }), RangeError,
      'StepLR: gamma must be a finite number > 0, received NaN'],
    ['step_size', () => new StepLR(opt, { step_size: 3 } as never), TypeError,
      'StepLR: unknown option "step_size" (did you mean "stepSize"?); expected one of stepSize, gamma'],
    ['missing gamma', () => new ExponentialLR(opt, {} as never), TypeError,
      'ExponentialLR: gamma must be given (it has no default), e.g. { gamma: 0.9 }, received undefined'],
    ['gamma -1', () => new ExponentialLR(opt, { gamma: -1 }), RangeError,
      'ExponentialLR: gamma must be a finite number > 0, received -1'],
    ['gamma "0.9"', () => new ExponentialLR(opt, { gamma: '0.9' as never }), TypeError,
      'ExponentialLR: gamma must be a finite number > 0, received "0.9"'],
    ['missing tMax', () => new CosineAnnealingLR(opt, {} as never), TypeError,
      'CosineAnnealingLR: tMax must be an integer >= 1, received undefined'],
    ['tMax 0', () => new CosineAnnealingLR(opt, { tMax: 0 }), RangeError,
      'CosineAnnealingLR: tMax must be an integer >= 1, received 0'],
    ['etaMin -1', () => new CosineAnnealingLR(opt, { tMax: 5, etaMin: -1 }), RangeError,
      'CosineAnnealingLR: etaMin must be a finite number >= 0, received -1'],
    ['T_max', () => new CosineAnnealingLR(opt, { T_max: 5 } as never), TypeError,
      'CosineAnnealingLR: unknown option "T_max" (did you mean "tMax"?); expected one of tMax, etaMin'],
    ['eta_min', () => new CosineAnnealingLR(opt, { tMax: 5, eta_min: 0 } as never), TypeError,
      'CosineAnnealingLR: unknown option "eta_min" (did you mean "etaMin"?); expected one of tMax, etaMin'],
  ];
  it.each(cases)('%s', (_, fn, type, message) => {
    expect(fn).toThrow(type);
    expect(fn).toThrow(message);
  });

  it('a step whose lr overflows fails instead of handing the optimizer Infinity', () => {
    const { opt: o } = sgd(1);
    const scheduler = new ExponentialLR(o, { gamma: 1e200 });
    scheduler.step();
    expect(() => scheduler.step()).toThrow('ExponentialLR.step: the new lr must be finite, received Infinity');
    expect(o.lr).toBe(1e200);
  });
});
