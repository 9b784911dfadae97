/** The hidden autograd grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  graphs: 'randomized: random graphs with shared nodes',
};

const ko: typeof en = {
  graphs: '무작위: 노드를 공유하는 무작위 그래프',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
