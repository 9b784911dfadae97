/**
 * The scalar `Value` engine on a micrograd-sized problem: Karpathy's micrograd demo, a
 * 2 → 16 → 16 → 1 ReLU MLP on 100 two-moons points, full batch, the max-margin (hinge) loss
 *   L = (1/N) Σ_i relu(1 − y_i s_i) + α Σ_θ θ²,   y_i ∈ {−1, +1},  α = 1e-4,
 * and plain SGD. One step builds and differentiates a graph of ~10⁵ scalar nodes.
 */
import { Value } from '../../../src/value';
import { twoMoons } from '../../../src/data/classification';
import { rng } from '../../../src/data/rng';

export const VALUE_MLP = Object.freeze({
  layers: [2, 16, 16, 1],
  points: 100,
  noise: 0.1,
  lr: 0.05,
  alpha: 1e-4,
  description: 'micrograd demo: 2→16→16→1 ReLU MLP on 100 two-moons points, full batch, hinge loss + L2, SGD',
});

export class ValueMlp {
  readonly params: Value[] = [];
  private readonly W: Value[][][] = [];
  private readonly b: Value[][] = [];
  private readonly xs: number[][] = [];
  private readonly ys: number[] = [];
  constructor(seed: number) {
    const r = rng(seed);
    const L = VALUE_MLP.layers;
    for (let l = 0; l + 1 < L.length; l++) {
      const W: Value[][] = [];
      for (let o = 0; o < L[l + 1]; o++) {
        const row: Value[] = [];
        for (let i = 0; i < L[l]; i++) row.push(new Value(2 * r() - 1));
        W.push(row);
        this.params.push(...row);
      }
      const b = Array.from({ length: L[l + 1] }, () => new Value(0));
      this.params.push(...b);
      this.W.push(W);
      this.b.push(b);
    }
    const data = twoMoons({ n: VALUE_MLP.points, noise: VALUE_MLP.noise, seed });
    for (let i = 0; i < VALUE_MLP.points; i++) {
      this.xs.push([data.X.data[2 * i], data.X.data[2 * i + 1]]);
      this.ys.push(data.y.data[i] === 1 ? 1 : -1);
    }
  }

  private score(x: number[]): Value {
    let h: (Value | number)[] = x;
    for (let l = 0; l < this.W.length; l++) {
      const last = l === this.W.length - 1;
      h = this.W[l].map((row, o) => {
        let s = this.b[l][o];
        for (let i = 0; i < row.length; i++) s = s.add(row[i].mul(h[i]));
        return last ? s : s.relu();
      });
    }
    return h[0] as Value;
  }

  /** One full-batch SGD step; returns the loss. */
  step(): number {
    let data = new Value(0);
    this.xs.forEach((x, i) => {
      data = data.add(this.score(x).mul(-this.ys[i]).add(1).relu());
    });
    let reg = new Value(0);
    for (const p of this.params) reg = reg.add(p.mul(p));
    const loss = data.mul(1 / this.xs.length).add(reg.mul(VALUE_MLP.alpha));
    for (const p of this.params) p.grad = 0;
    loss.backward();
    for (const p of this.params) p.data -= VALUE_MLP.lr * p.grad;
    return loss.data;
  }
}
