/** The hidden minibatch grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';
import shared from '../messages';

const en = {
  batches: 'randomized: miniBatches for random n and batchSize',
  training: 'randomized: full-batch training on random data',
  sizes: 'batch sizes',
  everyIndex: (last: number) => `every index 0…${last} once`,
  /** The public grader's sentences, for the shared seeded-shuffle check. */
  shuffle: shared.en,
};

const ko: typeof en = {
  batches: '무작위: 무작위 n과 batchSize에서 miniBatches',
  training: '무작위: 무작위 데이터에서 전체 배치 학습',
  sizes: '배치 크기',
  everyIndex: (last) => `모든 인덱스 0…${last}가 한 번씩`,
  shuffle: shared.ko,
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
