/**
 * Exercise — chapter 07-optimizers: optimizers as closures, with PyTorch's update rules and
 * defaults. Replace each `throw new Error('TODO: …')`, then run `npm run grade`
 * (or `await check('optimizers')` in the notebook).
 *
 * Each factory returns a Step: a function that takes the current parameters and their
 * gradients, keeps its own state (buffers, step count) between calls, and returns NEW
 * parameters — it must never modify the arrays it is given. Notation (chapter 07): θ = params,
 * g = grads, η = lr, t = the number of the step (1 on the first call); every operation is
 * per coordinate. The options have the library's and PyTorch's names (momentum, alpha, betas, eps).
 */

export type Step = (params: number[], grads: number[]) => number[];

/** Plain SGD:  θ ← θ − η · g. */
export function sgd(options: { lr: number }): Step {
  throw new Error('TODO: implement sgd (chapter 07-optimizers)');
}

/**
 * SGD with momentum μ, PyTorch's form (a sum, not an average):
 *
 *   b₁ = g,   bₜ = μ · bₜ₋₁ + g,   θ ← θ − η · bₜ
 */
export function momentum(options: { lr: number; momentum: number }): Step {
  throw new Error('TODO: implement momentum (chapter 07-optimizers)');
}

/**
 * Nesterov momentum, PyTorch's form: update bₜ exactly as for momentum, then step along the
 * gradient plus the look-ahead:
 *
 *   θ ← θ − η · (g + μ · bₜ)
 */
export function nesterov(options: { lr: number; momentum: number }): Step {
  throw new Error('TODO: implement nesterov (chapter 07-optimizers)');
}

/**
 * AdaGrad (eps defaults to 1e-10):
 *
 *   s ← s + g²   (s starts at 0 and accumulates),   θ ← θ − η · g / (√s + ε)
 *
 * Hint: ε goes outside the square root.
 */
export function adagrad(options: { lr: number; eps?: number }): Step {
  throw new Error('TODO: implement adagrad (chapter 07-optimizers)');
}

/**
 * RMSProp (alpha defaults to 0.99, eps to 1e-8):
 *
 *   v ← α · v + (1 − α) · g²   (v starts at 0),   θ ← θ − η · g / (√v + ε)
 *
 * Hint: no bias correction, ε outside the square root.
 */
export function rmsprop(options: { lr: number; alpha?: number; eps?: number }): Step {
  throw new Error('TODO: implement rmsprop (chapter 07-optimizers)');
}

/**
 * Adam (betas = [β₁, β₂] defaults to [0.9, 0.999], eps to 1e-8), as torch.optim.Adam(betas=…):
 *
 *   m ← β₁ · m + (1 − β₁) · g,    v ← β₂ · v + (1 − β₂) · g²    (m and v start at 0)
 *   m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − η · m̂ / (√v̂ + ε)
 *
 * Hint: β₁ goes with the gradient, β₂ with its square; ε is added after the square root.
 */
export function adam(options: { lr: number; betas?: [number, number]; eps?: number }): Step {
  throw new Error('TODO: implement adam (chapter 07-optimizers)');
}
