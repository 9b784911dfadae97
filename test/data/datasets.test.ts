import { describe, expect, it } from 'vitest';
import { BLOBS_RADIUS, blobs, linearData, spirals, twoMoons, xorData } from '../../src/data';
import { Tensor } from '../../src/tensor';
import { expectError } from '../helpers/expect-error';


const rowsOf = (t: Tensor, d: number): number[][] =>
  Array.from({ length: t.shape[0] }, (_, i) => Array.from(t.data.subarray(i * d, (i + 1) * d)));

function countLabels(y: Tensor, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const v of y.data) counts[v]++;
  return counts;
}

function meanStd(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const v = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(v) };
}

const same = (a: Tensor, b: Tensor): boolean => a.data.length === b.data.length && a.data.every((v, i) => v === b.data[i]);

describe('linearData', () => {
  it('has shapes [N, D] and [N], X uniform in [-1, 1) (mean 0, variance 1/3)', () => {
    const { X, y } = linearData({ n: 50000, w: [1, -2, 3], seed: 1 });
    expect(X.shape).toEqual([50000, 3]);
    expect(y.shape).toEqual([50000]);
    expect(X.data.every((v) => v >= -1 && v < 1)).toBe(true);
    const { mean, std } = meanStd(Array.from(X.data));
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std * std - 1 / 3)).toBeLessThan(0.005);
  });

  it('without noise, y = X·w + b exactly; with noise σ the residuals have mean 0 and sd σ', () => {
    const w = [0.5, -1.5];
    const clean = linearData({ n: 100, w, b: 3, noise: 0, seed: 2 });
    rowsOf(clean.X, 2).forEach((x, i) => expect(clean.y.data[i]).toBeCloseTo(0.5 * x[0] - 1.5 * x[1] + 3, 12));
    const noisy = linearData({ n: 100000, w, b: 3, noise: 0.3, seed: 2 });
    const res = rowsOf(noisy.X, 2).map((x, i) => noisy.y.data[i] - (0.5 * x[0] - 1.5 * x[1] + 3));
    const { mean, std } = meanStd(res);
    expect(Math.abs(mean)).toBeLessThan(0.005); // sd 0.001
    expect(Math.abs(std - 0.3)).toBeLessThan(0.005); // sd 0.0007
  });

  it('accepts a number as w (D = 1) and has documented defaults', () => {
    expect(linearData({ w: 4, n: 7 }).X.shape).toEqual([7, 1]);
    const d = linearData();
    expect(d.X.shape).toEqual([100, 1]);
    expect(same(d.X, linearData({ seed: 0 }).X)).toBe(true);
  });

  it('repeats for the same seed and differs for another', () => {
    const a = linearData({ n: 20, seed: 9 });
    const b = linearData({ n: 20, seed: 9 });
    const c = linearData({ n: 20, seed: 10 });
    expect(same(a.X, b.X) && same(a.y, b.y)).toBe(true);
    expect(same(a.X, c.X)).toBe(false);
  });

  it('rejects bad options', () => {
    expectError(() => linearData({ n: 0 }), RangeError, 'linearData: n must be an integer >= 1, received 0');
    expectError(() => linearData({ n: 2.5 }), RangeError, 'linearData: n must be an integer >= 1, received 2.5');
    expectError(() => linearData({ w: [] }), RangeError, 'linearData: w must be a non-empty array of numbers, received [] (array of length 0)');
    expectError(() => linearData({ w: 'a' as unknown as number }), TypeError, 'linearData: w must be a number or an array of numbers, received "a"');
    expectError(() => linearData({ w: [1, NaN] }), RangeError, 'linearData: w[1] must be a finite number, received NaN');
    expectError(() => linearData({ b: Infinity }), RangeError, 'linearData: b must be a finite number, received Infinity');
    expectError(() => linearData({ noise: -1 }), RangeError, 'linearData: noise must be a finite number >= 0, received -1');
    expectError(() => linearData({ seed: 0.5 }), RangeError, 'linearData: seed must be an integer with |seed| <= 2^53 - 1, received 0.5');
    expectError(
      () => linearData({ weights: [1] } as unknown as object),
      TypeError,
      'linearData: unknown option "weights"; expected one of n, w, b, noise, seed',
    );
    expectError(() => linearData(null as unknown as object), TypeError, 'linearData: options must be an object, received null');
  });
});

