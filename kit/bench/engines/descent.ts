/**
 * The project's engine on a benchmark problem, written the two ways a student writes it (issue 14):
 *
 * - `ops`: plain tensor operations, h ← relu(h.matmul(W).add(b)) per hidden layer,
 *   logits = h.matmul(W).add(b), with the parameters made by `tensor(…, { requiresGrad: true })`;
 * - `layers`: chapter 08-training's `MLP` (a Sequential of Linear and ReLU, which runs each
 *   Linear + ReLU as the fused `linear` op), with the problem's initial weights copied in.
 *
 * Then `crossEntropy` (mean), `zeroGrad`, `backward()` and `Adam.step()`, on the backend asked for
 * (`wasm`, WebAssembly SIMD, or `js`, the TypeScript kernels).
 */
import { BackendName, Tensor, setBackend, tensor } from '../../../src/tensor';
import { view } from '../../../src/tensor/storage';
import { crossEntropy } from '../../../src/losses';
import { Adam } from '../../../src/optim';
import { Linear, MLP } from '../../../src/nn';
import { Problem } from '../workloads';
import { Trainer } from './trainer';

export type Style = 'ops' | 'layers';

/** Constant input tensors of every batch, sliced once (outside the timed loop). */
export function descentBatches(p: Problem): { x: Tensor; y: Tensor }[] {
  const d = p.workload.layers[0];
  return p.batches.map(([s, e]) => ({
    x: tensor(p.X.slice(s * d, e * d), { shape: [e - s, d] }),
    y: tensor(p.y.slice(s, e)),
  }));
}

export class DescentTrainer implements Trainer {
  readonly name: string;
  readonly dtype = 'float64' as const;
  readonly version: string;
  private readonly batches: { x: Tensor; y: Tensor }[];
  private params: Tensor[] = [];
  private model: MLP | null = null;
  private optimizer: Adam | null = null;

  constructor(private readonly problem: Problem, readonly style: Style, backend: BackendName) {
    setBackend(backend);
    this.name = `descent-${style}${backend === 'js' ? '-js' : ''}`;
    this.version = `this repo, ${backend === 'wasm' ? 'WebAssembly SIMD' : 'TypeScript'} kernels, ${style === 'ops' ? 'plain ops' : 'MLP layers'}`;
    this.batches = descentBatches(problem);
    this.reset();
  }

  reset(): void {
    const { layers, lr } = this.problem.workload;
    const w = this.problem.weights;
    if (this.style === 'ops') {
      this.params = [];
      w.forEach((wl, l) => {
        this.params.push(
          tensor(wl.W.slice(), { shape: [layers[l], layers[l + 1]], requiresGrad: true }),
          tensor(wl.b.slice(), { requiresGrad: true }),
        );
      });
    } else {
      this.model = new MLP(layers);
      const linears = this.model.layers.filter((m): m is Linear => m instanceof Linear);
      // Setup, not timed: the problem's initial weights into the layers' own storage.
      linears.forEach((lin, l) => {
        view(lin.weight.storage).set(w[l].W);
        view((lin.bias as Tensor).storage).set(w[l].b);
      });
      this.params = this.model.parameters();
    }
    this.optimizer = new Adam(this.params, { lr });
  }

  /** The logits of a batch. */
  forward(x: Tensor): Tensor {
    if (this.model !== null) return this.model.forward(x);
    const p = this.params;
    let h = x;
    for (let k = 0; k < p.length; k += 2) {
      h = h.matmul(p[k]).add(p[k + 1]);
      if (k + 2 < p.length) h = h.relu();
    }
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
    this.model = null;
    this.optimizer = null;
  }
}
