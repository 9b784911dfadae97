/** The hidden mse grader's sentences in every language (instructor-only, like hidden/grader.ts). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  mse: 'randomized: mse on 20 random cases',
  gradient: 'randomized: mseGradient on 20 random cases',
  sum: 'looks like the sum, not the mean',
};

const ko: typeof en = {
  mse: '무작위: 무작위 사례 20개에서 mse',
  gradient: '무작위: 무작위 사례 20개에서 mseGradient',
  sum: '평균이 아니라 합으로 보입니다',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
