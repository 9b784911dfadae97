/**
 * Optimizers as closures over their state — chapter 07-optimizers.
 * Update rules, defaults and the placement of ε follow PyTorch (torch.optim).
 * Each factory returns a Step that keeps its own state, returns new parameters and never
 * modifies its arguments.
 */

export type Step = (params: number[], grads: number[]) => number[];

export const ADAGRAD_DEFAULTS = { eps: 1e-10 };
export const RMSPROP_DEFAULTS = { alpha: 0.99, eps: 1e-8 };
export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** \theta \leftarrow \theta - \gamma g. */
export function sgd({ lr }: { lr: number }): Step {
  return (params, grads) => params.map((p, i) => p - lr * grads[i]);
}

/** PyTorch momentum: b_1 = g, b_t = \mu b_{t-1} + g, \theta \leftarrow \theta - \gamma b_t. */
export function momentum({ lr, momentum: mu }: { lr: number; momentum: number }): Step {
  let buffer: number[] | null = null;
  return (params, grads) => {
    const prev = buffer;
    const b = prev === null ? grads.slice() : grads.map((g, i) => mu * prev[i] + g);
    buffer = b;
    return params.map((p, i) => p - lr * b[i]);
  };
}

/** PyTorch Nesterov: b_t as for momentum, then \theta \leftarrow \theta - \gamma (g + \mu b_t). */
export function nesterov({ lr, momentum: mu }: { lr: number; momentum: number }): Step {
  let buffer: number[] | null = null;
  return (params, grads) => {
    const prev = buffer;
    const b = prev === null ? grads.slice() : grads.map((g, i) => mu * prev[i] + g);
    buffer = b;
    return params.map((p, i) => p - lr * (grads[i] + mu * b[i]));
  };
}

/** AdaGrad: s \leftarrow s + g^2, \theta \leftarrow \theta - \gamma g / (\sqrt{s} + \epsilon). */
export function adagrad({ lr, eps = ADAGRAD_DEFAULTS.eps }: { lr: number; eps?: number }): Step {
  let sum: number[] | null = null;
  return (params, grads) => {
    const prev = sum ?? grads.map(() => 0);
    const s = grads.map((g, i) => prev[i] + g * g);
    sum = s;
    return params.map((p, i) => p - (lr * grads[i]) / (Math.sqrt(s[i]) + eps));
  };
}

/** RMSProp: v \leftarrow \alpha v + (1 - \alpha) g^2, \theta \leftarrow \theta - \gamma g / (\sqrt{v} + \epsilon). */
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
 * Adam: m \leftarrow \beta_1 m + (1 - \beta_1) g, v \leftarrow \beta_2 v + (1 - \beta_2) g^2,
 * \theta \leftarrow \theta - \gamma \frac{m / (1 - \beta_1^t)}{\sqrt{v} / \sqrt{1 - \beta_2^t} + \epsilon}.
 */
export function adam({
  lr,
  beta1 = ADAM_DEFAULTS.beta1,
  beta2 = ADAM_DEFAULTS.beta2,
  eps = ADAM_DEFAULTS.eps,
}: {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}): Step {
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