describe('blobs', () => {
  it('splits N as evenly as possible over the classes, labels 0..K-1 grouped by class', () => {
    const d = blobs({ n: 10, centers: 3, seed: 0 });
    expect(d.X.shape).toEqual([10, 2]);
    expect(Array.from(d.y.data)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(countLabels(blobs().y, 3)).toEqual([100, 100, 100]);
  });

  it('places K centres on the circle of radius BLOBS_RADIUS with spread std', () => {
    const k = 4;
    const d = blobs({ n: 40000, centers: k, std: 0.5, seed: 3 });
    const rows = rowsOf(d.X, 2);
    for (let c = 0; c < k; c++) {
      const mine = rows.filter((_, i) => d.y.data[i] === c);
      const cx = BLOBS_RADIUS * Math.cos((2 * Math.PI * c) / k);
      const cy = BLOBS_RADIUS * Math.sin((2 * Math.PI * c) / k);
      const sx = meanStd(mine.map((p) => p[0]));
      const sy = meanStd(mine.map((p) => p[1]));
      expect(Math.abs(sx.mean - cx)).toBeLessThan(0.02); // sd 0.005
      expect(Math.abs(sy.mean - cy)).toBeLessThan(0.02);
      expect(Math.abs(sx.std - 0.5)).toBeLessThan(0.015);
      expect(Math.abs(sy.std - 0.5)).toBeLessThan(0.015);
    }
  });

  it('accepts explicit centres in any dimension and one std per blob', () => {
    const centers = [
      [1, 2, 3],
      [-1, 0, 5],
    ];
    const exact = blobs({ n: 6, centers, std: 0, seed: 1 });
    expect(exact.X.shape).toEqual([6, 3]);
    expect(rowsOf(exact.X, 3)).toEqual([centers[0], centers[0], centers[0], centers[1], centers[1], centers[1]]);
    const d = blobs({ n: 20000, centers, std: [0.1, 2], seed: 1 });
    const rows = rowsOf(d.X, 3);
    expect(Math.abs(meanStd(rows.slice(0, 10000).map((p) => p[2])).std - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(meanStd(rows.slice(10000).map((p) => p[2])).std - 2)).toBeLessThan(0.1);
  });

  it('repeats for the same seed and differs for another', () => {
    expect(same(blobs({ seed: 4 }).X, blobs({ seed: 4 }).X)).toBe(true);
    expect(same(blobs({ seed: 4 }).X, blobs({ seed: 5 }).X)).toBe(false);
  });

  it('rejects bad options', () => {
    expectError(() => blobs({ centers: 0 }), RangeError, 'blobs: centers must be an integer >= 1, received 0');
    expectError(
      () => blobs({ centers: [] }),
      RangeError,
      'blobs: centers must be a count >= 1 or a non-empty array of points of equal length, received [] (array of length 0)',
    );
    expectError(
      () => blobs({ centers: 'x' as unknown as number }),
      TypeError,
      'blobs: centers must be a count >= 1 or a non-empty array of points of equal length, received "x"',
    );
    expectError(
      () => blobs({ centers: [[0, 0], [1]] }),
      RangeError,
      'blobs: centers[1] must be an array of 2 (like centers[0]) numbers, received [1] (array of length 1)',
    );
    expectError(() => blobs({ centers: [[0, 0], 3 as unknown as number[]] }), TypeError, 'blobs: centers[1] must be an array of numbers, received 3');
    expectError(() => blobs({ centers: [[0, 0], [1, NaN]] }), RangeError, 'blobs: centers[1][1] must be a finite number, received NaN');
    expectError(() => blobs({ std: -1 }), RangeError, 'blobs: std must be a finite number >= 0, received -1');
    expectError(
      () => blobs({ std: [1, 2] }),
      RangeError,
      'blobs: std must be a number >= 0 or an array of 3 numbers (one per center), received [1, 2] (array of length 2)',
    );
    expectError(() => blobs({ std: [1, 2, -3] }), RangeError, 'blobs: std[2] must be a finite number >= 0, received -3');
    expectError(() => blobs({ n: 2 }), RangeError, 'blobs: n must be at least the number of centers (3), received 2');
    expectError(() => blobs({ n: -1 }), RangeError, 'blobs: n must be an integer >= 1, received -1');
    expectError(() => blobs({ seed: '1' as unknown as number }), TypeError, 'blobs: seed must be an integer, received "1"');
    expectError(() => blobs({ center: 3 } as unknown as object), TypeError, 'blobs: unknown option "center"; expected one of n, centers, std, seed');
  });
});

describe('twoMoons', () => {
  it('matches scikit-learn make_moons(4, shuffle=False) without noise', () => {
    // sklearn: [[1, 0], [-1, 0], [0, 0.5], [2, 0.5]] with labels [0, 0, 1, 1].
    const d = twoMoons({ n: 4, noise: 0 });
    const expected = [1, 0, -1, 0, 0, 0.5, 2, 0.5];
    expected.forEach((v, i) => expect(d.X.data[i]).toBeCloseTo(v, 12));
    expect(Array.from(d.y.data)).toEqual([0, 0, 1, 1]);
  });

  it('puts class 0 on the upper unit half circle and class 1 on the shifted lower one', () => {
    const d = twoMoons({ n: 201, noise: 0 });
    expect(countLabels(d.y, 2)).toEqual([100, 101]);
    rowsOf(d.X, 2).forEach(([x, y], i) => {
      if (d.y.data[i] === 0) {
        expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
        expect(y).toBeGreaterThanOrEqual(-1e-12);
      } else {
        expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 12);
        expect(y).toBeLessThanOrEqual(0.5 + 1e-12);
      }
    });
  });

  it('adds Gaussian noise of sd σ to both coordinates; seeds matter only with noise', () => {
    const clean = twoMoons({ n: 40000, noise: 0 });
    const noisy = twoMoons({ n: 40000, noise: 0.2, seed: 6 });
    const diff = Array.from(noisy.X.data, (v, i) => v - clean.X.data[i]);
    const { mean, std } = meanStd(diff);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(std - 0.2)).toBeLessThan(0.005);
    expect(same(twoMoons({ noise: 0, seed: 1 }).X, twoMoons({ noise: 0, seed: 2 }).X)).toBe(true);
    expect(same(twoMoons({ seed: 1 }).X, twoMoons({ seed: 1 }).X)).toBe(true);
    expect(same(twoMoons({ seed: 1 }).X, twoMoons({ seed: 2 }).X)).toBe(false);
    expect(twoMoons().X.shape).toEqual([200, 2]);
  });

  it('rejects bad options', () => {
    expectError(() => twoMoons({ n: 1 }), RangeError, 'twoMoons: n must be an integer >= 2, received 1');
    expectError(() => twoMoons({ noise: -0.1 }), RangeError, 'twoMoons: noise must be a finite number >= 0, received -0.1');
    expectError(() => twoMoons({ seed: Infinity }), RangeError, 'twoMoons: seed must be an integer with |seed| <= 2^53 - 1, received Infinity');
    expectError(() => twoMoons({ noize: 1 } as unknown as object), TypeError, 'twoMoons: unknown option "noize"; expected one of n, noise, seed');
  });
});

