import { describe, expect, it } from 'vitest';
import {
  compareOptimizers,
  convergenceFactor,
  eigenvalues2x2,
  gradientDescentPath,
  illConditioned,
  lipschitzConstant,
  maxStableLearningRate,
  nonConvex1D,
  optimalLearningRate,
  quadratic,
  rosenbrock,
  saddle,
  symmetricEigenvalues,
  trajectory,
} from '../../src/landscape';
import { Adam, SGD, StepLR } from '../../src/optim';
import { tensor } from '../../src/tensor';
import type { Tensor } from '../../src/tensor';

/** Oracles: the closed form x_t = (1 − ηa)^t x₀, characteristic polynomials, hand-written recursions. */

describe('gradientDescentPath (chapter 03)', () => {
  it('on f = a x²/2 gives x_t = (1 − ηa)^t x₀', () => {
    const a = 3;
    const lr = 0.1;
    const path = gradientDescentPath((x) => a * x, 2, lr, 20);
    expect(path).toHaveLength(21);
    path.forEach((x, t) => expect(x).toBeCloseTo((1 - lr * a) ** t * 2, 12));
  });

  it('converges for η < 2/a, oscillates at η = 2/a and diverges for η > 2/a', () => {
    const a = 4;
    const bound = 2 / a;
    const below = gradientDescentPath((x) => a * x, 1, 0.95 * bound, 200);
    expect(Math.abs(below[200])).toBeLessThan(1e-3);
    const at = gradientDescentPath((x) => a * x, 1, bound, 5);
    expect(at).toEqual([1, -1, 1, -1, 1, -1]);
    const above = gradientDescentPath((x) => a * x, 1, 1.05 * bound, 200);
    expect(Math.abs(above[200])).toBeGreaterThan(1e3);
    for (let t = 1; t <= 200; t++) expect(Math.abs(above[t])).toBeGreaterThan(Math.abs(above[t - 1]));
  });

  it('vectors: each coordinate of a diagonal quadratic follows its own factor', () => {
    const q = quadratic([1, 10]);
    const path = gradientDescentPath(q.grad, [3, 1], 0.15, 10);
    path.forEach((p, t) => {
      expect(p[0]).toBeCloseTo(3 * (1 - 0.15) ** t, 12);
      expect(p[1]).toBeCloseTo((1 - 1.5) ** t, 12);
    });
  });

  it('stops at the first non-finite iterate', () => {
    const path = gradientDescentPath((x) => x * x * x, 10, 1, 100);
    expect(path.length).toBeLessThan(101);
    expect(Number.isFinite(path[path.length - 1])).toBe(false);
  });

  it('the start point decides the minimum of the non-convex function (chapter 06)', () => {
    const L = nonConvex1D();
    const grad = (x: number) => L.grad([x])[0];
    expect(gradientDescentPath(grad, -1.8, 0.05, 400)[400]).toBeCloseTo(-1, 8);
    expect(gradientDescentPath(grad, -0.1, 0.05, 400)[400]).toBeCloseTo(-1, 8);
    expect(gradientDescentPath(grad, 0.1, 0.05, 400)[400]).toBeCloseTo(2, 8);
    expect(gradientDescentPath(grad, 2.9, 0.05, 400)[400]).toBeCloseTo(2, 8);
  });

  it('error messages', () => {
    expect(() => gradientDescentPath((x) => x, 1, -0.1, 3)).toThrow('gradientDescentPath: lr must be a finite number >= 0, received -0.1');
    expect(() => gradientDescentPath((x) => x, 1, 0.1, 1.5)).toThrow('gradientDescentPath: steps must be an integer >= 0, received 1.5');
    expect(() => gradientDescentPath(null as never, 1, 0.1, 3)).toThrow(
      'gradientDescentPath: grad must be a function returning the gradient, received null',
    );
    expect(() => gradientDescentPath((x: number[]) => [x[0]], [1, 2], 0.1, 3)).toThrow(
      'gradientDescentPath: grad(x) must be an array of 2 numbers (one per coordinate of x0), received [1] (array of length 1)',
    );
    expect(() => gradientDescentPath((x) => x, Number.NaN, 0.1, 3)).toThrow('gradientDescentPath: x0 must be a finite number, received NaN');
    expect(() => gradientDescentPath((x) => x, [] as never, 0.1, 3)).toThrow(
      'gradientDescentPath: x0 must be a finite number or a non-empty array of finite numbers, received [] (array of length 0)',
    );
  });
});

