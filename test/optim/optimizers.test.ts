/**
 * Optimizers against closed forms worked out by hand (one step of each, constant gradients),
 * plus the behaviour PyTorch's optimizers have: lazy per-parameter state with its own step
 * count, parameters without a gradient skipped, zeroGrad, a mutable lr and readable toString.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { Tensor, tensor } from '../../src/tensor';
import {
  ADAGRAD_DEFAULTS,
  ADAMW_DEFAULTS,
  ADAM_DEFAULTS,
  Adagrad,
  Adam,
  AdamW,
  Optimizer,
  RMSPROP_DEFAULTS,
  RMSprop,
  SGD,
  SGD_DEFAULTS,
} from '../../src/optim';

/** |a − e| ≤ tol·|e| elementwise. */
function expectRelClose(actual: ArrayLike<number>, expected: number[], tol = 1e-14): void {
  const a = Array.from(actual);
  expect(a.length).toBe(expected.length);
  a.forEach((v, i) => {
    if (Math.abs(v - expected[i]) > tol * Math.abs(expected[i])) {
      throw new Error(`entry ${i}: ${v}, expected ${expected[i]} (relative tolerance ${tol})`);
    }
  });
}

/** A parameter and a linear loss c·x, whose gradient is exactly c at every x. */
function linear(x0: number[], c: number[]): { x: Tensor; loss: () => Tensor } {
  const x = tensor(x0, { requiresGrad: true });
  const ct = tensor(c);
  return { x, loss: () => x.mul(ct).sum() };
}

function run(opt: Optimizer, loss: () => Tensor, steps: number): void {
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    loss().backward();
    opt.step();
  }
}

const X0 = [0.5, -1.5, 2];
const G = [3, -0.25, 1e-3];

describeEachBackend('SGD closed forms', () => {
  it('one step is θ − γ g', () => {
    const { x, loss } = linear(X0, G);
    run(new SGD([x], { lr: 0.1 }), loss, 1);
    expectRelClose(x.data, X0.map((v, i) => v - 0.1 * G[i]));
  });

  it('weight decay adds λθ to the gradient', () => {
    const { x, loss } = linear(X0, G);
    run(new SGD([x], { lr: 0.1, weightDecay: 0.2 }), loss, 1);
    expectRelClose(x.data, X0.map((v, i) => v - 0.1 * (G[i] + 0.2 * v)));
  });

  it('momentum: b₁ = g (no dampening on step 1), b₂ = μg + (1 − τ)g', () => {
    const { x, loss } = linear(X0, G);
    run(new SGD([x], { lr: 0.1, momentum: 0.9, dampening: 0.3 }), loss, 2);
    expectRelClose(x.data, X0.map((v, i) => v - 0.1 * G[i] - 0.1 * (0.9 + 0.7) * G[i]));
  });

  it('nesterov steps with g + μv: (1 + μ)g, then g + μ(μ + 1)g', () => {
    const { x, loss } = linear(X0, G);
    run(new SGD([x], { lr: 0.1, momentum: 0.9, nesterov: true }), loss, 2);
    expectRelClose(x.data, X0.map((v, i) => v - 0.1 * 1.9 * G[i] - 0.1 * (1 + 0.9 * 1.9) * G[i]));
  });

  it("PyTorch's Nesterov equals Sutskever's v ← μv − γ∇f(θ + μv), θ ← θ + v, in the look-ahead point", () => {
    // f(θ) = Σ a θ²/2 with ∇f = aθ. PyTorch's iterate θ_t is Sutskever's θ_t + μ v_t.
    const a = [2, 0.5];
    const x = tensor([1, -3], { requiresGrad: true });
    const at = tensor(a);
    const opt = new SGD([x], { lr: 0.1, momentum: 0.8, nesterov: true });
    let theta = [1, -3];
    let v = [0, 0];
    for (let t = 0; t < 20; t++) {
      run(opt, () => x.mul(x).mul(at).mul(0.5).sum(), 1);
      v = v.map((vi, i) => 0.8 * vi - 0.1 * a[i] * (theta[i] + 0.8 * vi));
      theta = theta.map((th, i) => th + v[i]);
      expectRelClose(x.data, theta.map((th, i) => th + 0.8 * v[i]), 1e-12);
    }
  });

  it('lr 0 leaves the parameters unchanged; the lr can be changed between steps', () => {
    const { x, loss } = linear(X0, G);
    const opt = new SGD([x], { lr: 0 });
    run(opt, loss, 3);
    expect(Array.from(x.data)).toEqual(X0);
    opt.lr = 1;
    run(opt, loss, 1);
    expectRelClose(x.data, X0.map((v, i) => v - G[i]));
  });
});

