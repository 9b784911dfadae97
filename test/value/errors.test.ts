import { describe, expect, it } from 'vitest';
import { Value, graphOf, toDot } from '../../src/value';
import { tensor } from '../../src/tensor';
import { expectError } from '../helpers/expect-error';

// Bypass the static types the way plain-JS or notebook callers can.
const loose = (x: unknown): never => x as never;

describe('constructor errors', () => {
  it('rejects non-finite data with RangeError naming data and the value', () => {
    expectError(() => new Value(NaN), RangeError, 'Value: data must be a finite number, received NaN');
    expectError(() => new Value(Infinity), RangeError, 'Value: data must be a finite number, received Infinity');
    expectError(() => new Value(-Infinity), RangeError, 'Value: data must be a finite number, received -Infinity');
  });

  it('rejects non-number data with TypeError', () => {
    expectError(() => new Value(loose('3')), TypeError, 'Value: data must be a finite number, received "3"');
    expectError(() => new Value(loose(undefined)), TypeError, 'Value: data must be a finite number, received undefined');
    expectError(() => new Value(loose(new Value(1))), TypeError, 'Value: data must be a finite number, received Value Value(data=1, grad=0)');
  });

  it('rejects unknown options and a non-string label', () => {
    expectError(() => new Value(1, loose({ lable: 'x' })), TypeError, 'Value: unknown option "lable"; expected one of label');
    expectError(() => new Value(1, { label: loose(3) }), TypeError, 'Value: label must be a string, received 3');
    expectError(() => new Value(1, loose('a')), TypeError, 'Value: options must be an object, received "a"');
  });
});

describe('operand errors name the op and the received value', () => {
  const ops = ['add', 'sub', 'mul', 'div', 'rsub', 'rdiv'] as const;
  for (const op of ops) {
    it(op, () => {
      const x = new Value(2);
      const call = (o: unknown) => () => x[op](loose(o));
      expectError(call(NaN), RangeError, `${op}: other must be a finite number, received NaN`);
      expectError(call(Infinity), RangeError, `${op}: other must be a finite number, received Infinity`);
      expectError(call(-Infinity), RangeError, `${op}: other must be a finite number, received -Infinity`);
      expectError(call('1'), TypeError, `${op}: other must be a Value or a finite number, received "1"`);
      expectError(call(null), TypeError, `${op}: other must be a Value or a finite number, received null`);
      expectError(call(undefined), TypeError, `${op}: other must be a Value or a finite number, received undefined`);
      expectError(call([1]), TypeError, `${op}: other must be a Value or a finite number, received [1] (array of length 1)`);
      expectError(call({ data: 1 }), TypeError, `${op}: other must be a Value or a finite number, received object`);
    });
  }
});

describe('pow and log errors', () => {
  it('pow needs a finite number exponent', () => {
    const x = new Value(2);
    expectError(() => x.pow(NaN), RangeError, 'pow: exponent must be a finite number, received NaN');
    expectError(() => x.pow(Infinity), RangeError, 'pow: exponent must be a finite number, received Infinity');
    expectError(
      () => x.pow(loose(new Value(3))),
      TypeError,
      'pow: exponent must be a finite number (not a Value), received Value Value(data=3, grad=0)',
    );
    expectError(() => x.pow(loose('2')), TypeError, 'pow: exponent must be a finite number (not a Value), received "2"');
  });

  it('log follows IEEE arithmetic like Tensor.log and PyTorch (values flowing through are not checked)', () => {
    expect(new Value(0).log().data).toBe(-Infinity);
    expect(new Value(-1).log().data).toBeNaN();
    expect(new Value(2).sub(2.5).log().data).toBeNaN();
    expect(tensor([0, -1]).log().toArray()).toEqual([-Infinity, NaN]);
  });
});

describe('graph helper errors', () => {
  it('graphOf and toDot need a Value root', () => {
    expectError(() => graphOf(loose(null)), TypeError, 'graphOf: root must be a Value, received null');
    expectError(() => toDot(loose(3)), TypeError, 'toDot: root must be a Value, received 3');
  });

  it('toDot checks its options', () => {
    const v = new Value(1);
    expectError(() => toDot(v, { digits: -1 }), RangeError, 'toDot: digits must be an integer >= 0, received -1');
    expectError(() => toDot(v, { digits: 1.5 }), RangeError, 'toDot: digits must be an integer >= 0, received 1.5');
    expectError(() => toDot(v, { digits: 101 }), RangeError, 'toDot: digits must be an integer in [0, 100], received 101');
    expectError(() => toDot(v, { rankdir: loose('XY') }), RangeError, 'toDot: rankdir must be one of LR, TB, RL, BT, received "XY"');
    expectError(
      () => toDot(v, loose({ rankDir: 'TB' })),
      TypeError,
      'toDot: unknown option "rankDir" (did you mean "rankdir"?); expected one of digits, rankdir',
    );
  });
});
