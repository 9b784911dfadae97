/**
 * The minibatch exercise's own sentences in every language (see course/mse/messages.ts). Today its
 * check names; its detailed hints are still English only (grader.ts, seeded-shuffle.ts).
 */
import type { ExerciseMessages } from '../../kit/grade/api';

const en = {
  checks: {
    batches: 'miniBatches(10, 3) shuffles 0…9 into batches of 3, 3, 3, 1',
    edges: 'miniBatches edge cases (batchSize 1, = n, > n, dividing n)',
    seeded: 'miniBatches is a seeded random permutation (rng only, reproducible, seed-dependent)',
    uniform: 'miniBatches shuffles uniformly (every order equally likely)',
    fullBatch: 'trainLinearRegression with one full batch per epoch matches PyTorch',
    batches442: 'trainLinearRegression with batches of 4, 4, 2 (every batch, its own mean, one loss per epoch)',
    converges: 'trainLinearRegression converges to the exact fit',
    reshuffled: 'trainLinearRegression learns with batches reshuffled by rng every epoch',
  },
};

const ko: typeof en = {
  checks: {
    batches: 'miniBatches(10, 3)는 0…9를 섞어 크기 3, 3, 3, 1인 배치로 나눈다',
    edges: 'miniBatches의 경계 사례 (batchSize가 1, n과 같음, n보다 큼, n의 약수)',
    seeded: 'miniBatches는 시드로 정해지는 무작위 순열이다 (rng만 사용, 재현 가능, 시드에 따라 다름)',
    uniform: 'miniBatches는 균등하게 섞는다 (모든 순서가 같은 확률)',
    fullBatch: '에포크마다 전체 배치 하나로 학습한 trainLinearRegression이 PyTorch와 일치한다',
    batches442: '크기 4, 4, 2인 배치로 학습한 trainLinearRegression (모든 배치, 배치마다 자기 평균, 에포크마다 손실 하나)',
    converges: 'trainLinearRegression이 정확한 해로 수렴한다',
    reshuffled: 'trainLinearRegression이 에포크마다 rng로 다시 섞은 배치로 학습한다',
  },
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
