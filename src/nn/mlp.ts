/**
 * A multilayer perceptron (chapter 08-training): linear layers of the given widths with an
 * activation between consecutive ones and none after the last, so the output is raw logits
 * (feed it to `crossEntropy`) or a raw regression value (feed it to `mse`):
 * $$h_0 = x,\quad h_k = \phi(h_{k-1} W_k + b_k)\ (k < K),\quad \text{out} = h_{K-1} W_K + b_K.$$
 * `new MLP([2, 64, 64, 3])` is Linear(2, 64), ReLU, Linear(64, 64), ReLU, Linear(64, 3).
 *
 * All layers draw their initial weights from one generator, `rng(seed)` (default seed 0) or the
 * given `rng`, layer by layer (weight, then bias), so equal-sized layers start different and the
 * whole network is reproducible.
 */
import { checkInteger, checkOptions, describe, expected } from '../util/validate';
import { Module } from './module';
import { Sequential } from './sequential';
import { Linear } from './linear';
import { ReLU, Tanh } from './activations';
import { InitOptions, initGenerator } from './init';

export type MLPActivation = 'relu' | 'tanh';

export interface MLPOptions extends InitOptions {
  /** The activation between layers (default: 'relu'). */
  activation?: MLPActivation;
}

export const DEFAULT_MLP_ACTIVATION: MLPActivation = 'relu';
export const MLP_OPTION_NAMES = ['activation', 'seed', 'rng'] as const;
const ACTIVATIONS: readonly MLPActivation[] = ['relu', 'tanh'];

export class MLP extends Sequential {
  /** The layer widths [in, hidden…, out]. */
  readonly sizes: readonly number[];
  readonly activation: MLPActivation;

  constructor(sizes: number[], options?: MLPOptions) {
    const where = 'MLP';
    const what = 'an array of at least 2 layer widths, e.g. [2, 64, 64, 3]';
    if (!Array.isArray(sizes)) throw new TypeError(expected(where, 'sizes', what, sizes));
    if (sizes.length < 2) throw new RangeError(expected(where, 'sizes', what, sizes));
    sizes.forEach((n, i) => checkInteger(where, `sizes[${i}]`, n, 1));
    checkOptions(where, options, MLP_OPTION_NAMES);
    const activation = options?.activation ?? DEFAULT_MLP_ACTIVATION;
    if (!ACTIVATIONS.includes(activation)) {
      throw new RangeError(
        `${where}: activation must be one of ${ACTIVATIONS.map((a) => JSON.stringify(a)).join(', ')}, ` +
          `received ${describe(activation)}`,
      );
    }
    const generator = initGenerator(where, options);
    const layers: Module[] = [];
    for (let k = 0; k + 1 < sizes.length; k++) {
      if (k > 0) layers.push(activation === 'relu' ? new ReLU() : new Tanh());
      layers.push(new Linear(sizes[k], sizes[k + 1], { rng: generator }));
    }
    super(...layers);
    this.sizes = Object.freeze(sizes.slice());
    this.activation = activation;
  }
}
