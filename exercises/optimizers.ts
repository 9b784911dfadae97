/**
 * Exercise — chapter 07-optimizers: optimizers as closures, with PyTorch's update rules and
 * defaults. Replace each `throw new Error('TODO: …')`, then run `npm run grade`
 * (or `await check('optimizers')` in the notebook).
 *
 * Each factory returns a Step: a function that takes the current parameters and their
 * gradients, keeps its own state (buffers, step count) between calls, and returns NEW
 * parameters — it must never modify the arrays it is given. Notation: \theta = params,
 * g = grads, \gamma = lr, t = the number of the step (1 on the first call).
 */

export type Step = (params: number[], grads: number[]) => number[];

/** Plain SGD:  \theta \leftarrow \theta - \gamma g. */
export function sgd(options: { lr: number }): Step {
  throw new Error('TODO: implement sgd (chapter 07-optimizers)');
}

/**
 * SGD with momentum, PyTorch's form (not an average):
 *   b_1 = g,  b_t = \mu b_{t-1} + g,  \theta \leftarrow \theta - \gamma b_t   (\mu = momentum)
 */
export function momentum(options: { lr: number; momentum: number }): Step {
  throw new Error('TODO: implement momentum (chapter 07-optimizers)');
}

/**
 * Nesterov momentum, PyTorch's form: update b_t exactly as for momentum, then step along the
 * gradient plus the look-ahead  \theta \leftarrow \theta - \gamma (g + \mu b_t).
 */
export function nesterov(options: { lr: number; momentum: number }): Step {
  throw new Error('TODO: implement nesterov (chapter 07-optimizers)');
}

/**
 * AdaGrad (eps defaults to 1e-10):
 *   s \leftarrow s + g^2 (s starts at 0 and accumulates),  \theta \leftarrow \theta - \gamma g / (\sqrt{s} + \epsilon)
 * Hint: ε goes outside the square root.
 */
export function adagrad(options: { lr: number; eps?: number }): Step {
  throw new Error('TODO: implement adagrad (chapter 07-optimizers)');
}

/**
 * RMSProp (alpha defaults to 0.99, eps to 1e-8):
 *   v \leftarrow \alpha v + (1 - \alpha) g^2 (v starts at 0),  \theta \leftarrow \theta - \gamma g / (\sqrt{v} + \epsilon)
 * Hint: no bias correction, ε outside the square root.
 */
export function rmsprop(options: { lr: number; alpha?: number; eps?: number }): Step {
  throw new Error('TODO: implement rmsprop (chapter 07-optimizers)');
}

/**
 * Adam (beta1 defaults to 0.9, beta2 to 0.999, eps to 1e-8):
 *   m \leftarrow \beta_1 m + (1 - \beta_1) g,  v \leftarrow \beta_2 v + (1 - \beta_2) g^2
 *   \hat m = m / (1 - \beta_1^t),  \hat v = v / (1 - \beta_2^t)
 *   \theta \leftarrow \theta - \gamma \hat m / (\sqrt{\hat v} + \epsilon)
 * Hint: β₁ goes with the gradient, β₂ with its square; ε is added after the square root.
 */
export function adam(options: { lr: number; beta1?: number; beta2?: number; eps?: number }): Step {
  throw new Error('TODO: implement adam (chapter 07-optimizers)');
}