describe('trajectory with the real optimizers', () => {
  it('SGD on a 1-D quadratic follows the closed form, with losses f(x_t)', () => {
    const a = 2;
    const lr = 0.2;
    const L = quadratic(a);
    const run = trajectory({ f: L.tensorF, start: [1.5], optimizer: (p) => new SGD(p, { lr }), steps: 15 });
    expect(run.points).toHaveLength(16);
    expect(run.losses).toHaveLength(16);
    expect(run.diverged).toBe(false);
    run.points.forEach(([x], t) => {
      const want = (1 - lr * a) ** t * 1.5;
      expect(x).toBeCloseTo(want, 12);
      expect(run.losses[t]).toBeCloseTo((a * want * want) / 2, 12);
    });
  });

  it('SGD equals gradientDescentPath on Rosenbrock', () => {
    const L = rosenbrock();
    const run = trajectory({ f: L.tensorF, start: [-1, 2], optimizer: (p) => new SGD(p, { lr: 1e-3 }), steps: 50 });
    const plain = gradientDescentPath(L.grad, [-1, 2], 1e-3, 50);
    run.points.forEach((p, t) => {
      expect(p[0]).toBeCloseTo(plain[t][0], 10);
      expect(p[1]).toBeCloseTo(plain[t][1], 10);
    });
  });

  it('SGD with momentum follows the heavy-ball recursion v ← μv + g, x ← x − ηv', () => {
    const a = 5;
    const lr = 0.05;
    const mu = 0.9;
    const run = trajectory({ f: quadratic(a).tensorF, start: [1], optimizer: (p) => new SGD(p, { lr, momentum: mu }), steps: 30 });
    let x = 1;
    let b = 0;
    for (let t = 1; t <= 30; t++) {
      b = mu * b + a * x;
      x -= lr * b;
      expect(run.points[t][0]).toBeCloseTo(x, 12);
    }
  });

  it('divergence above 2/L stops the run and is reported', () => {
    const L = illConditioned({ kappa: 10 });
    const bound = maxStableLearningRate(L.hessian([0, 0]));
    expect(bound).toBeCloseTo(0.2, 15);
    const ok = trajectory({ f: L.tensorF, start: [2, 1], optimizer: (p) => new SGD(p, { lr: 0.95 * bound }), steps: 300 });
    expect(ok.diverged).toBe(false);
    expect(ok.losses[300]).toBeLessThan(1e-8);
    const bad = trajectory({ f: L.tensorF, start: [2, 1], optimizer: (p) => new SGD(p, { lr: 1.5 * bound }), steps: 5000 });
    expect(bad.diverged).toBe(true);
    expect(bad.points.length).toBeLessThan(5001);
    expect(bad.losses.length).toBe(bad.points.length);
  });

  it('GD started on the stable axis of the saddle walks into it; momentum leaves faster (chapter 06)', () => {
    const L = saddle();
    const start = [1.5, 1e-6];
    const gd = trajectory({ f: L.tensorF, start, optimizer: (p) => new SGD(p, { lr: 0.05 }), steps: 60 });
    const mom = trajectory({ f: L.tensorF, start, optimizer: (p) => new SGD(p, { lr: 0.05, momentum: 0.9 }), steps: 60 });
    expect(Math.abs(gd.points[60][0])).toBeLessThan(0.01);
    expect(Math.abs(gd.points[60][1])).toBeCloseTo(1e-6 * 1.1 ** 60, 12);
    expect(Math.abs(mom.points[60][1])).toBeGreaterThan(100 * Math.abs(gd.points[60][1]));
  });

  it('a learning-rate schedule is stepped after every step', () => {
    const run = trajectory({
      f: quadratic(1).tensorF,
      start: [1],
      optimizer: (p) => new SGD(p, { lr: 0.5 }),
      scheduler: (o) => new StepLR(o, { stepSize: 2, gamma: 0.1 }),
      steps: 4,
    });
    // lr 0.5, 0.5, 0.05, 0.05: factors 0.5, 0.5, 0.95, 0.95.
    const want = [1, 0.5, 0.25, 0.25 * 0.95, 0.25 * 0.95 * 0.95];
    run.points.forEach(([x], t) => expect(x).toBeCloseTo(want[t], 14));
  });

  it('compareOptimizers: one named run per optimizer from the same start', () => {
    const runs = compareOptimizers({
      f: rosenbrock().tensorF,
      start: [-1.5, 2],
      steps: 20,
      optimizers: { SGD: (p) => new SGD(p, { lr: 1e-3 }), Adam: (p) => new Adam(p, { lr: 0.05 }) },
    });
    expect(runs.map((r) => r.name)).toEqual(['SGD', 'Adam']);
    for (const r of runs) {
      expect(r.points[0]).toEqual([-1.5, 2]);
      expect(r.points).toHaveLength(21);
    }
    // Adam's first step moves every coordinate by lr (bias-corrected m̂/√ŝ = sign g).
    expect(Math.abs(runs[1].points[1][0] - -1.5)).toBeCloseTo(0.05, 6);
  });

  it('error messages', () => {
    const f = quadratic(1).tensorF;
    const optimizer = (p: Tensor[]) => new SGD(p, { lr: 0.1 });
    expect(() => trajectory({ f, start: [1], optimizer, steps: -1 })).toThrow('trajectory: steps must be an integer >= 0, received -1');
    expect(() => trajectory({ f, start: [], optimizer, steps: 1 })).toThrow(
      'trajectory: start must be a non-empty array of finite numbers, received [] (array of length 0)',
    );
    expect(() => trajectory({ f: 3 as never, start: [1], optimizer, steps: 1 })).toThrow(
      'trajectory: f must be a function (params: Tensor[]) => Tensor, received 3',
    );
    expect(() => trajectory({ f, start: [1], optimizer: () => ({}) as never, steps: 1 })).toThrow(
      /^trajectory: optimizer\(params\) must be an optimizer \(SGD, Adam, …\) built on the given params, received object$/,
    );
    const elsewhere = (p: Tensor[]) => new SGD([tensor(0, { requiresGrad: true }), ...p], { lr: 0.1 });
    expect(() => trajectory({ f, start: [1], optimizer: elsewhere, steps: 1 })).toThrow(
      'trajectory: optimizer must be built on the params it receives, e.g. (p) => new SGD(p, { lr: 0.1 })',
    );
    expect(() => trajectory({ f: (p) => p[0].reshape(1).add(tensor([0, 0])), start: [1], optimizer, steps: 1 })).toThrow(
      'trajectory: f(params) must be a scalar Tensor, received shape [2]',
    );
    expect(() => trajectory({ f: () => tensor(1), start: [1], optimizer, steps: 1 })).toThrow(
      /^trajectory: f\(params\) must be computed from the params \(so it has a gradient\), received .* without requiresGrad$/,
    );
    expect(() => trajectory({ f: () => 1 as never, start: [1], optimizer, steps: 1 })).toThrow(
      'trajectory: f(params) must be a Tensor, received 1',
    );
    expect(() => trajectory({ f, start: [1], optimizer, steps: 1, lr: 0.1 } as never)).toThrow(/trajectory: unknown option "lr"/);
    expect(() => compareOptimizers({ f, start: [1], steps: 1, optimizers: {} })).toThrow(
      'compareOptimizers: optimizers must be an object { name: (params) => optimizer } with at least one entry, received object',
    );
  });
});

