/**
 * 연습 문제 — 07-optimizers 장: 클로저로 만드는 옵티마이저. 갱신 규칙과 기본값은 PyTorch를
 * 따릅니다. `throw new Error('TODO: …')`를 하나씩 바꾸고 `npm run grade`
 * (또는 노트북에서 `await check('optimizers')`)를 실행하세요.
 *
 * 각 팩토리는 Step을 반환합니다: 현재 파라미터와 그 그래디언트를 받아, 호출 사이에 자기 상태(버퍼,
 * 단계 수)를 유지하고, 새 파라미터를 반환하는 함수입니다 — 받은 배열은 절대 바꾸면 안 됩니다.
 * 표기 (07장): θ = params, g = grads, η = lr, t = 단계 번호 (첫 호출에서 1). 모든 연산은 좌표별로
 * 합니다. 옵션 이름은 라이브러리와 PyTorch의 것을 씁니다 (momentum, alpha, betas, eps).
 */

export type Step = (params: number[], grads: number[]) => number[];

/** 기본 SGD:  θ ← θ − η · g. */
export function sgd(options: { lr: number }): Step {
  throw new Error('TODO: implement sgd (chapter 07-optimizers)');
}

/**
 * 모멘텀 μ를 쓰는 SGD, PyTorch의 형태 (평균이 아니라 합):
 *
 *   b₁ = g,   bₜ = μ · bₜ₋₁ + g,   θ ← θ − η · bₜ
 */
export function momentum(options: { lr: number; momentum: number }): Step {
  throw new Error('TODO: implement momentum (chapter 07-optimizers)');
}

/**
 * 네스테로프 모멘텀, PyTorch의 형태: bₜ는 모멘텀과 똑같이 갱신하고, 그래디언트에 앞을 내다본
 * 항을 더한 방향으로 이동합니다:
 *
 *   θ ← θ − η · (g + μ · bₜ)
 */
export function nesterov(options: { lr: number; momentum: number }): Step {
  throw new Error('TODO: implement nesterov (chapter 07-optimizers)');
}

/**
 * AdaGrad (eps의 기본값은 1e-10):
 *
 *   s ← s + g²   (s는 0에서 시작해 누적됩니다),   θ ← θ − η · g / (√s + ε)
 *
 * 힌트: ε은 제곱근 밖에 있습니다.
 */
export function adagrad(options: { lr: number; eps?: number }): Step {
  throw new Error('TODO: implement adagrad (chapter 07-optimizers)');
}

/**
 * RMSProp (alpha의 기본값은 0.99, eps는 1e-8):
 *
 *   v ← α · v + (1 − α) · g²   (v는 0에서 시작),   θ ← θ − η · g / (√v + ε)
 *
 * 힌트: 편향 보정은 없고, ε은 제곱근 밖에 있습니다.
 */
export function rmsprop(options: { lr: number; alpha?: number; eps?: number }): Step {
  throw new Error('TODO: implement rmsprop (chapter 07-optimizers)');
}

/**
 * Adam (betas = [β₁, β₂]의 기본값은 [0.9, 0.999], eps는 1e-8), torch.optim.Adam(betas=…)과 같습니다:
 *
 *   m ← β₁ · m + (1 − β₁) · g,    v ← β₂ · v + (1 − β₂) · g²    (m과 v는 0에서 시작)
 *   m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − η · m̂ / (√v̂ + ε)
 *
 * 힌트: β₁은 그래디언트에, β₂는 그 제곱에 붙습니다. ε은 제곱근을 구한 뒤에 더합니다.
 */
export function adam(options: { lr: number; betas?: [number, number]; eps?: number }): Step {
  throw new Error('TODO: implement adam (chapter 07-optimizers)');
}
