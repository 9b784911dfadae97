/**
 * The autograd exercise's own sentences in every language (see course/mse/messages.ts). Today its
 * check names; its detailed hints are still English only (grader.ts, drivers.ts).
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
};

export default { en, ko } satisfies ExerciseMessages<typeof en>;
