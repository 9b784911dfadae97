/**
 * The autograd exercise's own sentences in every language (see course/mse/messages.ts). The
 * inputs shown are code (a = new Value(2); out = a.mul(b)), the same in every language.
 */
import type { ExerciseMessages } from '../../kit/grade/api';

const en = {
  checks: {
    values: 'every operation computes the right value',
    seed: 'a new Value has grad 0; backward() seeds out.grad = 1 and fills every leaf’s gradient',
    add: 'add, sub and neg pass the gradient through (±1)',
    mul: 'mul: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a',
    div: 'div: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²',
    pow: 'pow: ∂(aᵏ)/∂a = k·aᵏ⁻¹',
    exp: 'exp: the derivative of eᵃ is eᵃ',
    log: 'log: the derivative of ln a is 1/a',
    tanh: 'tanh: the derivative is 1 − tanh²(a)',
    relu: 'relu: the gradient flows only where a > 0',
    twice: 'a value used twice receives both contributions (+=)',
    order: 'backward visits every node once, in reverse topological order',
    micrograd: 'micrograd’s test expressions match PyTorch',
  },
  hints: {
    order: 'run each node’s backward step exactly once, and only after every node that uses it: build a topological order with a visited set (depth-first search) and walk it in reverse',
    onlySeed: 'backward() must run the backward step of every node (in reverse topological order), not just set grad = 1',
    neverRan: 'backward() set out.grad = 1 but never ran the nodes’ backward steps',
    subB: '∂(a − b)/∂b is −1',
    neg: '∂(−a)/∂a is −1',
    mul: 'each factor’s derivative is the OTHER factor: ∂(a·b)/∂a = b',
    div: '∂(a/b)/∂b = −a/b²: check the sign',
    powExponent: 'the exponent of the derivative is k − 1: k·aᵏ⁻¹',
    powFactor: 'the factor k is missing: k·aᵏ⁻¹',
    expA: 'the derivative of eᵃ is eᵃ (the output), not a',
    expOne: 'the derivative of eᵃ is eᵃ, not 1',
    log: 'the derivative of ln a is 1/a',
    logSquare: 'the derivative of ln a is 1/a, not 1/a²',
    tanhSquare: 'square the tanh: 1 − tanh²(a)',
    tanhOutput: 'use the output t = tanh(a): 1 − t², not 1 − a²',
    relu: 'relu blocks the gradient where a ≤ 0 (derivative 0)',
    overwrite: 'gradients must accumulate (grad += …): a value used twice receives a contribution from each use',
  },
  text: {
    inputsData: 'data of the inputs',
    beforeBackward: 'before backward()',
  },
};

const ko: typeof en = {
  checks: {
    values: '모든 연산이 올바른 값을 계산한다',
    seed: '새 Value의 grad는 0이고, backward()는 out.grad = 1에서 시작해 모든 잎 노드의 그래디언트를 채운다',
    add: 'add, sub, neg는 그래디언트를 그대로(±1) 전달한다',
    mul: 'mul: ∂(a·b)/∂a = b, ∂(a·b)/∂b = a',
    div: 'div: ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²',
    pow: 'pow: ∂(aᵏ)/∂a = k·aᵏ⁻¹',
    exp: 'exp: eᵃ의 도함수는 eᵃ이다',
    log: 'log: ln a의 도함수는 1/a이다',
    tanh: 'tanh: 도함수는 1 − tanh²(a)이다',
    relu: 'relu: 그래디언트는 a > 0인 곳으로만 흐른다',
    twice: '두 번 쓰인 값은 두 기여를 모두 받는다 (+=)',
    order: 'backward는 모든 노드를 역 위상 순서로 한 번씩 방문한다',
    micrograd: 'micrograd의 테스트 식이 PyTorch와 일치한다',
  },
  hints: {
    order: '각 노드의 역방향 단계는 정확히 한 번, 그 노드를 쓰는 모든 노드가 끝난 뒤에만 실행하세요: 방문 집합(깊이 우선 탐색)으로 위상 순서를 만들고 거꾸로 따라가세요',
    onlySeed: 'backward()는 grad = 1만 두는 것이 아니라 모든 노드의 역방향 단계를 (역 위상 순서로) 실행해야 합니다',
    neverRan: 'backward()가 out.grad = 1만 두고 노드의 역방향 단계는 실행하지 않았습니다',
    subB: '∂(a − b)/∂b는 −1입니다',
    neg: '∂(−a)/∂a는 −1입니다',
    mul: '각 인수의 도함수는 다른 쪽 인수입니다: ∂(a·b)/∂a = b',
    div: '∂(a/b)/∂b = −a/b²: 부호를 확인하세요',
    powExponent: '도함수의 지수는 k − 1입니다: k·aᵏ⁻¹',
    powFactor: '인수 k가 빠졌습니다: k·aᵏ⁻¹',
    expA: 'eᵃ의 도함수는 a가 아니라 eᵃ(출력값)입니다',
    expOne: 'eᵃ의 도함수는 1이 아니라 eᵃ입니다',
    log: 'ln a의 도함수는 1/a입니다',
    logSquare: 'ln a의 도함수는 1/a²가 아니라 1/a입니다',
    tanhSquare: 'tanh를 제곱하세요: 1 − tanh²(a)',
    tanhOutput: '출력 t = tanh(a)를 쓰세요: 1 − a²가 아니라 1 − t²',
    relu: 'relu는 a ≤ 0인 곳에서 그래디언트를 막습니다 (도함수 0)',
    overwrite: '그래디언트는 누적해야 합니다 (grad += …): 두 번 쓰인 값은 쓰인 곳마다 기여를 받습니다',
  },
  text: {
    inputsData: '입력의 data',
    beforeBackward: 'backward() 전',
  },
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
