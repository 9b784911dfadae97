/**
 * Exercise — chapter 05-backpropagation: a scalar autodiff engine (like micrograd).
 * Replace each `throw new Error('TODO: …')`, then run `npm run grade`
 * (or `await check('autograd')` in the notebook).
 *
 * Every operation returns a new Value that remembers its inputs and a small backward step
 * applying the chain rule to them: for each input x of out,
 *
 *   ∂L/∂x += ∂L/∂out · ∂out/∂x
 *
 * Use += (accumulate): a value used twice receives a contribution from each use.
 * Binary operations accept a Value or a plain number.
 */
export class Value {
  /** The number this node holds. */
  data: number;
  /** ∂L/∂this, filled by backward(); starts at 0. */
  grad: number;

  /** Hint: also remember the inputs (children) and a backward step; set grad to 0. */
  constructor(data: number) {
    throw new Error('TODO: implement the Value constructor (chapter 05-backpropagation)');
  }

  /** a + b; both local derivatives are 1. */
  add(other: Value | number): Value {
    throw new Error('TODO: implement Value.add (chapter 05-backpropagation)');
  }

  /** a · b; ∂/∂a = b and ∂/∂b = a. */
  mul(other: Value | number): Value {
    throw new Error('TODO: implement Value.mul (chapter 05-backpropagation)');
  }

  /** a − b; the local derivatives are 1 and −1. */
  sub(other: Value | number): Value {
    throw new Error('TODO: implement Value.sub (chapter 05-backpropagation)');
  }

  /** a / b; ∂/∂a = 1/b and ∂/∂b = −a/b². */
  div(other: Value | number): Value {
    throw new Error('TODO: implement Value.div (chapter 05-backpropagation)');
  }

  /** −a; the local derivative is −1. */
  neg(): Value {
    throw new Error('TODO: implement Value.neg (chapter 05-backpropagation)');
  }

  /** aᵏ for a plain number k; the local derivative is k · aᵏ⁻¹. */
  pow(k: number): Value {
    throw new Error('TODO: implement Value.pow (chapter 05-backpropagation)');
  }

  /** eᵃ; the local derivative is eᵃ. */
  exp(): Value {
    throw new Error('TODO: implement Value.exp (chapter 05-backpropagation)');
  }

  /** ln a; the local derivative is 1/a. */
  log(): Value {
    throw new Error('TODO: implement Value.log (chapter 05-backpropagation)');
  }

  /** tanh a; the local derivative is 1 − tanh² a. */
  tanh(): Value {
    throw new Error('TODO: implement Value.tanh (chapter 05-backpropagation)');
  }

  /** max(0, a); the local derivative is 1 where a > 0 and 0 elsewhere (as in PyTorch). */
  relu(): Value {
    throw new Error('TODO: implement Value.relu (chapter 05-backpropagation)');
  }

  /**
   * Sets this.grad = 1, then runs the backward step of every node of the graph exactly once, in
   * reverse topological order (a node only after every node that uses it).
   * Hint: build the order with a depth-first search and a visited set, then walk it backwards.
   */
  backward(): void {
    throw new Error('TODO: implement Value.backward (chapter 05-backpropagation)');
  }
}
