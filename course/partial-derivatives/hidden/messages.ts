/**
 * The hidden partial-derivatives grader's sentences in every language (instructor-only, like
 * hidden/grader.ts): the public ones (check names, hints, derivative.ts's feedback) and the name of
 * a randomized check.
 */
import type { ExerciseMessages } from '../../../kit/grade/api';
import shared from '../messages';

const en = {
  ...shared.en,
  randomized: (check: string) => `randomized: ${check} at 16 random points`,
};

const ko: typeof en = {
  ...shared.ko,
  randomized: (check) => `무작위: 무작위 점 16개에서 ${check}`,
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
