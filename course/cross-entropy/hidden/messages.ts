/** The hidden cross-entropy grader's sentences in every language (instructor-only). */
import type { ExerciseMessages } from '../../../kit/grade/api';

const en = {
  sigmoid: 'randomized: sigmoid across magnitudes',
  bce: 'randomized: binaryCrossEntropy with soft labels and p = 0 or 1',
  ce: 'randomized: softmax and crossEntropy with logits up to ±1000',
  gradient: 'randomized: crossEntropyGradient',
};

const ko: typeof en = {
  sigmoid: '무작위: 다양한 크기의 z에서 sigmoid',
  bce: '무작위: 소프트 레이블과 p = 0 또는 1에서 binaryCrossEntropy',
  ce: '무작위: ±1000까지의 로짓에서 softmax와 crossEntropy',
  gradient: '무작위: crossEntropyGradient',
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
