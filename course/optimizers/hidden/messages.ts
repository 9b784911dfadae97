/** The hidden optimizers grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  optimizers: 'randomized: every optimizer on random gradients and options',
};

const ko: typeof en = {
  optimizers: '무작위: 무작위 그래디언트와 옵션에서 모든 옵티마이저',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