describeEachBackend('Adagrad closed forms', () => {
  it('constant g: sum_t = s₀ + t g², each step γ/(1 + (t−1)η) · g / (√sum_t + ε)', () => {
    const { x, loss } = linear(X0, G);
    const opt = new Adagrad([x], { lr: 0.5, lrDecay: 0.1, initialAccumulatorValue: 0.2 });
    const expected = X0.slice();
    for (let t = 1; t <= 4; t++) {
      run(opt, loss, 1);
      for (let i = 0; i < 3; i++) expected[i] -= ((0.5 / (1 + (t - 1) * 0.1)) * G[i]) / (Math.sqrt(0.2 + t * G[i] ** 2) + 1e-10);
      expectRelClose(x.data, expected, 1e-13);
    }
    expectRelClose(opt.state.get(x)!.sum, G.map((g) => 0.2 + 4 * g * g));
  });

  it('the first step from s₀ = 0 moves every coordinate by ≈ γ', () => {
    const { x, loss } = linear(X0, G);
    run(new Adagrad([x], { lr: 0.01 }), loss, 1);
    expectRelClose(Array.from(x.data, (v, i) => X0[i] - v), G.map((g) => 0.01 * Math.sign(g)), 1e-6);
  });
});

describeEachBackend('RMSprop closed forms', () => {
  it('the first step is γ g / (√(1 − α)|g| + ε): about 10γ at α = 0.99 (no bias correction)', () => {
    const { x, loss } = linear(X0, G);
    run(new RMSprop([x]), loss, 1);
    expectRelClose(x.data, X0.map((v, i) => v - (0.01 * G[i]) / (Math.sqrt(0.01) * Math.abs(G[i]) + 1e-8)), 1e-13);
    expectRelClose(Array.from(x.data, (v, i) => X0[i] - v), G.map((g) => 0.1 * Math.sign(g)), 1e-4);
  });

  it('centered: the first step divides by √(α(1 − α))|g| + ε', () => {
    const { x, loss } = linear(X0, G);
    run(new RMSprop([x], { alpha: 0.9, centered: true }), loss, 1);
    expectRelClose(x.data, X0.map((v, i) => v - (0.01 * G[i]) / (Math.sqrt(0.9 * 0.1) * Math.abs(G[i]) + 1e-8)), 1e-13);
  });

  it('momentum: b₂ = μ b₁ + g / d₂ with d_t = √((1 − α^t) g²) + ε', () => {
    const { x, loss } = linear(X0, G);
    run(new RMSprop([x], { alpha: 0.9, momentum: 0.5 }), loss, 2);
    const d1 = G.map((g) => Math.sqrt(0.1 * g * g) + 1e-8);
    const d2 = G.map((g) => Math.sqrt((1 - 0.81) * g * g) + 1e-8);
    const b1 = G.map((g, i) => g / d1[i]);
    const b2 = G.map((g, i) => 0.5 * b1[i] + g / d2[i]);
    expectRelClose(x.data, X0.map((v, i) => v - 0.01 * b1[i] - 0.01 * b2[i]), 1e-13);
  });
});