describe('spirals', () => {
  it('has n points per class with r = t evenly spaced in [0, 1], even with noise', () => {
    const d = spirals({ n: 50, classes: 4, noise: 0.3, seed: 2 });
    expect(d.X.shape).toEqual([200, 2]);
    expect(d.y.shape).toEqual([200]);
    expect(countLabels(d.y, 4)).toEqual([50, 50, 50, 50]);
    rowsOf(d.X, 2).forEach(([x, y], row) => expect(Math.hypot(x, y)).toBeCloseTo((row % 50) / 49, 12));
  });

  it('without noise, ends at angle 4 + 2πk/K and class k is class 0 rotated by 2πk/K', () => {
    const K = 3;
    const n = 30;
    const d = spirals({ n, classes: K, noise: 0 });
    const rows = rowsOf(d.X, 2);
    for (let k = 0; k < K; k++) {
      const end = rows[k * n + n - 1];
      const a = 4 + (2 * Math.PI * k) / K;
      expect(end[0]).toBeCloseTo(Math.cos(a), 12);
      expect(end[1]).toBeCloseTo(Math.sin(a), 12);
      const phi = (2 * Math.PI * k) / K;
      for (let i = 0; i < n; i++) {
        const [x0, y0] = rows[i];
        const [x, y] = rows[k * n + i];
        expect(x).toBeCloseTo(x0 * Math.cos(phi) - y0 * Math.sin(phi), 12);
        expect(y).toBeCloseTo(x0 * Math.sin(phi) + y0 * Math.cos(phi), 12);
      }
    }
  });

  it('perturbs the angle by Gaussian noise of sd σ', () => {
    const n = 20000;
    const clean = rowsOf(spirals({ n, classes: 2, noise: 0 }).X, 2);
    const noisy = rowsOf(spirals({ n, classes: 2, noise: 0.2, seed: 8 }).X, 2);
    const dTheta: number[] = [];
    noisy.forEach(([x, y], i) => {
      if (i % n === 0) return; // r = 0: no angle
      const [cx, cy] = clean[i];
      dTheta.push(Math.atan2(cx * y - cy * x, cx * x + cy * y)); // signed angle between the two points
    });
    const { mean, std } = meanStd(dTheta);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std - 0.2)).toBeLessThan(0.005);
  });

  it('has defaults (100 per class, 3 classes), a single point per class at the origin, seeds', () => {
    expect(spirals().X.shape).toEqual([300, 2]);
    expect(Array.from(spirals({ n: 1, classes: 2 }).X.data).map(Math.abs)).toEqual([0, 0, 0, 0]);
    expect(same(spirals({ seed: 3 }).X, spirals({ seed: 3 }).X)).toBe(true);
    expect(same(spirals({ seed: 3 }).X, spirals({ seed: 4 }).X)).toBe(false);
  });

  it('rejects bad options', () => {
    expectError(() => spirals({ classes: 0 }), RangeError, 'spirals: classes must be an integer >= 1, received 0');
    expectError(() => spirals({ n: 0 }), RangeError, 'spirals: n must be an integer >= 1, received 0');
    expectError(() => spirals({ noise: NaN }), RangeError, 'spirals: noise must be a finite number, received NaN');
    expectError(() => spirals({ noise: '0' as unknown as number }), TypeError, 'spirals: noise must be a number, received "0"');
    expectError(
      () => spirals({ Classes: 2 } as unknown as object),
      TypeError,
      'spirals: unknown option "Classes" (did you mean "classes"?); expected one of n, classes, noise, seed',
    );
  });
});

