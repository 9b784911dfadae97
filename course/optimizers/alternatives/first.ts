/** Alternative correct optimizers.ts: classes behind closures, velocity-form momentum, Float64Array state. */
export type Step = (params: number[], grads: number[]) => number[];

export function sgd({ lr }: { lr: number }): Step {
  return (params, grads) => {
    const out = new Array<number>(params.length);
    for (let i = 0; i < params.length; i++) out[i] = params[i] - lr * grads[i];
    return out;
  };
}

/** Velocity form v ← μv − γg, θ ← θ + v: the same iterates as PyTorch at a constant lr. */
export function momentum({ lr, momentum: mu }: { lr: number; momentum: number }): Step {
  let v: Float64Array | undefined;
  return (params, grads) => {
    if (v === undefined) v = new Float64Array(params.length);
    const vel = v;
    grads.forEach((g, i) => (vel[i] = mu * vel[i] - lr * g));
    return params.map((p, i) => p + vel[i]);
  };
}

class Nesterov {
  private b: number[] | undefined;
  constructor(private readonly lr: number, private readonly mu: number) {}
  step(params: number[], grads: number[]): number[] {
    const prev = this.b;
    this.b = grads.map((g, i) => (prev === undefined ? g : this.mu * prev[i] + g));
    const b = this.b;
    const direction = grads.map((g, i) => g + this.mu * b[i]);
    return params.map((p, i) => p - this.lr * direction[i]);
  }
}

export function nesterov(options: { lr: number; momentum: number }): Step {
  const opt = new Nesterov(options.lr, options.momentum);
  return (params, grads) => opt.step(params, grads);
}

export function adagrad({ lr, eps }: { lr: number; eps?: number }): Step {
  const e = eps ?? 1e-10;
  const state = { sum: [] as number[] };
  return (params, grads) =>
    params.map((p, i) => {
      state.sum[i] = (state.sum[i] ?? 0) + grads[i] * grads[i];
      return p - (lr * grads[i]) / (Math.sqrt(state.sum[i]) + e);
    });
}

export function rmsprop(options: { lr: number; alpha?: number; eps?: number }): Step {
  const { lr, alpha = 0.99, eps = 1e-8 } = options;
  const sq: number[] = [];
  return (params, grads) =>
    params.map((p, i) => {
      sq[i] = alpha * (sq[i] ?? 0) + (1 - alpha) * grads[i] ** 2;
      return p - (lr * grads[i]) / (Math.sqrt(sq[i]) + eps);
    });
}

class Adam {
  private t = 0;
  private readonly m: number[] = [];
  private readonly v: number[] = [];
  constructor(private readonly lr: number, private readonly b1: number, private readonly b2: number, private readonly eps: number) {}
  step(params: number[], grads: number[]): number[] {
    this.t += 1;
    const bc1 = 1 - this.b1 ** this.t;
    const bc2 = 1 - this.b2 ** this.t;
    const stepSize = this.lr / bc1;
    return params.map((p, i) => {
      this.m[i] = this.b1 * (this.m[i] ?? 0) + (1 - this.b1) * grads[i];
      this.v[i] = this.b2 * (this.v[i] ?? 0) + (1 - this.b2) * grads[i] * grads[i];
      const denom = Math.sqrt(this.v[i]) / Math.sqrt(bc2) + this.eps;
      return p - (stepSize * this.m[i]) / denom;
    });
  }
}

export function adam(options: { lr: number; betas?: [number, number]; eps?: number }): Step {
  const [b1, b2] = options.betas ?? [0.9, 0.999];
  const opt = new Adam(options.lr, b1, b2, options.eps ?? 1e-8);
  return opt.step.bind(opt);
}
