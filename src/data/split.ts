/**
 * Hold-out split: a random permutation π of the N rows; the first N_test = round(f · N) rows of π
 * form the test set, the other N − N_test the training set. The two sets are disjoint and
 * together contain every row once. Chapter 08-training measures generalisation this way.
 */
import { checkFinite, checkOptions, expected } from '../util/validate';
import { takeRows } from './batches';
import { checkDataset, Dataset } from './dataset';
import { checkSeed, DEFAULT_SEED, permutation, rng } from './rng';

export interface TrainTestSplitOptions {
  /** Fraction f of the rows that goes to the test set, strictly between 0 and 1 (default 0.2). */
  testFraction?: number;
  /** Seed of the permutation (default `DEFAULT_SEED`). */
  seed?: number;
}

export const TRAIN_TEST_SPLIT_DEFAULTS = Object.freeze({ testFraction: 0.2, seed: DEFAULT_SEED });

/**
 * Splits `{ X, y }` into `{ train, test }` (rows in permutation order). Both parts must end up
 * non-empty: N_test = round(testFraction · N) must lie in [1, N − 1].
 */
export function trainTestSplit(
  data: Dataset,
  options: TrainTestSplitOptions = {},
): { train: Dataset; test: Dataset } {
  const where = 'trainTestSplit';
  const n = checkDataset(where, data);
  checkOptions(where, options, ['testFraction', 'seed']);
  const f = checkFinite(where, 'testFraction', options.testFraction ?? TRAIN_TEST_SPLIT_DEFAULTS.testFraction);
  if (f <= 0 || f >= 1) throw new RangeError(expected(where, 'testFraction', 'a number in (0, 1)', f));
  const seed = checkSeed(where, options.seed ?? TRAIN_TEST_SPLIT_DEFAULTS.seed);
  const nTest = Math.round(f * n);
  if (nTest < 1 || nTest > n - 1) {
    throw new RangeError(
      `${where}: testFraction ${f} of ${n} rows gives ${nTest} test rows and ${n - nTest} training rows; ` +
        `both must be at least 1`,
    );
  }
  const order = permutation(n, rng(seed));
  const testIdx = order.slice(0, nTest);
  const trainIdx = order.slice(nTest);
  return {
    train: { X: takeRows(data.X, trainIdx), y: takeRows(data.y, trainIdx) },
    test: { X: takeRows(data.X, testIdx), y: takeRows(data.y, testIdx) },
  };
}