describeEachBackend('Adam and AdamW closed forms', () => {
  it("Adam's first step moves every coordinate by γ |g| / (|g| + ε) ≈ γ, whatever the scale of g", () => {
    const { x, loss } = linear(X0, G);
    run(new Adam([x], { lr: 0.01 }), loss, 1);
    expectRelClose(Array.from(x.data, (v, i) => X0[i] - v), G.map((g) => (0.01 * g) / (Math.abs(g) + 1e-8)), 1e-12);
  });

  it('with a constant gradient every bias-corrected step has the same size (m̂ = g, v̂ = g²)', () => {
    const { x, loss } = linear(X0, G);
    const opt = new Adam([x], { lr: 0.01, betas: [0.8, 0.9] });
    run(opt, loss, 10);
    expectRelClose(Array.from(x.data, (v, i) => X0[i] - v), G.map((g) => (10 * 0.01 * g) / (Math.abs(g) + 1e-8)), 1e-12);
    const state = opt.state.get(x)!;
    expectRelClose(state.expAvg, G.map((g) => (1 - 0.8 ** 10) * g), 1e-13);
    expectRelClose(state.expAvgSq, G.map((g) => (1 - 0.9 ** 10) * g * g), 1e-13);
    expect(state.step).toBe(10);
    expect(state.maxExpAvgSq).toBeNull();
  });

  it('amsgrad keeps the maximum of the raw v, so a large gradient shrinks later steps', () => {
    const steps = (amsgrad: boolean): number[] => {
      const x = tensor([0], { requiresGrad: true });
      const opt = new Adam([x], { lr: 0.1, amsgrad });
      const moves: number[] = [];
      for (const g of [10, 0.1]) {
        const before = x.data[0];
        run(opt, () => x.mul(g).sum(), 1);
        moves.push(before - x.data[0]);
      }
      if (amsgrad) expectRelClose(opt.state.get(x)!.maxExpAvgSq!, [0.001 * 100]);
      return moves;
    };
    const [adam, ams] = [steps(false), steps(true)];
    expect(ams[0]).toBe(adam[0]);
    // step 2: m = 0.9·1 + 0.01 = 0.91, v = 0.999·0.1 + 1e-5, v_max = 0.1
    const m2 = 0.91 / (1 - 0.81);
    expectRelClose([adam[1]], [(0.1 * m2) / (Math.sqrt((0.0999 + 1e-5) / (1 - 0.999 ** 2)) + 1e-8)], 1e-12);
    expectRelClose([ams[1]], [(0.1 * m2) / (Math.sqrt(0.1 / (1 - 0.999 ** 2)) + 1e-8)], 1e-12);
    expect(ams[1]).toBeLessThan(adam[1]);
  });

  it('AdamW decays θ by (1 − γλ) per step, decoupled: with a zero gradient θ_t = θ₀(1 − γλ)^t', () => {
    const x = tensor(X0, { requiresGrad: true });
    run(new AdamW([x], { lr: 0.1, weightDecay: 0.5 }), () => x.mul(0).sum(), 5);
    expectRelClose(x.data, X0.map((v) => v * 0.95 ** 5), 1e-14);
  });

  it("Adam's weight decay is L2 on g instead: with a zero loss gradient the first step is ≈ γ sign(θ)", () => {
    const x = tensor(X0, { requiresGrad: true });
    run(new Adam([x], { lr: 0.1, weightDecay: 0.5 }), () => x.mul(0).sum(), 1);
    expectRelClose(Array.from(x.data, (v, i) => X0[i] - v), X0.map((v) => 0.1 * Math.sign(v)), 1e-7);
  });

  it('AdamW with weightDecay 0 is Adam', () => {
    const a = linear(X0, G);
    const b = linear(X0, G);
    run(new Adam([a.x], { lr: 0.05 }), a.loss, 7);
    run(new AdamW([b.x], { lr: 0.05, weightDecay: 0 }), b.loss, 7);
    expect(Array.from(b.x.data)).toEqual(Array.from(a.x.data));
  });
});

