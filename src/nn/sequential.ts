/**
 * A chain of modules applied one after another, as PyTorch's `nn.Sequential` (chapter
 * 08-training): f = f_K ∘ … ∘ f₂ ∘ f₁, so `forward(x)` = f_K(…f₂(f₁(x))). Its parameters are
 * those of its modules, in order; its children are named 0, 1, 2, …
 */
import { Tensor } from '../tensor';
import { expected } from '../util/validate';
import { Module } from './module';
import { Linear } from './linear';
import { ReLU } from './activations';

export class Sequential extends Module {
  /** The modules, in the order they are applied. */
  readonly layers: Module[];

  constructor(...modules: Module[]) {
    super();
    modules.forEach((m: unknown, i: number) => {
      if (!(m instanceof Module)) {
        throw new TypeError(expected(this.typeName, `modules[${i}]`, 'a Module (e.g. new Linear(2, 3), new ReLU())', m));
      }
    });
    this.layers = modules.slice();
  }

  /** The number of modules. */
  get length(): number {
    return this.layers.length;
  }

  override forward(x: Tensor): Tensor {
    let y = x;
    const layers = this.layers;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i];
      // A Linear followed by a ReLU runs as one fused op: the same numbers, one pass.
      if (layer instanceof Linear && layers[i + 1] instanceof ReLU) {
        y = layer.forwardWith(y, 'relu');
        i++;
      } else {
        y = layer.forward(y);
      }
    }
    return y;
  }

  override children(): [string, Module][] {
    return this.layers.map((m, i): [string, Module] => [String(i), m]);
  }
}