describe('learning-rate bounds on a quadratic (chapter 03)', () => {
  it('eigenvalues2x2 solves the characteristic polynomial λ² − tr λ + det = 0', () => {
    for (const A of [[[2, 1], [1, 3]], [[1, 0], [0, 10]], [[0, 2], [2, 0]], [[-1, 0.5], [0.5, 4]]]) {
      const [l1, l2] = eigenvalues2x2(A);
      const tr = A[0][0] + A[1][1];
      const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
      expect(l1).toBeGreaterThanOrEqual(l2);
      for (const l of [l1, l2]) expect(l * l - tr * l + det).toBeCloseTo(0, 12);
    }
  });

  it('symmetricEigenvalues: the 3×3 second-difference matrix has 2 − √2, 2, 2 + √2', () => {
    const eig = symmetricEigenvalues([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]);
    expect(eig[0]).toBeCloseTo(2 + Math.SQRT2, 12);
    expect(eig[1]).toBeCloseTo(2, 12);
    expect(eig[2]).toBeCloseTo(2 - Math.SQRT2, 12);
    const d = symmetricEigenvalues([[3, 0, 0, 0], [0, -1, 0, 0], [0, 0, 7, 0], [0, 0, 0, 0.5]]);
    expect(d).toEqual([7, 3, 0.5, -1]);
  });

  it('L = λ_max, the bound 2/L, the best rate 2/(λ_max + λ_min) and its factor (κ − 1)/(κ + 1)', () => {
    const H = illConditioned({ kappa: 9, angle: 0.3 }).hessian([0, 0]);
    expect(lipschitzConstant(H)).toBeCloseTo(9, 12);
    expect(maxStableLearningRate(H)).toBeCloseTo(2 / 9, 12);
    expect(lipschitzConstant(-3)).toBe(3);
    expect(maxStableLearningRate(4)).toBe(0.5);
    const best = optimalLearningRate(H);
    expect(best).toBeCloseTo(0.2, 12);
    expect(convergenceFactor(best, 1)).toBeCloseTo(0.8, 12);
    expect(convergenceFactor(best, 9)).toBeCloseTo(0.8, 12);
    expect(convergenceFactor(0.1, 4)).toBeCloseTo(0.6, 15);
  });

  it('GD on the rotated bowl converges just below 2/L and diverges just above', () => {
    const L = illConditioned({ kappa: 20, angle: 0.4 });
    const bound = maxStableLearningRate(L.hessian([0, 0]));
    const below = gradientDescentPath(L.grad, [2, 2], 0.98 * bound, 2000);
    const above = gradientDescentPath(L.grad, [2, 2], 1.02 * bound, 2000);
    expect(L.f(below[2000])).toBeLessThan(1e-10);
    expect(L.f(above[2000])).toBeGreaterThan(1e6);
  });

  it('error messages', () => {
    expect(() => eigenvalues2x2([[1, 2, 3]])).toThrow('eigenvalues2x2: matrix[0] must be a row of 1 numbers (a square matrix), received [1, 2, 3] (array of length 3)');
    expect(() => eigenvalues2x2([[1]])).toThrow('eigenvalues2x2: matrix must be a 2×2 matrix, received [[1] (array of length 1)] (array of length 1)');
    expect(() => symmetricEigenvalues([[1, 2], [0, 1]])).toThrow(
      'symmetricEigenvalues: matrix must be symmetric, but matrix[0][1] = 2 and matrix[1][0] = 0',
    );
    expect(() => lipschitzConstant([])).toThrow(
      'lipschitzConstant: hessian must be a non-empty square symmetric matrix of finite numbers (an array of rows), received [] (array of length 0)',
    );
    expect(() => optimalLearningRate([[1, 0], [0, -1]])).toThrow(
      'optimalLearningRate: hessian must be positive definite (all eigenvalues > 0), received eigenvalues 1, -1',
    );
    expect(() => convergenceFactor(-1, 1)).toThrow('convergenceFactor: lr must be a finite number >= 0, received -1');
  });
});
