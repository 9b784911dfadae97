import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { Linear, DEFAULT_INIT_SEED, linearInitBound } from '../../src/nn';
import { tensor } from '../../src/tensor';
import { rng } from '../../src/data/rng';

/** A tiny layer with hand-picked weights: W [3, 2], b [2]. */
function tinyLayer(bias = true): Linear {
  const layer = new Linear(3, 2, { bias, seed: 1 });
  layer.weight.data.set([1, 2, 3, 4, 5, 6]); // rows: [1, 2], [3, 4], [5, 6]
  layer.bias?.data.set([0.5, -1]);
  return layer;
}

describeEachBackend('Linear', () => {
  it('stores W as [in, out] and b as [out], both trainable leaves', () => {
    const layer = new Linear(5, 7);
    expect(layer.weight.shape).toEqual([5, 7]);
    expect(layer.bias?.shape).toEqual([7]);
    expect(layer.weight.requiresGrad && layer.bias?.requiresGrad).toBe(true);
    expect(layer.parameters()).toEqual([layer.weight, layer.bias]);
    expect(layer.parameters()[0]).toBe(layer.weight);
    expect(layer.numParameters()).toBe(5 * 7 + 7);
    const noBias = new Linear(5, 7, { bias: false });
    expect(noBias.bias).toBeNull();
    expect(noBias.parameters()).toEqual([noBias.weight]);
    expect(noBias.numParameters()).toBe(35);
  });

  it('forward equals X W + b computed by hand', () => {
    // X W: [1, 0, -1] → [1 − 5, 2 − 6] = [−4, −4]; [2, 1, 0] → [2 + 3, 4 + 4] = [5, 8]
    const x = tensor([[1, 0, -1], [2, 1, 0]]);
    expect(tinyLayer().forward(x).toArray()).toEqual([[-3.5, -5], [5.5, 7]]);
    expect(tinyLayer(false).forward(x).toArray()).toEqual([[-4, -4], [5, 8]]);
    expect(tinyLayer().call(x).toArray()).toEqual([[-3.5, -5], [5.5, 7]]);
  });

  it('maps one example [in] to [out] and keeps leading axes [..., in] → [..., out]', () => {
    const layer = tinyLayer();
    const one = layer.forward(tensor([1, 0, -1]));
    expect(one.shape).toEqual([2]);
    expect(one.toArray()).toEqual([-3.5, -5]);
    const batch = layer.forward(tensor([[[1, 0, -1]], [[2, 1, 0]]]));
    expect(batch.shape).toEqual([2, 1, 2]);
    expect(batch.toArray()).toEqual([[[-3.5, -5]], [[5.5, 7]]]);
    expect(layer.forward(tensor([[1, 0, -1]])).shape).toEqual([1, 2]);
  });

  it('gives the gradients ∂L/∂W = Xᵀ G, ∂L/∂b = Σₙ Gₙ, ∂L/∂X = G Wᵀ (L = ΣY, so G = 1)', () => {
    const layer = tinyLayer();
    const x = tensor([[1, 0, -1], [2, 1, 0]], { requiresGrad: true });
    layer.forward(x).sum().backward();
    // Xᵀ 1: row sums of the columns of X = [3, 1, −1], repeated over the 2 outputs
    expect(layer.weight.grad?.toArray()).toEqual([[3, 3], [1, 1], [-1, -1]]);
    expect(layer.bias?.grad?.toArray()).toEqual([2, 2]);
    // 1 Wᵀ: row sums of W = [3, 7, 11] for every example
    expect(x.grad?.toArray()).toEqual([[3, 7, 11], [3, 7, 11]]);
  });

  it('initialises W and b in [−1/√in, 1/√in] with the variance of a uniform, bound²/3', () => {
    const inF = 400;
    const outF = 500;
    const layer = new Linear(inF, outF, { seed: 3 });
    const bound = 1 / Math.sqrt(inF); // 0.05; note 1/√out ≈ 0.0447 is smaller
    expect(linearInitBound(inF)).toBe(bound);
    const w = layer.weight.data;
    let sum = 0;
    let sumSq = 0;
    let maxAbs = 0;
    for (const v of w) {
      sum += v;
      sumSq += v * v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    const mean = sum / w.length;
    const variance = sumSq / w.length - mean * mean;
    expect(maxAbs).toBeLessThanOrEqual(bound);
    expect(maxAbs).toBeGreaterThan(0.999 * bound); // uses the whole interval
    expect(Math.abs(mean)).toBeLessThan(0.01 * bound); // sd of the mean ≈ 0.0013·bound
    expect(Math.abs(variance / (bound * bound / 3) - 1)).toBeLessThan(0.02);
    const b = layer.bias!.data;
    const maxB = Math.max(...Array.from(b, Math.abs));
    expect(maxB).toBeLessThanOrEqual(bound);
    expect(maxB).toBeGreaterThan(1 / Math.sqrt(outF)); // the bias bound uses fan_in too
  });

  it('is reproducible: the same seed gives the same weights, another seed others', () => {
    const a = new Linear(4, 6, { seed: 42 });
    const b = new Linear(4, 6, { seed: 42 });
    const c = new Linear(4, 6, { seed: 43 });
    expect(Array.from(b.weight.data)).toEqual(Array.from(a.weight.data));
    expect(Array.from(b.bias!.data)).toEqual(Array.from(a.bias!.data));
    expect(Array.from(c.weight.data)).not.toEqual(Array.from(a.weight.data));
    const viaRng = new Linear(4, 6, { rng: rng(42) });
    expect(Array.from(viaRng.weight.data)).toEqual(Array.from(a.weight.data));
    const byDefault = new Linear(4, 6);
    const seedZero = new Linear(4, 6, { seed: DEFAULT_INIT_SEED });
    expect(DEFAULT_INIT_SEED).toBe(0);
    expect(Array.from(byDefault.weight.data)).toEqual(Array.from(seedZero.weight.data));
  });

  it('draws exactly in·out + out numbers from a shared generator (in·out without bias)', () => {
    const check = (bias: boolean, used: number): void => {
      const shared = rng(9);
      new Linear(3, 4, { rng: shared, bias });
      const fresh = rng(9);
      for (let i = 0; i < used; i++) fresh();
      expect(shared()).toBe(fresh());
    };
    check(true, 3 * 4 + 4);
    check(false, 3 * 4);
  });

  it("prints like PyTorch's repr, with the library's option names (inFeatures, not in_features; bias=false only when off)", () => {
    expect(String(new Linear(2, 64))).toBe('Linear(inFeatures=2, outFeatures=64)');
    expect(new Linear(3, 1, { bias: false }).toString()).toBe('Linear(inFeatures=3, outFeatures=1, bias=false)');
  });
});
