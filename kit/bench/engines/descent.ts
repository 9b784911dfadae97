/**
 * The project's engine on a benchmark problem: the MLP built directly from tensors,
 * h ← relu(h W + b) per hidden layer, logits = h W + b, then `crossEntropy` (mean), `backward()`
 * and `Adam`. Each layer is the fused `linear` op, which is what chapter 08-training's
 * `MLP` (a Sequential of Linear and ReLU) runs.
 */
import { Tensor, linear, tensor } from '../../../src/tensor';
import { crossEntropy } from '../../../src/losses';
import { Adam } from '../../../src/optim';
import { Problem } from '../workloads';
import { Trainer } from './trainer';

/** Constant input tensors of every batch, sliced once (outside the timed loop). */
export function descentBatches(p: Problem): { x: Tensor; y: Tensor }[] {
  const d = p.workload.layers[0];
  return p.batches.map(([s, e]) => ({
    x: tensor(p.X.slice(s * d, e * d), { shape: [e - s, d] }),
    y: tensor(p.y.slice(s, e)),
  }));
}

export class DescentTrainer implements Trainer {
  readonly name = 'descent';
  readonly dtype = 'float64' as const;
  readonly version = 'this repo';
  private readonly batches: { x: Tensor; y: Tensor }[];
  private params: Tensor[] = [];
  private optimizer: Adam | null = null;

  constructor(private readonly problem: Problem) {
    this.batches = descentBatches(problem);
    this.reset();
  }

  reset(): void {
    const { layers } = this.problem.workload;
    this.params = [];
    this.problem.weights.forEach((w, l) => {
      this.params.push(
        tensor(w.W.slice(), { shape: [layers[l], layers[l + 1]], requiresGrad: true }),
        tensor(w.b.slice(), { requiresGrad: true }),
      );
    });
    this.optimizer = new Adam(this.params, { lr: this.problem.workload.lr });
  }

  /** The logits of a batch. */
  forward(x: Tensor): Tensor {
    const p = this.params;
    let h = x;
    for (let k = 0; k < p.length; k += 2) h = linear(h, p[k], p[k + 1], k + 2 < p.length ? 'relu' : 'none');
    return h;
  }

  step(t: number, wantLoss: boolean): number {
    const batch = this.batches[t % this.batches.length];
    const loss = crossEntropy(this.forward(batch.x), batch.y);
    const opt = this.optimizer as Adam;
    opt.zeroGrad();
    loss.backward();
    opt.step();
    return wantLoss ? loss.item() : NaN;
  }

  dispose(): void {
    this.params = [];
    this.optimizer = null;
  }
}
