import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { Tensor, tensor, zeros, ones, full, arange, randn, noGrad, isGradEnabled } from '../../src';
import { rng } from '../../src/data/rng';
import { gradOf } from '../../src/internal';

describeEachBackend('creating tensors', () => {
  it('from a number, nested arrays and a Float64Array with a shape', () => {
    expect(tensor(3).shape).toEqual([]);
    expect(tensor(3).item()).toBe(3);
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const data = Float64Array.of(1, 2, 3, 4);
    const u = tensor(data, { shape: [2, 2] });
    expect(u.data).toBe(data); // the storage itself, no copy
    expect(u.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(tensor([]).shape).toEqual([0]);
  });
  it('zeros, ones, full, arange', () => {
    expect(Array.from(zeros([2, 2]).data)).toEqual([0, 0, 0, 0]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(3, 0, -1).toArray()).toEqual([3, 2, 1]);
    expect(zeros([2], { requiresGrad: true }).requiresGrad).toBe(true);
  });
  it('randn is reproducible and standard normal', () => {
    const a = randn([10000], rng(1));
    expect(Array.from(randn([10000], rng(1)).data)).toEqual(Array.from(a.data));
    const mean = a.mean().item();
    const variance = a.sub(mean).pow(2).mean().item();
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(randn([3], rng(1)).shape).toEqual([3]);
  });
});

describeEachBackend('ops', () => {
  it('broadcast like NumPy and PyTorch', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.add(tensor([10, 20, 30])).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(x.mul(tensor([[2], [3]])).toArray()).toEqual([[2, 4, 6], [12, 15, 18]]);
    expect(tensor([[1], [2]]).sub(tensor([1, 2, 3])).toArray()).toEqual([[0, -1, -2], [1, 0, -1]]);
    expect(x.div(2).toArray()).toEqual([[0.5, 1, 1.5], [2, 2.5, 3]]);
  });
  it('reduce with the axis removed', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.sum().item()).toBe(21);
    expect(x.sum(0).toArray()).toEqual([5, 7, 9]);
    expect(x.sum(1).toArray()).toEqual([6, 15]);
    expect(x.mean(-1).toArray()).toEqual([2, 5]);
    expect(x.max(0).toArray()).toEqual([4, 5, 6]);
    expect(tensor([[3, 9, 9], [7, 1, 2]]).argmax(1).toArray()).toEqual([1, 0]);
  });
  it('matmul, reshape and transpose', () => {
    const a = tensor([[1, 2], [3, 4]]);
    expect(a.matmul(tensor([[5, 6], [7, 8]])).toArray()).toEqual([[19, 22], [43, 50]]);
    expect(a.matmul(tensor([1, 1])).toArray()).toEqual([3, 7]);
    expect(a.T.toArray()).toEqual([[1, 3], [2, 4]]);
    expect(arange(6).reshape(2, -1).toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(arange(6).reshape([3, 2]).shape).toEqual([3, 2]);
  });
  it('sigmoid, exp and the logits stay finite at ±1000', () => {
    expect(tensor([-1000, 0, 1000]).sigmoid().toArray()).toEqual([0, 0.5, 1]);
  });
});

describeEachBackend('autograd', () => {
  it('accumulates leaf gradients over backward calls, as PyTorch does', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const loss = x.pow(2).sum();
    loss.backward();
    expect(x.grad!.toArray()).toEqual([2, 4, 6]);
    x.pow(2).sum().backward();
    expect(x.grad!.toArray()).toEqual([4, 8, 12]);
    loss.backward(); // the same graph again: intermediates are recomputed, leaves accumulate
    expect(x.grad!.toArray()).toEqual([6, 12, 18]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
  });
  it('frees an intermediate result\'s gradient after backward unless retainGrad() kept it, as PyTorch does', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const h = x.mul(2);
    const kept = x.mul(3).retainGrad();
    h.add(kept).pow(2).sum().backward();
    expect(h.grad).toBeNull();
    expect(() => gradOf(h)).toThrow(/intermediate result \(made by 'mul'\).*retainGrad\(\) on it before backward\(\)/);
    // ∂/∂kept of Σ (2x + 3x)² = 2 · 5x
    expect(kept.grad!.toArray()).toEqual([10, 20, 30]);
    expect(Array.from(gradOf(kept))).toEqual([10, 20, 30]);
    expect(Array.from(gradOf(x))).toEqual([50, 100, 150]);
  });
  it('does not compute gradients for inputs that do not require them', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const c = tensor([3, 4]);
    x.mul(c).sum().backward();
    expect(x.grad!.toArray()).toEqual([3, 4]);
    expect(c.grad).toBeNull();
  });
  it('records no graph inside noGrad, and restores grad mode after an error', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.parents).toEqual([]);
    expect(() => noGrad(() => { throw new Error('boom'); })).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });
  it('keeps the graph visible for notebooks', () => {
    const a = tensor(2, { requiresGrad: true });
    const b = a.mul(3).exp();
    expect(b.op).toBe('exp');
    expect(b.parents[0].op).toBe('mul');
    expect(b.parents[0].parents[0]).toBe(a);
  });
  it('detach cuts the graph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.mul(2).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.toArray()).toEqual([2, 4]);
  });
  it('handles a deep chain without overflowing the stack', () => {
    const x = tensor(1, { requiresGrad: true });
    let y: Tensor = x;
    for (let i = 0; i < 20000; i++) y = y.add(1);
    y.backward();
    expect(x.grad!.item()).toBe(1);
  });
});

describeEachBackend('printing', () => {
  // PyTorch's layout (brackets, aligned columns, 4 decimals, trailing "." for whole numbers), in the
  // library's own words: requiresGrad=true and gradFn=mul where PyTorch prints requires_grad=True and
  // grad_fn=<MulBackward0>, "…" for "...", and exponents without a leading zero (e-7, not e-07).
  it("prints in PyTorch's layout, with the library's names", () => {
    expect(tensor([[1, 2], [3, 4]]).toString()).toBe('tensor([[1., 2.],\n        [3., 4.]])');
    expect(tensor([0.5, -1.25], { requiresGrad: true }).toString()).toBe('tensor([ 0.5000, -1.2500], requiresGrad=true)');
    expect(tensor([1, 2], { requiresGrad: true }).mul(2).toString()).toBe('tensor([2., 4.], gradFn=mul)');
    expect(tensor(3.5).toString()).toBe('tensor(3.5000)');
    expect(arange(100).toString()).toBe('tensor([ 0.,  1.,  2., …, 97., 98., 99.])');
    expect(tensor([1e-7, 2]).toString()).toBe('tensor([1.0000e-7, 2.0000e+0])');
  });
});
