/**
 * 연습 문제 — 06-minima-saddles 장: 손으로 구하는 편미분, 기호 계산으로 검사합니다.
 * `throw new Error('TODO: …')`를 하나씩 여러분의 답으로 바꾸고 `npm run grade`
 * (또는 노트북에서 `await check('partial-derivatives')`)를 실행하세요.
 *
 * 각 함수는 손실의 편미분 두 개를 변수 x와 y로 쓴 mathjs 문법의 문자열로 반환합니다:
 * `{ x: '∂f/∂x', y: '∂f/∂y' }`. 예를 들어 f(x, y) = x²·y라면
 *
 *   return { x: '2*x*y', y: 'x^2' };
 *
 * 숫자, x와 y, + − * / ^, 괄호, 그리고 필요하면 exp, log, sqrt, sin, cos, tanh를 쓸 수
 * 있습니다(식 하나에 400자까지). 편미분은 종이에 직접 유도하세요. 채점기가 mathjs로 손실을
 * 직접 미분해 비교하므로, 답은 여러분이 쓴 식이어야 합니다. 미분 함수를 호출하는 식은
 * 채점에서 허용되지 않습니다.
 */

/**
 * 높이가 같은 최솟값 네 개를 가진 힘멜블라우 함수(06-minima-saddles 장):
 *
 *   f(x, y) = (x² + y − 11)² + (x + y² − 7)²
 *
 * { x: ∂f/∂x, y: ∂f/∂y }를 반환합니다. 힌트: 제곱마다 연쇄 법칙을 적용하세요.
 * ∂/∂x u² = 2u · ∂u/∂x이고, 두 제곱 모두 x와 y에 따라 변합니다.
 */
export function himmelblauGradient(): { x: string; y: string } {
  throw new Error('TODO: implement himmelblauGradient (chapter 06-minima-saddles)');
}

/**
 * 가장 작은 2층 신경망의 손실: 입력은 1, 은닉 유닛 하나의 가중치는 x, 활성화 함수는 없고,
 * 출력 가중치는 y, 타깃은 1입니다. 따라서 ŷ = y·x이고
 *
 *   L(x, y) = (x·y − 1)²
 *
 * 원점은 안장점이고, 쌍곡선 x·y = 1 위의 모든 점이 최솟값입니다.
 * { x: ∂L/∂x, y: ∂L/∂y }를 반환합니다. 힌트: 이번에도 연쇄 법칙이며, 안쪽 함수는 x·y입니다.
 */
export function networkGradient(): { x: string; y: string } {
  throw new Error('TODO: implement networkGradient (chapter 06-minima-saddles)');
}
