/** The hidden minibatch grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  batches: 'randomized: miniBatches for random n and batchSize',
  training: 'randomized: full-batch training on random data',
};

const ko: typeof en = {
  batches: '무작위: 무작위 n과 batchSize에서 miniBatches',
  training: '무작위: 무작위 데이터에서 전체 배치 학습',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