describeEachBackend('state, skipped parameters and zeroGrad (as torch.optim)', () => {
  const makers: [string, (p: Tensor[]) => Optimizer][] = [
    ['SGD', (p) => new SGD(p, { lr: 0.1, momentum: 0.9 })],
    ['Adagrad', (p) => new Adagrad(p)],
    ['RMSprop', (p) => new RMSprop(p, { centered: true, momentum: 0.5 })],
    ['Adam', (p) => new Adam(p, { amsgrad: true })],
    ['AdamW', (p) => new AdamW(p)],
  ];

  it.each(makers)('%s: state is created on a parameter\'s first step, each with its own step count', (_, make) => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = tensor([[3], [4], [5]], { requiresGrad: true });
    const opt = make([x, y]);
    expect(opt.params).toEqual([x, y]);
    expect(opt.state.size).toBe(0);

    run(opt, () => x.mul(x).sum(), 2); // y gets no gradient: skipped, unchanged, no state
    expect(y.grad).toBeNull();
    expect(Array.from(y.data)).toEqual([3, 4, 5]);
    expect(opt.state.has(y)).toBe(false);
    expect(opt.state.get(x)!.step).toBe(2);

    run(opt, () => x.sum().add(y.sum()), 1);
    expect(opt.state.get(x)!.step).toBe(3);
    expect(opt.state.get(y)!.step).toBe(1);
    expect(Array.from(y.data)).not.toEqual([3, 4, 5]);
  });

  it.each(makers)('%s: zeroGrad sets every grad to null; step() with no grads changes nothing', (_, make) => {
    const x = tensor([1, 2], { requiresGrad: true });
    const opt = make([x]);
    x.mul(x).sum().backward();
    expect(x.grad).not.toBeNull();
    opt.zeroGrad();
    expect(x.grad).toBeNull();
    opt.step();
    expect(Array.from(x.data)).toEqual([1, 2]);
    expect(opt.state.size).toBe(0);
  });

  it('a late parameter gets its own Adam bias correction: its first step is ≈ γ', () => {
    const x = tensor([1], { requiresGrad: true });
    const y = tensor([1], { requiresGrad: true });
    const opt = new Adam([x, y], { lr: 0.01 });
    run(opt, () => x.mul(5).sum(), 10);
    run(opt, () => x.mul(5).sum().add(y.mul(-2).sum()), 1);
    expectRelClose([y.data[0] - 1], [0.01 * (2 / (2 + 1e-8))], 1e-12);
  });

  it('updates param.data in place (the same Float64Array)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const data = x.data;
    run(new Adam([x]), () => x.sum(), 1);
    expect(x.data).toBe(data);
    expect(Array.from(data)).not.toEqual([1, 2]);
  });

  it('keeps its own copy of the params array', () => {
    const list = [tensor([1], { requiresGrad: true })];
    const opt = new SGD(list, { lr: 0.1 });
    list.push(tensor([2], { requiresGrad: true }));
    expect(opt.params.length).toBe(1);
  });
});

describeEachBackend('defaults (PyTorch 1.13) and toString', () => {
  it('exports the defaults as constants', () => {
    expect(SGD_DEFAULTS).toEqual({ momentum: 0, dampening: 0, weightDecay: 0, nesterov: false });
    expect(ADAGRAD_DEFAULTS).toEqual({ lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 });
    expect(RMSPROP_DEFAULTS).toEqual({ lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false });
    expect(ADAM_DEFAULTS).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(ADAMW_DEFAULTS).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false });
    expect(Object.isFrozen(ADAM_DEFAULTS) && Object.isFrozen(ADAM_DEFAULTS.betas)).toBe(true);
  });

  it('toString shows the name and every hyperparameter', () => {
    const p = () => [tensor([1], { requiresGrad: true })];
    expect(String(new SGD(p(), { lr: 0.1 }))).toBe('SGD(lr=0.1, momentum=0, dampening=0, weightDecay=0, nesterov=false)');
    expect(String(new Adagrad(p()))).toBe('Adagrad(lr=0.01, lrDecay=0, weightDecay=0, initialAccumulatorValue=0, eps=1e-10)');
    expect(String(new RMSprop(p()))).toBe('RMSprop(lr=0.01, alpha=0.99, eps=1e-8, weightDecay=0, momentum=0, centered=false)');
    expect(String(new Adam(p()))).toBe('Adam(lr=0.001, betas=[0.9, 0.999], eps=1e-8, weightDecay=0, amsgrad=false)');
    expect(String(new AdamW(p(), { lr: 0.01, amsgrad: true }))).toBe(
      'AdamW(lr=0.01, betas=[0.9, 0.999], eps=1e-8, weightDecay=0.01, amsgrad=true)',
    );
    const opt = new Adam(p(), { betas: [0.8, 0.95] });
    opt.lr = 0.5;
    expect(String(opt)).toBe('Adam(lr=0.5, betas=[0.8, 0.95], eps=1e-8, weightDecay=0, amsgrad=false)');
  });

  it('options left undefined take the default', () => {
    const opt = new Adam([tensor([1], { requiresGrad: true })], { lr: undefined, eps: 1e-6 });
    expect([opt.lr, opt.eps, opt.betas]).toEqual([1e-3, 1e-6, [0.9, 0.999]]);
  });
});
