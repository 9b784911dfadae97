/**
 * Optimizers as closures over their state — chapter 07-optimizers (θ = params, g = grads,
 * η = lr, t = the step number). Update rules, defaults, option names and the placement of ε
 * follow PyTorch (torch.optim). Each factory returns a Step that keeps its own state, returns new
 * parameters and never modifies its arguments.
 */

export type Step = (params: number[], grads: number[]) => number[];

export const ADAGRAD_DEFAULTS = { eps: 1e-10 };
export const RMSPROP_DEFAULTS = { alpha: 0.99, eps: 1e-8 };
export const ADAM_DEFAULTS = { betas: [0.9, 0.999] as [number, number], eps: 1e-8 };

/** θ ← θ − η · g. */
export function sgd({ lr }: { lr: number }): Step {
  return (params, grads) => params.map((p, i) => p - lr * grads[i]);
}

/** PyTorch momentum: b₁ = g, bₜ = μ · bₜ₋₁ + g, θ ← θ − η · bₜ. */
export function momentum({ lr, momentum: mu }: { lr: number; momentum: number }): Step {
  let buffer: number[] | null = null;
  return (params, grads) => {
    const prev = buffer;
    const b = prev === null ? grads.slice() : grads.map((g, i) => mu * prev[i] + g);
    buffer = b;
    return params.map((p, i) => p - lr * b[i]);
  };
}

/** PyTorch Nesterov: bₜ as for momentum, then θ ← θ − η · (g + μ · bₜ). */
export function nesterov({ lr, momentum: mu }: { lr: number; momentum: number }): Step {
  let buffer: number[] | null = null;
  return (params, grads) => {
    const prev = buffer;
    const b = prev === null ? grads.slice() : grads.map((g, i) => mu * prev[i] + g);
    buffer = b;
    return params.map((p, i) => p - lr * (grads[i] + mu * b[i]));
  };
}

/** AdaGrad: s ← s + g², θ ← θ − η · g / (√s + ε). */
export function adagrad({ lr, eps = ADAGRAD_DEFAULTS.eps }: { lr: number; eps?: number }): Step {
  let sum: number[] | null = null;
  return (params, grads) => {
    const prev = sum ?? grads.map(() => 0);
    const s = grads.map((g, i) => prev[i] + g * g);
    sum = s;
    return params.map((p, i) => p - (lr * grads[i]) / (Math.sqrt(s[i]) + eps));
  };
}

/** RMSProp: v ← α · v + (1 − α) · g², θ ← θ − η · g / (√v + ε). */
export function rmsprop({
  lr,
  alpha = RMSPROP_DEFAULTS.alpha,
  eps = RMSPROP_DEFAULTS.eps,
}: {
  lr: number;
  alpha?: number;
  eps?: number;
}): Step {
  let avg: number[] | null = null;
  return (params, grads) => {
    const prev = avg ?? grads.map(() => 0);
    const v = grads.map((g, i) => alpha * prev[i] + (1 - alpha) * g * g);
    avg = v;
    return params.map((p, i) => p - (lr * grads[i]) / (Math.sqrt(v[i]) + eps));
  };
}

/**
 * Adam: m ← β₁ · m + (1 − β₁) · g, v ← β₂ · v + (1 − β₂) · g²,
 * θ ← θ − η · (m / (1 − β₁ᵗ)) / (√v / √(1 − β₂ᵗ) + ε), with betas = [β₁, β₂].
 */
export function adam({ lr, betas = ADAM_DEFAULTS.betas, eps = ADAM_DEFAULTS.eps }: { lr: number; betas?: [number, number]; eps?: number }): Step {
  const [beta1, beta2] = betas;
  let m: number[] | null = null;
  let v: number[] | null = null;
  let t = 0;
  return (params, grads) => {
    t += 1;
    const mPrev = m ?? grads.map(() => 0);
    const vPrev = v ?? grads.map(() => 0);
    const mNext = grads.map((g, i) => beta1 * mPrev[i] + (1 - beta1) * g);
    const vNext = grads.map((g, i) => beta2 * vPrev[i] + (1 - beta2) * g * g);
    m = mNext;
    v = vNext;
    const c1 = 1 - Math.pow(beta1, t);
    const c2 = Math.sqrt(1 - Math.pow(beta2, t));
    return params.map((p, i) => p - (lr * (mNext[i] / c1)) / (Math.sqrt(vNext[i]) / c2 + eps));
  };
}
