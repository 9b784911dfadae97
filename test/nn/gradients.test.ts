import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { MLP, MLPActivation } from '../../src/nn';
import { Tensor, noGrad, randn } from '../../src/tensor';
import { crossEntropy } from '../../src/losses';
import { rng } from '../../src/data/rng';

const H = 1e-6;
const MAX_REL_ERROR = 1e-6;

/**
 * Backpropagation through a small MLP against central finite differences,
 * ∂L/∂θᵢ ≈ (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h, for every parameter element θᵢ.
 */
function checkMLP(activation: MLPActivation, seed: number): { maxRel: number; checked: number; nonZero: number } {
  const net = new MLP([3, 5, 4, 3], { activation, seed });
  const X = randn([6, 3], rng(seed + 100));
  const labels = [0, 2, 1, 1, 0, 2];
  const loss = (): Tensor => crossEntropy(net.forward(X), labels);
  net.zeroGrad();
  loss().backward();
  let maxRel = 0;
  let checked = 0;
  let nonZero = 0;
  for (const p of net.parameters()) {
    const analytic = p.grad!.data;
    for (let i = 0; i < p.size; i++) {
      const saved = p.data[i];
      p.data[i] = saved + H;
      const plus = noGrad(loss).item();
      p.data[i] = saved - H;
      const minus = noGrad(loss).item();
      p.data[i] = saved;
      const numeric = (plus - minus) / (2 * H);
      const a = analytic[i];
      const scale = Math.max(Math.abs(a), Math.abs(numeric));
      // Both exactly 0 (a dead ReLU unit) is agreement; otherwise the relative error.
      const rel = scale === 0 ? 0 : Math.abs(a - numeric) / scale;
      maxRel = Math.max(maxRel, rel);
      checked++;
      if (a !== 0) nonZero++;
    }
  }
  return { maxRel, checked, nonZero };
}

describeEachBackend('MLP gradients against central finite differences (h = 1e-6)', () => {
  const count = (3 * 5 + 5) + (5 * 4 + 4) + (4 * 3 + 3);
  for (const activation of ['tanh', 'relu'] as const) {
    it(`${activation}: every parameter within relative error 1e-6`, () => {
      const { maxRel, checked, nonZero } = checkMLP(activation, 11);
      expect(checked).toBe(count);
      expect(nonZero).toBeGreaterThan(count / 2); // the check is not vacuous
      expect(maxRel).toBeLessThan(MAX_REL_ERROR);
    });
  }
});
