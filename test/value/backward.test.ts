import { describe, expect, it } from 'vitest';
import { Value, graphOf, topologicalSort } from '../../src/value';

/** Closed-form derivatives by hand, and structural properties of the reverse pass. */

describe('reused nodes receive one contribution per use', () => {
  it('a*a has gradient 2a', () => {
    const a = new Value(3);
    const y = a.mul(a);
    y.backward();
    expect(y.data).toBe(9);
    expect(a.grad).toBe(6);
  });

  it('a+a has gradient 2 (micrograd issue: assigning instead of += gives 1)', () => {
    const a = new Value(-1.5);
    a.add(a).backward();
    expect(a.grad).toBe(2);
  });

  it('x in several branches: y = x² + eˣ + x·tanh x', () => {
    const x0 = 0.83;
    const x = new Value(x0);
    const y = x.mul(x).add(x.exp()).add(x.tanh().mul(x));
    y.backward();
    const t = Math.tanh(x0);
    const want = 2 * x0 + Math.exp(x0) + t + x0 * (1 - t * t);
    expect(Math.abs(x.grad - want)).toBeLessThan(1e-14);
  });

  it('a reused intermediate: h = 3x, y = h² + h gives dy/dx = 3(2h + 1)', () => {
    const x = new Value(0.5);
    const h = x.mul(3);
    const y = h.mul(h).add(h);
    y.backward();
    expect(h.grad).toBe(2 * 1.5 + 1);
    expect(x.grad).toBe(3 * (2 * 1.5 + 1));
  });
});

describe('gradients accumulate across backward() calls like PyTorch', () => {
  function neuron() {
    const x = new Value(0.4, { label: 'x' });
    const w = new Value(-1.2, { label: 'w' });
    const b = new Value(0.3, { label: 'b' });
    const n = x.mul(w).add(b);
    const o = n.tanh().mul(2).add(n.sigmoid()).pow(2);
    return { x, w, b, n, o };
  }

  it('a second backward() doubles every leaf gradient (not triples: intermediates are reset)', () => {
    const first = neuron();
    first.o.backward();
    const once = { x: first.x.grad, w: first.w.grad, b: first.b.grad, n: first.n.grad };
    expect(once.x).not.toBe(0);
    first.o.backward();
    expect(first.x.grad).toBeCloseTo(2 * once.x, 14);
    expect(first.w.grad).toBeCloseTo(2 * once.w, 14);
    expect(first.b.grad).toBeCloseTo(2 * once.b, 14);
    // Non-leaf nodes hold the gradient of the latest call only.
    expect(first.n.grad).toBeCloseTo(once.n, 14);
    expect(first.o.grad).toBe(1);
  });

  it('two roots sharing leaves add their gradients', () => {
    const x = new Value(2);
    const y1 = x.mul(x); // dy1/dx = 2x = 4
    const y2 = x.exp(); // dy2/dx = e²
    y1.backward();
    y2.backward();
    expect(x.grad).toBeCloseTo(4 + Math.exp(2), 14);
  });

  it('a shared intermediate used by two roots does not leak its old gradient', () => {
    const x = new Value(1);
    const h = x.mul(2);
    h.mul(3).backward(); // dx += 6
    h.mul(5).backward(); // dx += 10
    expect(x.grad).toBe(16);
    expect(h.grad).toBe(5);
  });

  it('backward() on a leaf adds 1 each call', () => {
    const x = new Value(7);
    x.backward();
    x.backward();
    expect(x.grad).toBe(2);
  });

  it('zeroGrad() on the root zeroes every node, after which backward() gives one pass again', () => {
    const { x, w, o } = neuron();
    o.backward();
    const wOnce = w.grad;
    o.backward();
    o.zeroGrad();
    expect(graphOf(o).nodes.every((n) => n.grad === 0)).toBe(true);
    expect(x.grad).toBe(0);
    o.backward();
    expect(w.grad).toBe(wOnce);
  });
});

describe('topological order and deep graphs', () => {
  /** micrograd's recursive build_topo, as the reference order on a small graph. */
  function buildTopo(root: Value): Value[] {
    const topo: Value[] = [];
    const visited = new Set<Value>();
    const visit = (v: Value): void => {
      if (visited.has(v)) return;
      visited.add(v);
      for (const c of v.children) visit(c);
      topo.push(v);
    };
    visit(root);
    return topo;
  }

  it('matches the recursive build_topo order: each node once, children first, root last', () => {
    const a = new Value(1);
    const b = new Value(2);
    const c = a.mul(b).add(a.tanh()).sub(b.pow(2).mul(a)).div(a.add(3));
    const order = topologicalSort(c);
    expect(order).toEqual(buildTopo(c));
    expect(new Set(order).size).toBe(order.length);
    expect(order[order.length - 1]).toBe(c);
    const index = new Map(order.map((v, i) => [v, i] as const));
    for (const v of order) for (const ch of v.children) expect(index.get(ch)!).toBeLessThan(index.get(v)!);
  });

  it('a chain of 100,000 adds runs backward without a stack overflow', () => {
    const x = new Value(1);
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.add(x);
    y.backward();
    expect(y.data).toBe(100_001);
    expect(x.grad).toBe(100_001);
    expect(topologicalSort(y).length).toBe(100_000 + 1); // each add, and x, once
    expect(() => y.zeroGrad()).not.toThrow();
    expect(x.grad).toBe(0);
  });

  it('a chain of 100,000 adds of number constants (one constant leaf per add)', () => {
    const x = new Value(0);
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.add(1);
    y.backward();
    expect(y.data).toBe(100_000);
    expect(x.grad).toBe(1);
    expect(topologicalSort(y).length).toBe(2 * 100_000 + 1);
  });

  it('a chain of 100,000 tanh nodes backpropagates iteratively', () => {
    const x = new Value(0.5);
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.tanh();
    y.backward();
    expect(Number.isFinite(x.grad)).toBe(true);
    expect(x.grad).toBeGreaterThan(0);
    expect(() => graphOf(y)).not.toThrow();
  });

  it('visits each node once: y = y + y, 64 times, finishes and gives 2^64', () => {
    // Without a visited set the reverse pass would walk 2^64 paths.
    const x = new Value(1);
    let y = x;
    for (let i = 0; i < 64; i++) y = y.add(y);
    y.backward();
    expect(topologicalSort(y).length).toBe(65);
    expect(y.data).toBe(2 ** 64);
    expect(x.grad).toBe(2 ** 64);
  });

  it('_backward can be stepped by hand, as in the lecture', () => {
    const n = new Value(0.8814);
    const o = n.tanh();
    o.grad = 1;
    o._backward();
    expect(n.grad).toBeCloseTo(1 - Math.tanh(0.8814) ** 2, 15);
    const leaf = new Value(1);
    leaf._backward(); // a leaf's step does nothing
    expect(leaf.grad).toBe(0);
  });
});

describe('results are not checked, so overflow behaves like PyTorch', () => {
  it('exp overflow and division by zero give Infinity instead of throwing', () => {
    expect(new Value(1000).exp().data).toBe(Infinity);
    expect(new Value(1).div(0).data).toBe(Infinity);
    expect(new Value(-8).pow(1 / 3).data).toBeNaN();
  });
});

describe('toString', () => {
  it('prints data and grad like micrograd', () => {
    const x = new Value(-4);
    const y = x.mul(5);
    y.backward();
    expect(String(y)).toBe('Value(data=-20, grad=1)');
    expect(x.toString()).toBe('Value(data=-4, grad=5)');
  });
});
