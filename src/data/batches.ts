/**
 * Minibatches (chapter 04-minibatch). One epoch visits a random permutation π of the N examples
 * in ⌈N / B⌉ consecutive slices of size B; the minibatch gradient
 *
 *   ĝ = (1 / |B_k|) Σ_{i ∈ B_k} ∇ℓ_i(θ),   B_k = { π(kB), …, π(min((k + 1)B, N) − 1) }
 *
 * is an unbiased estimate of the full-batch gradient (1 / N) Σ_i ∇ℓ_i(θ), because every example
 * lands in exactly one batch per epoch.
 */
import { Tensor, tensor } from '../tensor';
import { checkBoolean, checkInteger, checkOptions, describe, expected } from '../util/validate';
import { checkDataset, Dataset } from './dataset';
import { checkRng, DEFAULT_SEED, permutation, Rng, rng as seededRng } from './rng';

/** Cuts `order` into consecutive slices of `batchSize` (the last one possibly shorter). */
function chunk(order: number[], batchSize: number): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    out.push(order.slice(start, start + batchSize));
  }
  return out;
}

/**
 * The index batches of one epoch: a random permutation of 0, …, n − 1 (Fisher–Yates, drawn from
 * `rng`) cut into slices of `batchSize`; the last slice holds the n mod batchSize leftovers if
 * there are any. Every index appears in exactly one batch.
 */
export function batches(n: number, batchSize: number, rng: Rng): number[][] {
  checkInteger('batches', 'n', n, 0);
  checkInteger('batches', 'batchSize', batchSize, 1);
  checkRng('batches', rng);
  return chunk(permutation(n, rng), batchSize);
}

/**
 * The rows `idx` of `t` (along its first axis), copied into a new constant tensor of shape
 * [idx.length, …t.shape.slice(1)]. Rows may repeat. No gradient flows back to `t`: this is for
 * gathering data, not parameters.
 */
export function takeRows(t: Tensor, idx: readonly number[]): Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(expected('takeRows', 't', 'a Tensor', t));
  if (t.ndim < 1) throw new RangeError('takeRows: t must have at least one axis, received a scalar tensor');
  if (!Array.isArray(idx) || idx.length === 0) {
    const err = Array.isArray(idx) ? RangeError : TypeError;
    throw new err(expected('takeRows', 'idx', 'a non-empty array of row indices', idx));
  }
  const rows = t.shape[0];
  const rowSize = rows === 0 ? 0 : t.size / rows;
  const out = new Float64Array(idx.length * rowSize);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (!Number.isInteger(i) || i < 0 || i >= rows) {
      throw new RangeError(
        `takeRows: idx[${k}] must be an integer in [0, ${rows - 1}] (t has ${rows} rows), received ${describe(i)}`,
      );
    }
    out.set(t.data.subarray(i * rowSize, (i + 1) * rowSize), k * rowSize);
  }
  return tensor(out, { shape: [idx.length, ...t.shape.slice(1)] });
}

export interface DataLoaderOptions {
  /** Examples per batch B (the last batch of an epoch may be smaller unless `dropLast`). */
  batchSize: number;
  /** Draw a new permutation every epoch (default true); otherwise keep the data order. */
  shuffle?: boolean;
  /** The generator for the permutations (default `rng(DEFAULT_SEED)`, a fresh one per loader). */
  rng?: Rng;
  /** Skip the last batch of an epoch when it is smaller than `batchSize` (default false). */
  dropLast?: boolean;
}

export const DATA_LOADER_DEFAULTS = Object.freeze({ shuffle: true, dropLast: false });

const LOADER_OPTIONS = ['batchSize', 'shuffle', 'rng', 'dropLast'] as const;

/**
 * Iterates a data set in minibatches, one epoch per `for … of`:
 *
 *   const loader = new DataLoader({ X, y }, { batchSize: 32 });
 *   for (let epoch = 0; epoch < 10; epoch++) for (const { X, y } of loader) { … }
 *
 * With `shuffle` (the default) each epoch draws a new permutation from the loader's generator,
 * so epochs differ from each other while the whole run is reproducible from the seed.
 * `length` is the number of batches per epoch: ⌈N / B⌉, or ⌊N / B⌋ with `dropLast`.
 */
export class DataLoader implements Iterable<Dataset> {
  readonly data: Dataset;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  /** Number of examples N. */
  readonly n: number;
  private readonly rng: Rng;

  constructor(data: Dataset, options: DataLoaderOptions) {
    const n = checkDataset('DataLoader', data);
    if (options === undefined) {
      throw new TypeError(expected('DataLoader', 'options', 'an object with at least batchSize', options));
    }
    checkOptions('DataLoader', options, LOADER_OPTIONS);
    const batchSize = checkInteger('DataLoader', 'batchSize', options.batchSize, 1);
    const shuffle = checkBoolean('DataLoader', 'shuffle', options.shuffle ?? DATA_LOADER_DEFAULTS.shuffle);
    const dropLast = checkBoolean('DataLoader', 'dropLast', options.dropLast ?? DATA_LOADER_DEFAULTS.dropLast);
    if (dropLast && batchSize > n) {
      throw new RangeError(
        `DataLoader: batchSize must be <= the number of examples (${n}) when dropLast is true, ` +
          `received ${batchSize} (every batch would be dropped)`,
      );
    }
    this.rng = options.rng === undefined ? seededRng(DEFAULT_SEED) : checkRng('DataLoader', options.rng);
    this.data = data;
    this.n = n;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
  }

  /** Batches per epoch. */
  get length(): number {
    return this.dropLast ? Math.floor(this.n / this.batchSize) : Math.ceil(this.n / this.batchSize);
  }

  /** The index batches of the next epoch (draws a permutation when shuffling). */
  epochIndices(): number[][] {
    let order: number[];
    if (this.shuffle) {
      order = permutation(this.n, this.rng);
    } else {
      order = new Array<number>(this.n);
      for (let i = 0; i < this.n; i++) order[i] = i;
    }
    const out = chunk(order, this.batchSize);
    if (this.dropLast && out.length > 0 && out[out.length - 1].length < this.batchSize) out.pop();
    return out;
  }

  *[Symbol.iterator](): Iterator<Dataset> {
    for (const idx of this.epochIndices()) {
      yield { X: takeRows(this.data.X, idx), y: takeRows(this.data.y, idx) };
    }
  }
}
