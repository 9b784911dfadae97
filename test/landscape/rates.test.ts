/**
 * Momentum's factor per step, its stability limit and optimal tuning (chapter 07), the measured
 * rate (chapters 03 and 07) and SGD's noise floor (chapter 04). Oracles: the recursions iterated
 * by hand, the library's Tensor SGD through `trajectory`, a brute-force search, the 1-D closed
 * form of the floor and a Monte Carlo simulation with Gaussian gradient noise.
 */
import { describe, expect, it } from 'vitest';
import {
  conditionNumber,
  convergenceFactor,
  gradientDescentPath,
  illConditioned,
  measuredRate,
  momentumFactor,
  momentumStabilityLimit,
  noiseFloor,
  optimalMomentum,
  stationaryCovariance,
  trajectory,
} from '../../src/landscape';
import { randnFrom, rng } from '../../src/data';
import { SGD } from '../../src/optim';
import { expectError } from '../helpers/expect-error';

/** The factor per step of e_{t+1} = (1 + μ − ηλ) e_t − μ e_{t−1}, measured by iterating it. */
function iterated(lr: number, lambda: number, mu: number, steps = 20_000): number {
  let [e, prev] = [1, 1];
  let log = 0;
  let logMid = 0;
  for (let t = 1; t <= steps; t++) {
    [e, prev] = [(1 + mu - lr * lambda) * e - mu * prev, e];
    const size = Math.hypot(e, prev);
    log += Math.log(size);
    e /= size;
    prev /= size;
    if (t === steps / 2) logMid = log;
  }
  return Math.exp((log - logMid) / (steps / 2));
}

describe('momentumFactor (chapter 07)', () => {
  it('is the factor per step of the momentum recursion, real and complex roots alike', () => {
    for (const [lr, lambda, mu] of [[0.1, 1, 0], [0.5, 1, 0.5], [1.9, 1, 0.9], [0.05, 10, 0.3], [3.5, 1, 0.9], [0.01, 1, 0.99]]) {
      expect(momentumFactor(lr, lambda, mu)).toBeCloseTo(iterated(lr, lambda, mu), 3);
    }
  });

  it('without momentum it is gradient descent’s |1 − ηλ|; with complex roots it is √μ', () => {
    for (const lr of [0.05, 0.3, 0.9, 1.5]) expect(momentumFactor(lr, 2, 0)).toBeCloseTo(convergenceFactor(lr, 2), 14);
    expect(momentumFactor(1, 1, 0.81)).toBeCloseTo(0.9, 14);
  });

  it('with Nesterov it is the factor of e_{t+1} = (1 + μ)(1 − ηλ)e_t − μ(1 − ηλ)e_{t−1}, measured on the library’s SGD', () => {
    for (const [lr, mu] of [[0.5, 0.9], [1.2, 0.9], [1.3, 0.5], [0.05, 0.3]]) {
      const measured = measuredRate({ hessian: [[1]], lr, momentum: mu, nesterov: true, steps: 4000 });
      expect(momentumFactor(lr, 1, mu, true)).toBeCloseTo(measured, 2);
    }
    for (const mu of [0.3, 0.9]) {
      const limit = momentumStabilityLimit(mu, true);
      expect(limit).toBeCloseTo((2 + 2 * mu) / (1 + 2 * mu), 14);
      expect(momentumFactor(0.999 * limit, 1, mu, true)).toBeLessThan(1);
      expect(momentumFactor(1.001 * limit, 1, mu, true)).toBeGreaterThan(1);
    }
  });

  it('the error shrinks exactly for 0 < ηλ < 2 + 2μ', () => {
    for (const mu of [0, 0.5, 0.9]) {
      const limit = momentumStabilityLimit(mu);
      expect(limit).toBe(2 + 2 * mu);
      expect(momentumFactor(0.999 * limit, 1, mu)).toBeLessThan(1);
      expect(momentumFactor(1.001 * limit, 1, mu)).toBeGreaterThan(1);
    }
    expectError(() => momentumFactor(0.1, 1, 1), RangeError, 'momentumFactor: momentum must be a number in [0, 1), received 1');
  });
});

