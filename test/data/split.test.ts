import { describe, expect, it } from 'vitest';
import { Dataset, trainTestSplit } from '../../src/data';
import { Tensor, tensor } from '../../src/tensor';
import { expectError } from '../helpers/expect-error';


/** N rows X[i] = [i, −i], y[i] = i. */
function ids(n: number): Dataset {
  const X = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = i;
    X[2 * i + 1] = -i;
    y[i] = i;
  }
  return { X: tensor(X, { shape: [n, 2] }), y: tensor(y, { shape: [n] }) };
}

const labels = (t: Tensor): number[] => Array.from(t.data);

describe('trainTestSplit', () => {
  it('splits into disjoint parts of round(f·N) and N − round(f·N) rows covering all rows', () => {
    const { train, test } = trainTestSplit(ids(100), { testFraction: 0.25, seed: 1 });
    expect(train.X.shape).toEqual([75, 2]);
    expect(train.y.shape).toEqual([75]);
    expect(test.X.shape).toEqual([25, 2]);
    expect(test.y.shape).toEqual([25]);
    const all = [...labels(train.y), ...labels(test.y)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const part of [train, test]) {
      part.y.data.forEach((v, i) => {
        expect(part.X.data[2 * i]).toBe(v);
        expect(part.X.data[2 * i + 1]).toBe(-v);
      });
    }
  });

  it('rounds f·N to the nearest integer (0.3 · 10 = 3 test rows despite floating point)', () => {
    expect(trainTestSplit(ids(10), { testFraction: 0.3 }).test.y.shape).toEqual([3]);
    expect(trainTestSplit(ids(10), { testFraction: 0.25 }).test.y.shape).toEqual([3]); // 2.5 → 3
    expect(trainTestSplit(ids(10)).test.y.shape).toEqual([2]); // default 0.2
    expect(trainTestSplit(ids(2), { testFraction: 0.5 }).test.y.shape).toEqual([1]);
  });

  it('is random, and the same for the same seed', () => {
    const a = trainTestSplit(ids(50), { seed: 3 });
    const b = trainTestSplit(ids(50), { seed: 3 });
    const c = trainTestSplit(ids(50), { seed: 4 });
    expect(labels(b.test.y)).toEqual(labels(a.test.y));
    expect(labels(c.test.y)).not.toEqual(labels(a.test.y));
    expect(labels(a.train.y)).not.toEqual(Array.from({ length: 40 }, (_, i) => i + 10));
    expect(labels(trainTestSplit(ids(50)).test.y)).toEqual(labels(trainTestSplit(ids(50), { seed: 0 }).test.y));
  });

  it('rejects bad options and data', () => {
    const what = 'trainTestSplit: testFraction must be a number in (0, 1)';
    expectError(() => trainTestSplit(ids(10), { testFraction: 0 }), RangeError, `${what}, received 0`);
    expectError(() => trainTestSplit(ids(10), { testFraction: 1 }), RangeError, `${what}, received 1`);
    expectError(() => trainTestSplit(ids(10), { testFraction: 1.2 }), RangeError, `${what}, received 1.2`);
    expectError(() => trainTestSplit(ids(10), { testFraction: NaN }), RangeError, 'trainTestSplit: testFraction must be a finite number, received NaN');
    expectError(
      () => trainTestSplit(ids(10), { testFraction: '0.2' as unknown as number }),
      TypeError,
      'trainTestSplit: testFraction must be a number, received "0.2"',
    );
    expectError(
      () => trainTestSplit(ids(10), { testFraction: 0.01 }),
      RangeError,
      'trainTestSplit: testFraction 0.01 of 10 rows gives 0 test rows and 10 training rows; both must be at least 1',
    );
    expectError(
      () => trainTestSplit(ids(10), { testFraction: 0.99 }),
      RangeError,
      'trainTestSplit: testFraction 0.99 of 10 rows gives 10 test rows and 0 training rows; both must be at least 1',
    );
    expectError(
      () => trainTestSplit(ids(1), { testFraction: 0.5 }),
      RangeError,
      'trainTestSplit: testFraction 0.5 of 1 rows gives 1 test rows and 0 training rows; both must be at least 1',
    );
    expectError(() => trainTestSplit(ids(10), { seed: 1.5 }), RangeError, 'trainTestSplit: seed must be an integer with |seed| <= 2^53 - 1, received 1.5');
    expectError(
      () => trainTestSplit(ids(10), { test_fraction: 0.2 } as unknown as object),
      TypeError,
      'trainTestSplit: unknown option "test_fraction" (did you mean "testFraction"?); expected one of testFraction, seed',
    );
    expectError(
      () => trainTestSplit({ X: ids(3).X, y: ids(4).y }),
      RangeError,
      'trainTestSplit: data.X and data.y must have the same number of rows, received 3 and 4',
    );
    expectError(
      () => trainTestSplit({ X: ids(3).X } as unknown as Dataset),
      TypeError,
      'trainTestSplit: data.y must be a Tensor, received undefined',
    );
  });
});
