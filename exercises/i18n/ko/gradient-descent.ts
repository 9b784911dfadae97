/**
 * 연습 문제 — 03-gradient-descent 장: 기본 경사 하강법과 선형 회귀의 그래디언트.
 * `throw new Error('TODO: …')`를 하나씩 바꾸고 `npm run grade`
 * (또는 노트북에서 `await check('gradient-descent')`)를 실행하세요.
 */

/**
 * x0에서 시작해 학습률 η = lr로 경사 하강법을 `steps`단계 실행합니다:
 *
 *   xₜ₊₁ = xₜ − η · ∇f(xₜ)
 *
 * 그리고 궤적 전체 [x₀, x₁, …, x_steps]를 반환합니다: x0부터 시작하는 점 steps + 1개.
 * `grad(x)`는 ∇f(x)를 반환합니다. 한 단계 이동하는 출발점 xₜ마다 호출하세요.
 * 모든 점은 새 배열이어야 합니다 (x0도 복사하고, x0은 바꾸지 마세요). 그래야 나중에 한 점을
 * 바꿔도 다른 점이 바뀌지 않습니다.
 */
export function gradientDescent(
  grad: (x: number[]) => number[],
  x0: number[],
  lr: number,
  steps: number,
): number[][] {
  throw new Error('TODO: implement gradientDescent (chapter 03-gradient-descent)');
}

/**
 * 선형 모델 ŷᵢ = xᵢ · w + b의 평균 제곱 오차에 대한 그래디언트. xᵢ는 X(n행, d열)의 i번 행입니다:
 *
 *   L(w, b) = (1/n) ∑ᵢ (ŷᵢ − yᵢ)²
 *   ∂L/∂wⱼ = (2/n) ∑ᵢ (ŷᵢ − yᵢ) · Xᵢⱼ
 *   ∂L/∂b  = (2/n) ∑ᵢ (ŷᵢ − yᵢ)
 *
 * 힌트: 잔차 ŷᵢ − yᵢ를 한 번 계산해 두고 dw와 db에 다시 쓰세요.
 */
export function linearRegressionGradient(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
): { dw: number[]; db: number } {
  throw new Error('TODO: implement linearRegressionGradient (chapter 03-gradient-descent)');
}