describe('optimalMomentum (chapter 07)', () => {
  const H = illConditioned({ kappa: 50, angle: Math.PI / 6 }).hessian([0, 0]);

  it('gives (√κ − 1)/(√κ + 1) at both ends of the spectrum', () => {
    const best = optimalMomentum(H);
    const r = (Math.sqrt(50) - 1) / (Math.sqrt(50) + 1);
    expect(best.rate).toBeCloseTo(r, 12);
    expect(best.momentum).toBeCloseTo(r * r, 12);
    expect(momentumFactor(best.lr, 1, best.momentum)).toBeCloseTo(r, 6);
    expect(momentumFactor(best.lr, 50, best.momentum)).toBeCloseTo(r, 6);
    expect(optimalMomentum({ lambdaMax: 50, lambdaMin: 1 })).toEqual(best);
    expect(conditionNumber(H)).toBeCloseTo(50, 10);
  });

  it('no (η, μ) on a fine grid has a smaller worst-case factor', () => {
    const best = optimalMomentum({ lambdaMax: 50, lambdaMin: 1 });
    let smallest = Infinity;
    for (let i = 1; i <= 200; i++) {
      for (let j = 0; j < 100; j++) {
        const [lr, mu] = [(0.1 * i) / 200, j / 100];
        // The worst case over λ ∈ [1, 50] is at an end of the interval or where the roots turn complex.
        const worst = Math.max(...[1, 50].map((l) => momentumFactor(lr, l, mu)));
        smallest = Math.min(smallest, worst);
      }
    }
    expect(smallest).toBeGreaterThan(best.rate - 1e-9);
    expect(smallest).toBeLessThan(best.rate + 0.01);
  });

  it('error messages', () => {
    expectError(() => optimalMomentum([[1, 0], [0, -1]]), RangeError, /optimalMomentum: hessian must be positive definite/);
    expectError(() => conditionNumber([[0]]), RangeError, /conditionNumber: matrix must be positive definite/);
  });
});

describe('measuredRate (chapters 03 and 07)', () => {
  const valley = illConditioned({ kappa: 50, angle: Math.PI / 6 });
  const H = valley.hessian([0, 0]);

  it('matches the predicted factor of gradient descent, momentum and the tuned momentum', () => {
    expect(measuredRate({ hessian: H, lr: 0.02, start: [-2.5, 2] })).toBeCloseTo(0.98, 4);
    expect(measuredRate({ hessian: H, lr: 0.041, start: [-2.5, 2] })).toBeCloseTo(50 * 0.041 - 1, 3);
    const best = optimalMomentum(H);
    expect(measuredRate({ hessian: H, lr: best.lr, momentum: best.momentum, start: [-2.5, 2] })).toBeCloseTo(best.rate, 2);
    expect(measuredRate({ hessian: [[1]], lr: 3.7, momentum: 0.9 })).toBeCloseTo(momentumFactor(3.7, 1, 0.9), 2);
  });

  it('runs the same steps as the Tensor SGD (checked through its trajectory)', () => {
    const steps = 60;
    const run = trajectory({ f: valley.tensorF, start: [-2.5, 2], steps, optimizer: (p) => new SGD(p, { lr: 0.03, momentum: 0.8, nesterov: true }) });
    const norm = (t: number): number => Math.hypot(...run.points[t], ...run.points[t - 1]);
    const fromPath = (norm(steps) / norm(steps / 2)) ** (2 / steps);
    expect(measuredRate({ hessian: H, lr: 0.03, momentum: 0.8, nesterov: true, start: [-2.5, 2], steps })).toBeCloseTo(fromPath, 12);
  });

  it('stops before under- or overflow and still reports the rate', () => {
    expect(measuredRate({ hessian: [[1]], lr: 0.5, steps: 5000 })).toBeCloseTo(0.5, 10);
    expect(measuredRate({ hessian: [[1]], lr: 3, steps: 5000 })).toBeCloseTo(2, 10);
    expect(measuredRate({ hessian: [[2]], lr: 0.5 })).toBe(0); // lands on the minimum in one step
    expectError(() => measuredRate({ hessian: [[1]], lr: 0.1, nesterov: true }), RangeError, 'measuredRate: nesterov needs momentum > 0, received momentum 0');
  });
});

