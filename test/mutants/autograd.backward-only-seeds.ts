import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward() only sets this.grad = 1 and runs no node's backward step",
  patch: [
    ["    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();\n", ""],
  ],
  mustFail: [
    'a new Value has grad 0; backward() seeds out.grad = 1 and fills every leaf’s gradient',
    'add, sub and neg pass the gradient through (±1)',
    'mul: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a',
    'div: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²',
    'pow: ∂(aᵏ)/∂a = k·aᵏ⁻¹',
    'exp: the derivative of eᵃ is eᵃ',
    'log: the derivative of ln a is 1/a',
    'tanh: the derivative is 1 − tanh²(a)',
    'relu: the gradient flows only where a > 0',
    'a value used twice receives both contributions (+=)',
    'backward visits every node once, in reverse topological order',
    'micrograd’s test expressions match PyTorch',
    'randomized: random graphs with shared nodes',
  ],
};

export default mutant;
