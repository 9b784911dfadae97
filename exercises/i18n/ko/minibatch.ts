/**
 * 연습 문제 — 04-minibatch 장: 섞은 미니배치와 미니배치 경사 하강법.
 * 다른 연습 문제 파일에 작성한 코드를 가져다 써도 됩니다. 예:
 *   import { linearRegressionGradient } from './gradient-descent';
 * `throw new Error('TODO: …')`를 하나씩 바꾸고 `npm run grade`
 * (또는 노트북에서 `await check('minibatch')`)를 실행하세요.
 */

/**
 * 인덱스 0…n−1을 균등한 무작위 순서로 섞고, 그 순서대로 `batchSize`개씩 배치로 자릅니다.
 * 마지막 배치에는 남은 것이 들어가며 더 작을 수 있습니다 (절대 버리지 마세요).
 * 예: n = 10, batchSize = 3이면 크기 3, 3, 3, 1인 배치가 나옵니다.
 *
 * 모든 난수는 Math.random이 아니라 `rng()`([0, 1)에서 균등)에서 뽑으세요. 그래야 시드를 준 rng가
 * 재현 가능한 배치를 만듭니다. 힌트: 피셔–예이츠(Fisher–Yates) 셔플 — i를 n − 1부터 1까지 내려가며
 * i번 원소와 j = ⌊rng() · (i + 1)⌋번 원소를 바꿉니다. 매 단계 j를 전체 범위 0…n−1에서 고르면
 * 무작위처럼 보여도 균등하지 않습니다.
 */
export function miniBatches(n: number, batchSize: number, rng: () => number): number[][] {
  throw new Error('TODO: implement miniBatches (chapter 04-minibatch)');
}

/**
 * 선형 회귀 ŷ = Xw + b의 미니배치 경사 하강법. w = 0(길이 d인 벡터), b = 0에서 시작하고 학습률은
 * η = lr입니다. 에포크마다 miniBatches(n, batchSize, rng)로 새 배치를 뽑고, 배치 B마다 그 배치의
 * MSE로 한 단계 이동합니다.
 *
 *   w ← w − η · ∇_w L_B,   b ← b − η · ∂L_B/∂b,   L_B = (1/|B|) ∑_{i∈B} (ŷᵢ − yᵢ)²
 *
 * 에포크가 끝나면 losses[e]에 데이터 전체의 MSE를 기록합니다. 최종 w, b와 에포크마다 하나씩의
 * 손실을 반환합니다. 힌트: 배치의 그래디언트는 그 배치 자신의 크기로 평균합니다.
 */
export function trainLinearRegression(
  X: number[][],
  y: number[],
  options: { lr: number; epochs: number; batchSize: number; rng: () => number },
): { w: number[]; b: number; losses: number[] } {
  throw new Error('TODO: implement trainLinearRegression (chapter 04-minibatch)');
}
