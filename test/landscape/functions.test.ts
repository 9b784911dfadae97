import { describe, expect, it } from 'vitest';
import {
  himmelblau,
  illConditioned,
  nonConvex1D,
  quadratic,
  quadraticForm,
  rosenbrock,
  saddle,
  landscapeFigure,
} from '../../src/landscape';
import type { Landscape } from '../../src/landscape';
import { tensor } from '../../src/tensor';
import { rng } from '../../src/data';

/** Oracles: central finite differences, Tensor autograd, and closed-form critical points. */

const all: [string, Landscape][] = [
  ['quadratic', quadratic([1, 4, 0.5], [1, -2, 0])],
  ['quadratic 1-D', quadratic(3)],
  ['quadraticForm', quadraticForm([[2, 0.5], [0.5, 1]], [1, 1])],
  ['illConditioned', illConditioned()],
  ['illConditioned rotated', illConditioned({ kappa: 25, angle: 0.7 })],
  ['rosenbrock', rosenbrock()],
  ['rosenbrock a=2 b=10', rosenbrock(2, 10)],
  ['saddle', saddle()],
  ['nonConvex1D', nonConvex1D()],
  ['himmelblau', himmelblau()],
];

/** Random points inside the landscape's plotting window. */
function samplePoints(L: Landscape, n: number, seed: number): number[][] {
  const r = rng(seed);
  const out: number[][] = [];
  for (let k = 0; k < n; k++) out.push(L.domain.map(([lo, hi]) => lo + (hi - lo) * r()));
  return out;
}

describe.each(all)('%s', (_name, L) => {
  const points = samplePoints(L, 12, 5);

  it('grad matches central finite differences of f', () => {
    const h = 1e-5;
    for (const p of points) {
      const g = L.grad(p);
      expect(g).toHaveLength(L.dim);
      for (let i = 0; i < L.dim; i++) {
        const up = p.slice();
        const down = p.slice();
        up[i] += h;
        down[i] -= h;
        const fd = (L.f(up) - L.f(down)) / (2 * h);
        expect(Math.abs(g[i] - fd)).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
      }
    }
  });

  it('hessian matches central finite differences of grad and is symmetric', () => {
    const h = 1e-5;
    for (const p of points) {
      const H = L.hessian(p);
      for (let j = 0; j < L.dim; j++) {
        const up = p.slice();
        const down = p.slice();
        up[j] += h;
        down[j] -= h;
        const gu = L.grad(up);
        const gd = L.grad(down);
        for (let i = 0; i < L.dim; i++) {
          const fd = (gu[i] - gd[i]) / (2 * h);
          expect(Math.abs(H[i][j] - fd)).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
          expect(H[i][j]).toBe(H[j][i]);
        }
      }
    }
  });

  it('tensorF gives f, and its backward pass gives grad', () => {
    for (const p of points) {
      const params = p.map((v) => tensor(v, { requiresGrad: true }));
      const loss = L.tensorF(params);
      expect(loss.size).toBe(1);
      expect(loss.item()).toBeCloseTo(L.f(p), 9);
      loss.backward();
      const g = L.grad(p);
      params.forEach((q, i) => expect(Math.abs((q.grad as { data: Float64Array }).data[0] - g[i])).toBeLessThan(1e-9 * (1 + Math.abs(g[i]))));
    }
  });

  it('its critical points have zero gradient and the right curvature', () => {
    const check = (p: readonly number[], kind: 'min' | 'max' | 'saddle') => {
      for (const gi of L.grad(p)) expect(Math.abs(gi)).toBeLessThan(1e-9);
      const H = L.hessian(p);
      if (L.dim === 1) {
        expect(kind === 'min' ? H[0][0] > 0 : H[0][0] < 0).toBe(true);
        return;
      }
      // 2×2 (or diagonal): det < 0 ⇔ saddle; det > 0 and trace > 0 ⇔ minimum; trace < 0 ⇔ maximum.
      const det = L.dim === 2 ? H[0][0] * H[1][1] - H[0][1] * H[1][0] : H.reduce((s, row, i) => s * row[i], 1);
      const trace = H.reduce((s, row, i) => s + row[i], 0);
      if (kind === 'saddle') expect(det).toBeLessThan(0);
      else {
        expect(det).toBeGreaterThan(0);
        expect(kind === 'min' ? trace > 0 : trace < 0).toBe(true);
      }
    };
    L.minima.forEach((p) => check(p, 'min'));
    L.maxima.forEach((p) => check(p, 'max'));
    L.saddles.forEach((p) => check(p, 'saddle'));
    expect(L.minima.length + L.maxima.length + L.saddles.length).toBeGreaterThan(0);
  });

  it('names itself in errors about θ and params', () => {
    const bad = new Array(L.dim + 1).fill(0);
    expect(() => L.f(bad)).toThrow(`${L.name}.f: theta must be an array of ${L.dim} finite number`);
    expect(() => L.grad([Number.NaN, 0].slice(0, L.dim))).toThrow(`${L.name}.grad: theta must be an array of ${L.dim}`);
    expect(() => L.tensorF([])).toThrow(`${L.name}.tensorF: params must be an array of ${L.dim} scalar Tensor`);
    expect(() => L.tensorF(new Array(L.dim).fill(tensor([1, 2])))).toThrow(
      `${L.name}.tensorF: params[0] must be a scalar Tensor, received shape [2]`,
    );
  });
});

