/**
 * 연습 문제 — 01-mse 장: 평균 제곱 오차와 그 그래디언트.
 * `throw new Error('TODO: …')`를 하나씩 직접 작성한 코드로 바꾸고
 * `npm run grade`(또는 노트북에서 `await check('mse')`)를 실행하세요.
 *
 * 라이브러리의 mse(yHat, y)와 PyTorch의 F.mse_loss(input, target)처럼 예측값이 먼저 옵니다.
 */

/**
 * 제곱 오차의 평균:
 *
 *   MSE(ŷ, y) = (1/n) ∑ᵢ (ŷᵢ − yᵢ)²
 *
 * `yHat`은 예측값 ŷ, `y`는 타깃입니다 (길이는 둘 다 n).
 * 힌트: 평균을 내기 전에 각 오차를 제곱하고, n으로 나누세요 (합이 아니라 평균입니다).
 */
export function mse(yHat: number[], y: number[]): number {
  throw new Error('TODO: implement mse (chapter 01-mse)');
}

/**
 * 각 예측값에 대한 MSE의 그래디언트:
 *
 *   ∂MSE/∂ŷᵢ = (2/n) · (ŷᵢ − yᵢ)
 *
 * 길이 n인 새 배열을 반환합니다. 힌트: 2는 제곱에서, 1/n은 평균에서 나오고,
 * 부호는 y가 아니라 ŷ로 미분한 데서 나옵니다.
 */
export function mseGradient(yHat: number[], y: number[]): number[] {
  throw new Error('TODO: implement mseGradient (chapter 01-mse)');
}