describe('gradientDescentPath with momentum (chapter 06)', () => {
  it('takes the steps of the Tensor SGD with momentum and Nesterov (checked through trajectory)', () => {
    const valley = illConditioned({ kappa: 10, angle: 0.4 });
    for (const nesterov of [false, true]) {
      const run = trajectory({ f: valley.tensorF, start: [1, -2], steps: 40, optimizer: (p) => new SGD(p, { lr: 0.05, momentum: 0.8, nesterov }) });
      const path = gradientDescentPath((t: number[]) => valley.grad(t), [1, -2], 0.05, 40, { momentum: 0.8, nesterov });
      path.forEach((p, t) => p.forEach((v, i) => expect(v).toBeCloseTo(run.points[t][i], 12)));
    }
  });

  it('in 1-D follows the recursion x_{t+1} = x_t + μ(x_t − x_{t−1}) − η f′(x_t)', () => {
    const [lr, mu] = [0.1, 0.7];
    const path = gradientDescentPath((x: number) => 3 * x, 1, lr, 30, { momentum: mu });
    let [prev, x] = [1, 1 - lr * 3];
    expect(path[1]).toBeCloseTo(x, 14);
    for (let t = 2; t <= 30; t++) {
      [prev, x] = [x, x + mu * (x - prev) - lr * 3 * x];
      expect(path[t]).toBeCloseTo(x, 12);
    }
    expectError(() => gradientDescentPath((x: number) => x, 1, 0.1, 3, { nesterov: true }), RangeError, 'gradientDescentPath: nesterov needs momentum > 0, received momentum 0');
    expectError(() => gradientDescentPath((x: number) => x, 1, 0.1, 3, { beta: 1 } as never), TypeError, /gradientDescentPath: unknown option "beta"/);
  });
});

describe('noiseFloor (chapter 04)', () => {
  it('in 1-D is η s² / (2(2 − ηa))', () => {
    for (const lr of [0.01, 0.1, 0.5]) {
      expect(noiseFloor({ hessian: [[2]], noise: [[3]], lr })).toBeCloseTo((lr * 3) / (2 * (2 - lr * 2)), 12);
    }
  });

  it('stationaryCovariance solves P = A P Aᵀ + Q', () => {
    const A = [[0.9, 0.05], [0.02, 0.7]];
    const Q = [[1, 0.3], [0.3, 2]];
    const P = stationaryCovariance(A, Q);
    const APAt = A.map((_, i) => A.map((__, j) => A[i].reduce((s, a, k) => s + a * A[j].reduce((u, b, l) => u + P[k][l] * b, 0), 0)));
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(APAt[i][j] + Q[i][j]).toBeCloseTo(P[i][j], 10);
  });

  it('matches a simulation of θ ← θ − η(Hθ + ξ) with Gaussian noise of covariance Σ', () => {
    const H = [[2, 0.6], [0.6, 0.8]];
    const S = [[1, 0.4], [0.4, 0.5]];
    const lr = 0.2;
    const randn = randnFrom(rng(3));
    const [c11, c21] = [1, 0.4];
    const c22 = Math.sqrt(0.5 - 0.16);
    let [x, y] = [0, 0];
    let sum = 0;
    const steps = 200_000;
    for (let t = 0; t < steps; t++) {
      const [z1, z2] = [randn(), randn()];
      const [n1, n2] = [c11 * z1, c21 * z1 + c22 * z2];
      [x, y] = [x - lr * (H[0][0] * x + H[0][1] * y + n1), y - lr * (H[1][0] * x + H[1][1] * y + n2)];
      sum += 0.5 * (x * (H[0][0] * x + H[0][1] * y) + y * (H[1][0] * x + H[1][1] * y));
    }
    expect(sum / steps / noiseFloor({ hessian: H, noise: S, lr })).toBeCloseTo(1, 1);
  });

  it('has no floor beyond 2/λ_max', () => {
    expectError(() => noiseFloor({ hessian: [[4]], noise: [[1]], lr: 0.5 }), RangeError, 'noiseFloor: lr must be below 2/λ_max = 0.5 for a floor to exist, received 0.5');
  });
});
