/**
 * 연습 문제 — 05-backpropagation 장: 스칼라 자동 미분 엔진 (micrograd와 비슷합니다).
 * `throw new Error('TODO: …')`를 하나씩 바꾸고 `npm run grade`
 * (또는 노트북에서 `await check('autograd')`)를 실행하세요.
 *
 * 모든 연산은 입력을 기억하는 새 Value를 반환하며, 그 입력들에 연쇄 법칙을 적용하는 작은 역방향
 * 단계도 함께 기억합니다: out의 각 입력 x에 대해
 *
 *   ∂L/∂x += ∂L/∂out · ∂out/∂x
 *
 * +=를 쓰세요 (누적): 두 번 쓰인 값은 쓰인 곳마다 기여를 하나씩 받습니다.
 * 이항 연산은 Value와 일반 숫자를 모두 받습니다.
 */
export class Value {
  /** 이 노드가 담은 숫자. */
  data: number;
  /** ∂L/∂this. backward()가 채우며, 처음에는 0입니다. */
  grad: number;

  /** 힌트: 입력(자식 노드)과 역방향 단계도 기억하고, grad를 0으로 두세요. */
  constructor(data: number) {
    throw new Error('TODO: implement the Value constructor (chapter 05-backpropagation)');
  }

  /** a + b. 두 국소 미분은 모두 1입니다. */
  add(other: Value | number): Value {
    throw new Error('TODO: implement Value.add (chapter 05-backpropagation)');
  }

  /** a · b. ∂/∂a = b, ∂/∂b = a. */
  mul(other: Value | number): Value {
    throw new Error('TODO: implement Value.mul (chapter 05-backpropagation)');
  }

  /** a − b. 국소 미분은 1과 −1입니다. */
  sub(other: Value | number): Value {
    throw new Error('TODO: implement Value.sub (chapter 05-backpropagation)');
  }

  /** a / b. ∂/∂a = 1/b, ∂/∂b = −a/b². */
  div(other: Value | number): Value {
    throw new Error('TODO: implement Value.div (chapter 05-backpropagation)');
  }

  /** −a. 국소 미분은 −1입니다. */
  neg(): Value {
    throw new Error('TODO: implement Value.neg (chapter 05-backpropagation)');
  }

  /** 일반 숫자 k에 대한 aᵏ. 국소 미분은 k · aᵏ⁻¹입니다. */
  pow(k: number): Value {
    throw new Error('TODO: implement Value.pow (chapter 05-backpropagation)');
  }

  /** eᵃ. 국소 미분은 eᵃ입니다. */
  exp(): Value {
    throw new Error('TODO: implement Value.exp (chapter 05-backpropagation)');
  }

  /** ln a. 국소 미분은 1/a입니다. */
  log(): Value {
    throw new Error('TODO: implement Value.log (chapter 05-backpropagation)');
  }

  /** tanh a. 국소 미분은 1 − tanh² a입니다. */
  tanh(): Value {
    throw new Error('TODO: implement Value.tanh (chapter 05-backpropagation)');
  }

  /** max(0, a). 국소 미분은 a > 0인 곳에서 1, 그 밖에서는 0입니다 (PyTorch와 같습니다). */
  relu(): Value {
    throw new Error('TODO: implement Value.relu (chapter 05-backpropagation)');
  }

  /**
   * this.grad = 1로 두고, 그래프의 모든 노드의 역방향 단계를 역 위상 순서로 정확히 한 번씩
   * 실행합니다 (어떤 노드는 그 노드를 쓰는 모든 노드가 끝난 뒤에만).
   * 힌트: 깊이 우선 탐색과 방문 집합으로 순서를 만든 뒤 거꾸로 따라가세요.
   */
  backward(): void {
    throw new Error('TODO: implement Value.backward (chapter 05-backpropagation)');
  }
}
