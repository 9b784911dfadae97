/** The hidden gradient-descent grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  quadratics: 'randomized: gradientDescent on random quadratics',
  regression: 'randomized: linearRegressionGradient on random data',
};

const ko: typeof en = {
  quadratics: '무작위: 무작위 이차 함수에서 gradientDescent',
  regression: '무작위: 무작위 데이터에서 linearRegressionGradient',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
