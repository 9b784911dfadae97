/**
 * The checks (visible and hidden, by name) that exercise each function of the exercises: a
 * mutant that fakes a function lists them in `mustFail`, so the mutation suite shows that the fake
 * earns none of them. A renamed check makes test/grading/mutants.test.ts fail until it is renamed here.
 */
export const CHECKS = {
  /** miniBatches (and the shuffle it must do) */
  miniBatches: [
    'miniBatches(10, 3) shuffles 0…9 into batches of 3, 3, 3, 1',
    'miniBatches edge cases (batchSize 1, = n, > n, dividing n)',
    'miniBatches is a seeded random permutation (rng only, reproducible, seed-dependent)',
    'miniBatches shuffles uniformly (every order equally likely)',
    'randomized: miniBatches for random n and batchSize',
  ],
  /** trainLinearRegression */
  trainLinearRegression: [
    'trainLinearRegression with one full batch per epoch matches PyTorch',
    'trainLinearRegression with batches of 4, 4, 2 (every batch, its own mean, one loss per epoch)',
    'trainLinearRegression converges to the exact fit',
    'trainLinearRegression learns with batches reshuffled by rng every epoch',
    'randomized: full-batch training on random data',
  ],
  /** gradientDescent */
  gradientDescent: [
    'gradientDescent returns steps + 1 points, x0 first',
    'each step calls ∇f at xₜ and moves to xₜ − η·∇f(xₜ)',
    'gradientDescent matches PyTorch SGD',
    'every point is a new array and x0 is not modified',
    'steps = 0 gives [x0]; steps = 1 and 3 give one more point per step',
    'randomized: gradientDescent on random quadratics',
  ],
  /** Value.backward() */
  backward: [
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
  /** every optimizer factory */
  optimizers: [
    'sgd matches PyTorch: θ ← θ − η·g',
    'momentum matches PyTorch: b ← μb + g, θ ← θ − η·b',
    'nesterov matches PyTorch: θ ← θ − η·(g + μb)',
    'momentum and nesterov with μ = 0.5 on given gradients',
    'adagrad matches PyTorch: s ← s + g², θ ← θ − η·g/(√s + ε)',
    'adagrad: ε outside the root, default ε = 1e-10',
    'rmsprop matches PyTorch: v ← αv + (1 − α)g², θ ← θ − η·g/(√v + ε)',
    'rmsprop: options alpha and eps, defaults α = 0.99 and ε = 1e-8',
    'adam matches PyTorch (bias-corrected m and v)',
    'adam: options betas and eps, defaults [0.9, 0.999] and 1e-8',
    'each optimizer keeps its own state',
    'every step returns a new array and leaves params and grads untouched',
    'randomized: every optimizer on random gradients and options',
  ],
};
