/**
 * The mse exercise's own sentences (check names and hints) in every language; grader.ts takes the
 * student's. `ko` must have every key of `en` (ExerciseMessages checks it).
 */
import type { ExerciseMessages } from '../../kit/grade/api';

const en = {
  checks: {
    mean: 'mse is the mean of the squared errors',
    signs: 'mse squares errors of both signs',
    torch: 'mse matches PyTorch (F.mse_loss, reduction "mean")',
    gradient: 'mseGradient is 2(ŷ − y)/n',
    gradientTorch: 'mseGradient matches PyTorch’s autograd',
  },
  hints: {
    sum: 'looks like the sum, not the mean: did you forget to divide by n?',
    swapped: 'the sign is flipped: the gradient is 2(ŷ − y)/n — is the order mseGradient(yHat, y), prediction first?',
    abs: 'looks like the mean of |error|: square each error instead',
    rmse: 'that is the root of the MSE (RMSE): leave out the square root',
    nMinus1: 'looks like the sum divided by (n − 1): the mean divides by n',
    cancelled: 'the errors cancelled out: square each error before averaging',
    gradientMean: 'did you forget to divide by n? The MSE is a mean, so is its gradient',
    gradientN: 'did you forget to divide by n?',
    factor2: 'the factor 2 from differentiating the square is missing',
    both: 'both the factor 2 and the 1/n are missing',
  },
};

const ko: typeof en = {
  checks: {
    mean: 'mse는 제곱 오차의 평균이다',
    signs: 'mse는 부호와 상관없이 오차를 제곱한다',
    torch: 'mse가 PyTorch(F.mse_loss, reduction "mean")와 일치한다',
    gradient: 'mseGradient는 2(ŷ − y)/n이다',
    gradientTorch: 'mseGradient가 PyTorch의 autograd와 일치한다',
  },
  hints: {
    sum: '평균이 아니라 합으로 보입니다: n으로 나누는 것을 잊지 않았나요?',
    swapped: '부호가 반대입니다: 그래디언트는 2(ŷ − y)/n입니다 — 인자 순서가 mseGradient(yHat, y), 즉 예측값이 먼저인가요?',
    abs: '|오차|의 평균으로 보입니다: 각 오차를 제곱하세요',
    rmse: 'MSE의 제곱근(RMSE)입니다: 제곱근은 빼세요',
    nMinus1: '합을 (n − 1)로 나눈 값으로 보입니다: 평균은 n으로 나눕니다',
    cancelled: '오차끼리 상쇄되었습니다: 평균을 내기 전에 각 오차를 제곱하세요',
    gradientMean: 'n으로 나누는 것을 잊지 않았나요? MSE가 평균이므로 그래디언트도 평균입니다',
    gradientN: 'n으로 나누는 것을 잊지 않았나요?',
    factor2: '제곱을 미분할 때 나오는 인수 2가 빠졌습니다',
    both: '인수 2와 1/n이 모두 빠졌습니다',
  },
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
