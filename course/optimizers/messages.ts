/**
 * The optimizers exercise's own sentences in every language (see course/mse/messages.ts). Today its
 * check names; its detailed hints are still English only (grader.ts).
 */
import type { ExerciseMessages } from '../../kit/grade/api';

const en = {
  checks: {
    sgd: 'sgd matches PyTorch: θ ← θ − η·g',
    momentum: 'momentum matches PyTorch: b ← μb + g, θ ← θ − η·b',
    nesterov: 'nesterov matches PyTorch: θ ← θ − η·(g + μb)',
    mu: 'momentum and nesterov with μ = 0.5 on given gradients',
    adagrad: 'adagrad matches PyTorch: s ← s + g², θ ← θ − η·g/(√s + ε)',
    adagradEps: 'adagrad: ε outside the root, default ε = 1e-10',
    rmsprop: 'rmsprop matches PyTorch: v ← αv + (1 − α)g², θ ← θ − η·g/(√v + ε)',
    rmspropOptions: 'rmsprop: options alpha and eps, defaults α = 0.99 and ε = 1e-8',
    adam: 'adam matches PyTorch (bias-corrected m and v)',
    adamOptions: 'adam: options betas and eps, defaults [0.9, 0.999] and 1e-8',
    state: 'each optimizer keeps its own state',
    copies: 'every step returns a new array and leaves params and grads untouched',
  },
};

const ko: typeof en = {
  checks: {
    sgd: 'sgd가 PyTorch와 일치한다: θ ← θ − η·g',
    momentum: 'momentum이 PyTorch와 일치한다: b ← μb + g, θ ← θ − η·b',
    nesterov: 'nesterov가 PyTorch와 일치한다: θ ← θ − η·(g + μb)',
    mu: '주어진 그래디언트에서 μ = 0.5인 momentum과 nesterov',
    adagrad: 'adagrad가 PyTorch와 일치한다: s ← s + g², θ ← θ − η·g/(√s + ε)',
    adagradEps: 'adagrad: ε은 제곱근 밖에, 기본값 ε = 1e-10',
    rmsprop: 'rmsprop이 PyTorch와 일치한다: v ← αv + (1 − α)g², θ ← θ − η·g/(√v + ε)',
    rmspropOptions: 'rmsprop: alpha와 eps 옵션, 기본값 α = 0.99, ε = 1e-8',
    adam: 'adam이 PyTorch와 일치한다 (편향 보정한 m과 v)',
    adamOptions: 'adam: betas와 eps 옵션, 기본값 [0.9, 0.999]와 1e-8',
    state: '옵티마이저마다 자기 상태를 따로 가진다',
    copies: '모든 단계는 새 배열을 반환하고 params와 grads는 건드리지 않는다',
  },
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
