/** Seeded randomness, toy data sets, minibatches and splits (chapters 01–08). */
export {
  DEFAULT_SEED,
  SFC32_WARMUP,
  permutation,
  randint,
  randnFrom,
  rng,
  shuffle,
} from './rng';
export type { Rng } from './rng';
export type { Dataset } from './dataset';
export { LINEAR_DATA_DEFAULTS, LINEAR_X_RANGE, linearData } from './linear-data';
export type { LinearDataOptions } from './linear-data';
export {
  BLOBS_DEFAULTS,
  BLOBS_RADIUS,
  SPIRALS_DEFAULTS,
  TWO_MOONS_DEFAULTS,
  XOR_DATA_DEFAULTS,
  blobs,
  spirals,
  twoMoons,
  xorData,
} from './classification';
export type { BlobsOptions, SpiralsOptions, TwoMoonsOptions, XorDataOptions } from './classification';
export { DATA_LOADER_DEFAULTS, DataLoader, batches, takeRows } from './batches';
export type { DataLoaderOptions } from './batches';
export { TRAIN_TEST_SPLIT_DEFAULTS, trainTestSplit } from './split';
export type { TrainTestSplitOptions } from './split';
