import { describe, expect, it } from 'vitest';
import { DataLoader, Dataset, batches, rng, takeRows } from '../../src/data';
import { Tensor, tensor } from '../../src/tensor';
import { expectError } from '../helpers/expect-error';


/** N rows X[i] = [i, 10 i], y[i] = i, so every row can be identified after gathering. */
function ids(n: number): Dataset {
  const X = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = i;
    X[2 * i + 1] = 10 * i;
    y[i] = i;
  }
  return { X: tensor(X, { shape: [n, 2] }), y: tensor(y, { shape: [n] }) };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sorted = (a: number[]): number[] => [...a].sort((p, q) => p - q);

describe('batches', () => {
  it('covers every index exactly once in slices of batchSize, the last one smaller', () => {
    const b = batches(10, 3, rng(1));
    expect(b.map((x) => x.length)).toEqual([3, 3, 3, 1]);
    expect(sorted(b.flat())).toEqual(range(10));
    expect(batches(9, 3, rng(1)).map((x) => x.length)).toEqual([3, 3, 3]);
    expect(batches(2, 5, rng(1)).map((x) => x.length)).toEqual([2]);
    expect(batches(0, 5, rng(1))).toEqual([]);
    const big = batches(1000, 64, rng(2));
    expect(big.length).toBe(Math.ceil(1000 / 64));
    expect(sorted(big.flat())).toEqual(range(1000));
  });

  it('is a random order, the same for the same seed', () => {
    const a = batches(100, 10, rng(3));
    expect(batches(100, 10, rng(3))).toEqual(a);
    expect(a.flat()).not.toEqual(range(100));
    expect(batches(100, 10, rng(4))).not.toEqual(a);
  });

  it('rejects bad arguments', () => {
    expectError(() => batches(-1, 2, rng(0)), RangeError, 'batches: n must be an integer >= 0, received -1');
    expectError(() => batches(10, 0, rng(0)), RangeError, 'batches: batchSize must be an integer >= 1, received 0');
    expectError(() => batches(10, 2.5, rng(0)), RangeError, 'batches: batchSize must be an integer >= 1, received 2.5');
    expectError(
      () => batches(10, 2, undefined as unknown as () => number),
      TypeError,
      'batches: rng must be a function returning numbers in [0, 1), e.g. rng(0), received undefined',
    );
  });
});

describe('takeRows', () => {
  it('gathers rows in the given order, repeats allowed, as a new constant tensor', () => {
    const t = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const r = takeRows(t, [2, 0, 2]);
    expect(r.shape).toEqual([3, 2]);
    expect(r.toArray()).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    r.data[0] = 99;
    expect(t.data[4]).toBe(5); // a copy, not a view
    const leaf = tensor([1, 2, 3], { requiresGrad: true });
    const g = takeRows(leaf, [1]);
    expect(g.requiresGrad).toBe(false);
    expect(g.toArray()).toEqual([2]);
  });

  it('keeps the trailing axes of higher-rank tensors', () => {
    const t = tensor(Float64Array.from(range(12)), { shape: [3, 2, 2] });
    const r = takeRows(t, [1]);
    expect(r.shape).toEqual([1, 2, 2]);
    expect(Array.from(r.data)).toEqual([4, 5, 6, 7]);
  });

  it('rejects bad arguments', () => {
    const t = tensor([
      [1, 2],
      [3, 4],
    ]);
    expectError(() => takeRows(t, [0, 2]), RangeError, 'takeRows: idx[1] must be an integer in [0, 1] (t has 2 rows), received 2');
    expectError(() => takeRows(t, [-1]), RangeError, 'takeRows: idx[0] must be an integer in [0, 1] (t has 2 rows), received -1');
    expectError(() => takeRows(t, [0.5]), RangeError, 'takeRows: idx[0] must be an integer in [0, 1] (t has 2 rows), received 0.5');
    expectError(() => takeRows(t, []), RangeError, 'takeRows: idx must be a non-empty array of row indices, received [] (array of length 0)');
    expectError(
      () => takeRows(t, 1 as unknown as number[]),
      TypeError,
      'takeRows: idx must be a non-empty array of row indices, received 1',
    );
    expectError(
      () => takeRows([[1]] as unknown as Tensor, [0]),
      TypeError,
      'takeRows: t must be a Tensor, received [[1] (array of length 1)] (array of length 1)',
    );
    expectError(() => takeRows(tensor(3), [0]), RangeError, 'takeRows: t must have at least one axis, received a scalar tensor');
  });
});