describe('closed forms', () => {
  it('Rosenbrock: minimum 0 at (a, a²) with zero gradient', () => {
    expect(rosenbrock().f([1, 1])).toBe(0);
    expect(rosenbrock().grad([1, 1])).toEqual([0, 0]);
    expect(rosenbrock().minima).toEqual([[1, 1]]);
    expect(rosenbrock(2, 10).grad([2, 4])).toEqual([0, 0]);
    expect(rosenbrock().f([0, 0])).toBe(1);
    expect(rosenbrock().f([-1, 1])).toBe(4);
  });

  it('the non-convex 1-D function: minima −1 (f = 19/12) and 2 (f = −2/3), maximum 0 (f = 2)', () => {
    const L = nonConvex1D();
    expect(L.minima).toEqual([[2], [-1]]);
    expect(L.maxima).toEqual([[0]]);
    expect(L.f([-1])).toBeCloseTo(19 / 12, 14);
    expect(L.f([2])).toBeCloseTo(-2 / 3, 14);
    expect(L.f([0])).toBe(2);
    // f' = x(x + 1)(x − 2) vanishes exactly at the three points.
    for (const x of [-1, 0, 2]) expect(L.grad([x])[0]).toBe(0);
  });

  it("Himmelblau's four minima have f = 0", () => {
    for (const p of himmelblau().minima) expect(himmelblau().f(p)).toBeLessThan(1e-20);
    expect(himmelblau().f([3, 2])).toBe(0);
  });

  it('quadratic: ½ Σ aᵢ (θᵢ − cᵢ)², minimum at c', () => {
    const q = quadratic([2, 6], [1, -1]);
    expect(q.f([0, 0])).toBe(0.5 * (2 * 1 + 6 * 1));
    expect(q.minima).toEqual([[1, -1]]);
    expect(q.hessian([5, 5])).toEqual([[2, 0], [0, 6]]);
    expect(quadratic([1, -1]).saddles).toEqual([[0, 0]]);
    expect(quadratic([-1, -2]).maxima).toEqual([[0, 0]]);
  });

  it('illConditioned: ½(x² + κy²) at angle 0, the same eigenvalues when rotated', () => {
    expect(illConditioned({ kappa: 10 }).f([2, 1])).toBe(0.5 * (4 + 10));
    const H = illConditioned({ kappa: 25, angle: 0.7 }).hessian([0, 0]);
    const tr = H[0][0] + H[1][1];
    const det = H[0][0] * H[1][1] - H[0][1] ** 2;
    expect(tr).toBeCloseTo(26, 12);
    expect(det).toBeCloseTo(25, 12);
  });
});

describe('landscapeFigure', () => {
  it('2-D: a contour in the landscape window with its critical points marked', () => {
    const fig = landscapeFigure(himmelblau(), { paths: [{ name: 'p', points: [[0, 0], [1, 1]] }] });
    expect(fig.data[0].type).toBe('contour');
    expect((fig.data[0].x as number[])[0]).toBe(-5);
    const marks = fig.data[fig.data.length - 1];
    expect(marks.text).toEqual(['min', 'min', 'min', 'min', 'max', 'saddle', 'saddle', 'saddle', 'saddle']);
    expect(fig.layout.title).toEqual({ text: 'Himmelblau' });
    expect((fig.data[0].colorbar as { title: { text: string } }).title.text).toContain('log');
    expect(fig.layout.yaxis).toMatchObject({ scaleanchor: 'x', scaleratio: 1 });
    expect(landscapeFigure(saddle(), { equalAspect: false }).layout.yaxis).not.toHaveProperty('scaleanchor');
  });

  it('1-D: the curve f(x) with the iterates on it', () => {
    const L = nonConvex1D();
    const fig = landscapeFigure(L, { paths: [{ name: 'GD', points: [-1.5, -1.2, -1.05] }] });
    expect(fig.data[0].name).toBe('f(x)');
    expect(fig.data[1].x).toEqual([-1.5, -1.2, -1.05]);
    expect(fig.data[1].y).toEqual([-1.5, -1.2, -1.05].map((x) => L.f([x])));
  });

  it('error messages', () => {
    expect(() => landscapeFigure(quadratic([1, 1, 1]))).toThrow(
      'landscapeFigure: landscape must have 1 or 2 parameters to be drawn, received Quadratic with 3',
    );
    expect(() => landscapeFigure({} as never)).toThrow(/landscapeFigure: landscape must be a landscape/);
    expect(() => landscapeFigure(saddle(), { path: [] } as never)).toThrow(/landscapeFigure: unknown option "path"/);
  });
});

describe('constructor errors', () => {
  it('names the argument', () => {
    expect(() => quadratic([])).toThrow('quadratic: a must be a number or a non-empty array of numbers, received [] (array of length 0)');
    expect(() => quadratic([1, 'x' as never])).toThrow('quadratic: a[1] must be a number, received "x"');
    expect(() => quadratic([1, 2], [0])).toThrow('quadratic: c must be an array of 2 numbers (the centre), received [0] (array of length 1)');
    expect(() => quadraticForm([[1, 2], [3, 4]])).toThrow(
      'quadraticForm: A must be symmetric, but A[0][1] = 2 and A[1][0] = 3',
    );
    expect(() => illConditioned({ kappa: 0.5 })).toThrow('illConditioned: kappa must be a condition number >= 1, received 0.5');
    expect(() => illConditioned({ condition: 3 } as never)).toThrow(
      'illConditioned: unknown option "condition"; expected one of kappa, angle',
    );
    expect(() => rosenbrock(1, -1)).toThrow('rosenbrock: b must be a finite number > 0, received -1');
  });
});
