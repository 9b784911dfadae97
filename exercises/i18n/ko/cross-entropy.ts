/**
 * 연습 문제 — 02-cross-entropy 장: 시그모이드, 이진 교차 엔트로피, 소프트맥스, 교차 엔트로피를
 * PyTorch의 관례대로 구현합니다. `throw new Error('TODO: …')`를 하나씩 바꾸고
 * `npm run grade`(또는 노트북에서 `await check('cross-entropy')`)를 실행하세요.
 *
 * 라이브러리와 PyTorch처럼 예측값이 먼저 옵니다: binaryCrossEntropy(pHat, y),
 * crossEntropy(logits, labels).
 */

/**
 * 로지스틱 시그모이드  σ(z) = 1 / (1 + e⁻ᶻ).
 *
 * z = ±1000을 포함해 모든 유한한 z에 대해 [0, 1] 사이의 숫자를 반환해야 합니다 (NaN은 안 됩니다).
 * 힌트: z < 0이면 eᶻ / (1 + eᶻ)로 바꿔 써서 아무것도 넘치지 않게 하세요.
 */
export function sigmoid(z: number): number {
  throw new Error('TODO: implement sigmoid (chapter 02-cross-entropy)');
}

/**
 * n개 예제에 대해 평균한 이진 교차 엔트로피 (PyTorch의 기본 reduction 'mean'과 같습니다):
 *
 *   BCE(p̂, y) = −(1/n) ∑ᵢ [ yᵢ · max(ln p̂ᵢ, −100) + (1 − yᵢ) · max(ln(1 − p̂ᵢ), −100) ]
 *
 * `pHat`은 [0, 1] 사이의 예측 확률 p̂, `y`는 레이블이며 소프트 레이블일 수도 있습니다
 * ([0, 1] 사이의 아무 값).
 * 힌트: PyTorch처럼 p̂ 자체가 아니라 각 로그를 −100에서 자르세요. 그러면 p̂ = 0이나 p̂ = 1에서도
 * 손실이 유한합니다: binaryCrossEntropy([0], [1])은 정확히 100입니다.
 */
export function binaryCrossEntropy(pHat: number[], y: number[]): number {
  throw new Error('TODO: implement binaryCrossEntropy (chapter 02-cross-entropy)');
}

/**
 * 로짓 한 행 z의 소프트맥스:
 *
 *   softmax(z)ₖ = e^(zₖ − m) / ∑ⱼ e^(zⱼ − m),   m = maxⱼ zⱼ
 *
 * 합이 1인 새 배열을 반환합니다. 힌트: 최댓값 m을 빼도 결과는 같지만 eᶻ가 넘치지 않습니다
 * — softmax([1000, 999])는 NaN이면 안 됩니다.
 */
export function softmax(logits: number[]): number[] {
  throw new Error('TODO: implement softmax (chapter 02-cross-entropy)');
}

/**
 * 로짓 N개 행과 정수 클래스 레이블(0 … C − 1) 사이의 교차 엔트로피를 행에 대해 평균한 값:
 *
 *   CE = (1/N) ∑ₙ −log softmax(zₙ)[yₙ] = (1/N) ∑ₙ ( logsumexp(zₙ) − zₙ[yₙ] )
 *
 * 이때 logsumexp(z) = m + log ∑ⱼ e^(zⱼ − m)입니다. 힌트: 0으로 언더플로될 수 있는 소프트맥스에
 * 로그를 취하지 말고 로그 확률(log-sum-exp)로 계산하세요: 로짓 [[1000, 0]], 레이블 1의 손실은
 * Infinity가 아니라 정확히 1000입니다.
 */
export function crossEntropy(logits: number[][], labels: number[]): number {
  throw new Error('TODO: implement crossEntropy (chapter 02-cross-entropy)');
}

/**
 * 모든 로짓에 대한 crossEntropy의 그래디언트:
 *
 *   ∂CE/∂zₙₖ = ( softmax(zₙ)ₖ − [k = yₙ] ) / N
 *
 * N × C 크기의 새 배열을 반환합니다. 힌트: 1/N은 행에 대한 평균에서 나옵니다.
 */
export function crossEntropyGradient(logits: number[][], labels: number[]): number[][] {
  throw new Error('TODO: implement crossEntropyGradient (chapter 02-cross-entropy)');
}