describe('DataLoader', () => {
  it('yields ceil(N / B) aligned batches covering every row once per epoch', () => {
    const loader = new DataLoader(ids(10), { batchSize: 4, rng: rng(7) });
    expect(loader.length).toBe(3);
    const seen: number[] = [];
    const shapes: number[][] = [];
    for (const { X, y } of loader) {
      shapes.push(X.shape, y.shape);
      for (let i = 0; i < y.size; i++) {
        expect(X.data[2 * i]).toBe(y.data[i]);
        expect(X.data[2 * i + 1]).toBe(10 * y.data[i]);
        seen.push(y.data[i]);
      }
    }
    expect(shapes).toEqual([[4, 2], [4], [4, 2], [4], [2, 2], [2]]);
    expect(sorted(seen)).toEqual(range(10));
    expect(seen).not.toEqual(range(10));
  });

  it('draws a new order every epoch, reproducibly from the generator', () => {
    const order = (l: DataLoader): number[] => [...l].flatMap((b) => Array.from(b.y.data));
    const a = new DataLoader(ids(50), { batchSize: 8, rng: rng(1) });
    const b = new DataLoader(ids(50), { batchSize: 8, rng: rng(1) });
    const a1 = order(a);
    const a2 = order(a);
    expect(a2).not.toEqual(a1);
    expect(order(b)).toEqual(a1);
    expect(order(b)).toEqual(a2);
    // Without an rng each loader gets its own rng(DEFAULT_SEED).
    const c = new DataLoader(ids(50), { batchSize: 8 });
    const d = new DataLoader(ids(50), { batchSize: 8 });
    expect(order(c)).toEqual(order(d));
  });

  it('keeps the data order without shuffle and drops a short last batch with dropLast', () => {
    const plain = new DataLoader(ids(10), { batchSize: 4, shuffle: false });
    expect([...plain].map((b) => Array.from(b.y.data))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    const dropped = new DataLoader(ids(10), { batchSize: 4, dropLast: true, rng: rng(2) });
    expect(dropped.length).toBe(2);
    const batchesSeen = [...dropped];
    expect(batchesSeen.map((b) => b.X.shape)).toEqual([
      [4, 2],
      [4, 2],
    ]);
    const exact = new DataLoader(ids(12), { batchSize: 4, dropLast: true });
    expect(exact.length).toBe(3);
    expect([...exact].length).toBe(3);
    expect(new DataLoader(ids(12), { batchSize: 5 }).length).toBe(3);
    expect(new DataLoader(ids(3), { batchSize: 5 }).length).toBe(1);
  });

  it('rejects bad data and options', () => {
    const data = ids(5);
    expectError(
      () => new DataLoader(data, undefined as unknown as { batchSize: number }),
      TypeError,
      'DataLoader: options must be an object with at least batchSize, received undefined',
    );
    expectError(
      () => new DataLoader(data, {} as { batchSize: number }),
      TypeError,
      'DataLoader: batchSize must be an integer >= 1, received undefined',
    );
    expectError(() => new DataLoader(data, { batchSize: 0 }), RangeError, 'DataLoader: batchSize must be an integer >= 1, received 0');
    expectError(
      () => new DataLoader(data, { batch_size: 2 } as unknown as { batchSize: number }),
      TypeError,
      'DataLoader: unknown option "batch_size" (did you mean "batchSize"?); expected one of batchSize, shuffle, rng, dropLast',
    );
    expectError(
      () => new DataLoader(data, { batchSize: 2, shuffle: 'yes' as unknown as boolean }),
      TypeError,
      'DataLoader: shuffle must be true or false, received "yes"',
    );
    expectError(
      () => new DataLoader(data, { batchSize: 2, dropLast: 1 as unknown as boolean }),
      TypeError,
      'DataLoader: dropLast must be true or false, received 1',
    );
    expectError(
      () => new DataLoader(data, { batchSize: 2, rng: 42 as unknown as () => number }),
      TypeError,
      'DataLoader: rng must be a function returning numbers in [0, 1), e.g. rng(0), received 42',
    );
    expectError(
      () => new DataLoader(data, { batchSize: 6, dropLast: true }),
      RangeError,
      'DataLoader: batchSize must be <= the number of examples (5) when dropLast is true, received 6 (every batch would be dropped)',
    );
    expectError(
      () => new DataLoader({ X: data.X, y: tensor([1, 2]) }, { batchSize: 2 }),
      RangeError,
      'DataLoader: data.X and data.y must have the same number of rows, received 5 and 2',
    );
    expectError(
      () => new DataLoader({ X: [[1]] as unknown as Tensor, y: data.y }, { batchSize: 2 }),
      TypeError,
      'DataLoader: data.X must be a Tensor, received [[1] (array of length 1)] (array of length 1)',
    );
    expectError(
      () => new DataLoader({ X: data.X, y: tensor(1) }, { batchSize: 2 }),
      RangeError,
      'DataLoader: data.y must be a tensor with at least one row, received a tensor of shape []',
    );
    expectError(
      () => new DataLoader({ X: tensor(new Float64Array(0), { shape: [0, 2] }), y: data.y }, { batchSize: 2 }),
      RangeError,
      'DataLoader: data.X must be a tensor with at least one row, received a tensor of shape [0, 2]',
    );
    expectError(
      () => new DataLoader(null as unknown as Dataset, { batchSize: 2 }),
      TypeError,
      'DataLoader: data must be an object { X, y } of two tensors, received null',
    );
  });
});