describe('xorData', () => {
  it('labels 1 exactly when the coordinates have opposite signs; classes are balanced', () => {
    const d = xorData({ n: 20000, seed: 1 });
    expect(d.X.shape).toEqual([20000, 2]);
    let wrong = 0;
    rowsOf(d.X, 2).forEach(([a, b], i) => {
      if (d.y.data[i] !== (a * b < 0 ? 1 : 0) || a < -1 || a >= 1 || b < -1 || b >= 1) wrong++;
    });
    expect(wrong).toBe(0);
    expect(Math.abs(countLabels(d.y, 2)[1] / 20000 - 0.5)).toBeLessThan(0.02); // sd 0.0035
  });

  it('adds noise after labelling; same seed same data', () => {
    const clean = xorData({ n: 1000, seed: 2 });
    const noisy = xorData({ n: 1000, noise: 0.5, seed: 2 });
    expect(same(clean.X, noisy.X)).toBe(false);
    expect(same(xorData({ seed: 2 }).X, xorData({ seed: 2 }).X)).toBe(true);
    expect(same(xorData({ seed: 2 }).X, xorData({ seed: 3 }).X)).toBe(false);
  });

  it('rejects bad options', () => {
    expectError(() => xorData({ n: 0 }), RangeError, 'xorData: n must be an integer >= 1, received 0');
    expectError(() => xorData({ noise: -2 }), RangeError, 'xorData: noise must be a finite number >= 0, received -2');
    expectError(() => xorData({ seed: -0.5 }), RangeError, 'xorData: seed must be an integer with |seed| <= 2^53 - 1, received -0.5');
    expectError(() => xorData([] as unknown as object), TypeError, 'xorData: options must be an object, received [] (array of length 0)');
  });
});

describe('size', () => {
  // Wall time is never asserted (DEVELOPERS.md: the machine is shared); the benchmark compares speeds.
  it('generates 10^5 points of every data set', () => {
    expect(linearData({ n: 100000, w: [1, 2, 3, 4, 5] }).X.shape[0]).toBe(100000);
    expect(blobs({ n: 100000 }).X.shape[0]).toBe(100000);
    expect(twoMoons({ n: 100000 }).X.shape[0]).toBe(100000);
    expect(spirals({ n: 100000 / 4, classes: 4 }).X.shape[0]).toBe(100000);
    expect(xorData({ n: 100000, noise: 0.1 }).X.shape[0]).toBe(100000);
  });
});
