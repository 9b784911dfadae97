/**
 * The optimizers exercise's own sentences in every language (see course/mse/messages.ts).
 */
import type { ExerciseMessages } from '../../kit/grade/api';

const en = {
  checks: {
    sgd: 'sgd matches PyTorch: θ ← θ − η·g',
    momentum: 'momentum matches PyTorch: v ← μv + g, θ ← θ − η·v',
    nesterov: 'nesterov matches PyTorch: θ ← θ − η·(g + μv)',
    mu: 'momentum and nesterov with μ = 0.5 on given gradients',
    adagrad: 'adagrad matches PyTorch: s ← s + g², θ ← θ − η·g/(√s + ε)',
    adagradEps: 'adagrad: ε outside the root, default ε = 1e-10',
    rmsprop: 'rmsprop matches PyTorch: s ← αs + (1 − α)g², θ ← θ − η·g/(√s + ε)',
    rmspropOptions: 'rmsprop: options alpha and eps, defaults α = 0.99 and ε = 1e-8',
    adam: 'adam matches PyTorch (bias-corrected m and s)',
    adamOptions: 'adam: options betas and eps, defaults [0.9, 0.999] and 1e-8',
    state: 'each optimizer keeps its own state',
    copies: 'every step returns a new array and leaves params and grads untouched',
  },
  /** Known mistakes, by the name of their trajectory in cases.json. */
  mistakes: {
    ascent: 'the parameters move uphill: subtract the update',
    momentumEma: 'looks like an exponential moving average v = μv + (1 − μ)g; PyTorch uses v = μv + g',
    nesterovPlain: 'this is plain momentum: Nesterov steps along g + μv, not v',
    adagradNoAccumulation: 's must accumulate: s ← s + g² (it looks like s = g² at every step)',
    rmspropNoDecay: 's must decay: s ← αs + (1 − α)g²',
    epsInsideSqrt: 'ε goes outside the square root: √s + ε, not √(s + ε)',
    adamNoBiasCorrection: 'Adam divides m by (1 − β₁ᵗ) and s by (1 − β₂ᵗ) (bias correction)',
    adamBetasSwapped: 'β₁ and β₂ are swapped: β₁ goes with g, β₂ with g²',
  } as Record<string, string>,
  hints: {
    unchanged: (k: number) => `step ${k} returned its params unchanged: the step must move θ by its update rule`,
    sharedState: 'state shared between optimizers: keep the buffers inside the factory (in the closure), not at module level',
    mutatedParams: 'build and return a new array (params.map(…)) instead of updating params in place',
    mutatedGrads: 'never write into grads: keep your own buffers',
    returnedParams: 'return a new array',
  },
  text: {
    quadratic: 'the gradient of a quadratic',
    rosenbrock: 'the gradient of the Rosenbrock function',
    run: (step: string, steps: number, x0: string, source: string) => `${step}; ${steps} steps from ${x0} with ${source}`,
    points: (points: number, d: number) => `${points} points of ${d} numbers`,
    after: (k: number) => `point after step ${k}`,
    interleaved: (factory: string) => `two optimizers from ${factory}, stepped in turn`,
    first: 'the first one',
    second: 'the second one',
    sharedState: 'it steps correctly alone but not next to another optimizer',
    mutatedParams: 'the step modified the params array it was given',
    mutatedGrads: 'the step modified the grads array it was given',
    returnedParams: 'the step returned the params array itself',
  },
};

const ko: typeof en = {
  checks: {
    sgd: 'sgd가 PyTorch와 일치한다: θ ← θ − η·g',
    momentum: 'momentum이 PyTorch와 일치한다: v ← μv + g, θ ← θ − η·v',
    nesterov: 'nesterov가 PyTorch와 일치한다: θ ← θ − η·(g + μv)',
    mu: '주어진 그래디언트에서 μ = 0.5인 momentum과 nesterov',
    adagrad: 'adagrad가 PyTorch와 일치한다: s ← s + g², θ ← θ − η·g/(√s + ε)',
    adagradEps: 'adagrad: ε은 제곱근 밖에, 기본값 ε = 1e-10',
    rmsprop: 'rmsprop이 PyTorch와 일치한다: s ← αs + (1 − α)g², θ ← θ − η·g/(√s + ε)',
    rmspropOptions: 'rmsprop: alpha와 eps 옵션, 기본값 α = 0.99, ε = 1e-8',
    adam: 'adam이 PyTorch와 일치한다 (편향 보정한 m과 s)',
    adamOptions: 'adam: betas와 eps 옵션, 기본값 [0.9, 0.999]와 1e-8',
    state: '옵티마이저마다 자기 상태를 따로 가진다',
    copies: '모든 단계는 새 배열을 반환하고 params와 grads는 건드리지 않는다',
  },
  mistakes: {
    ascent: '파라미터가 오르막으로 움직입니다: 갱신량을 빼세요',
    momentumEma: '지수 이동 평균 v = μv + (1 − μ)g로 보입니다. PyTorch는 v = μv + g를 씁니다',
    nesterovPlain: '이것은 일반 모멘텀입니다: 네스테로프는 v가 아니라 g + μv 방향으로 이동합니다',
    adagradNoAccumulation: 's는 누적되어야 합니다: s ← s + g² (매 단계 s = g²로 보입니다)',
    rmspropNoDecay: 's는 감쇠해야 합니다: s ← αs + (1 − α)g²',
    epsInsideSqrt: 'ε은 제곱근 밖에 있습니다: √(s + ε)가 아니라 √s + ε',
    adamNoBiasCorrection: 'Adam은 m을 (1 − β₁ᵗ)로, s를 (1 − β₂ᵗ)로 나눕니다 (편향 보정)',
    adamBetasSwapped: 'β₁과 β₂가 바뀌었습니다: β₁은 g에, β₂는 g²에 붙습니다',
  },
  hints: {
    unchanged: (k) => `${k}번 단계가 params를 그대로 반환했습니다: 단계마다 갱신 규칙에 따라 θ를 움직여야 합니다`,
    sharedState: '옵티마이저끼리 상태를 공유하고 있습니다: 버퍼는 모듈 수준이 아니라 팩토리 안(클로저)에 두세요',
    mutatedParams: 'params를 제자리에서 고치지 말고 새 배열(params.map(…))을 만들어 반환하세요',
    mutatedGrads: 'grads에는 절대 쓰지 마세요: 자기 버퍼를 따로 두세요',
    returnedParams: '새 배열을 반환하세요',
  },
  text: {
    quadratic: '이차 함수의 그래디언트',
    rosenbrock: '로젠브록 함수의 그래디언트',
    run: (step, steps, x0, source) => `${step}; ${x0}에서 ${source}로 ${steps}단계`,
    points: (points, d) => `숫자 ${d}개짜리 점 ${points}개`,
    after: (k) => `${k}번 단계 후의 점`,
    interleaved: (factory) => `${factory}로 만든 옵티마이저 두 개를 번갈아 실행`,
    first: '첫 번째',
    second: '두 번째',
    sharedState: '혼자서는 제대로 움직이지만 다른 옵티마이저와 함께 쓰면 틀립니다',
    mutatedParams: '받은 params 배열을 단계가 바꿨습니다',
    mutatedGrads: '받은 grads 배열을 단계가 바꿨습니다',
    returnedParams: '단계가 params 배열 그 자체를 반환했습니다',
  },
};

export type OptimizersMessages = typeof en;
export default { en, ko } satisfies ExerciseMessages<typeof en>;
