/** Second correct optimizers.ts: state in Float64Arrays, algebraically rearranged updates, Adam with explicit m̂ and v̂. */
export type Step = (params: number[], grads: number[]) => number[];

export function sgd({ lr }: { lr: number }): Step {
  return (params, grads) => {
    const out: number[] = [];
    params.forEach((p, i) => out.push(p - lr * grads[i]));
    return out;
  };
}

function heavyBall(lr: number, mu: number, lookAhead: boolean): Step {
  let b: Float64Array | null = null;
  return (params, grads) => {
    if (b === null) b = Float64Array.from(grads);
    else for (let i = 0; i < grads.length; i++) b[i] = mu * b[i] + grads[i];
    const buf = b;
    return params.map((p, i) => (lookAhead ? p - lr * grads[i] - lr * mu * buf[i] : p - lr * buf[i]));
  };
}

export function momentum(options: { lr: number; momentum: number }): Step {
  return heavyBall(options.lr, options.momentum, false);
}

export function nesterov(options: { lr: number; momentum: number }): Step {
  return heavyBall(options.lr, options.momentum, true);
}

export function adagrad({ lr, eps = 1e-10 }: { lr: number; eps?: number }): Step {
  let s: Float64Array | undefined;
  return (params, grads) => {
    s ??= new Float64Array(params.length);
    const acc = s;
    grads.forEach((g, i) => (acc[i] += g * g));
    return params.map((p, i) => p - (lr / (Math.sqrt(acc[i]) + eps)) * grads[i]);
  };
}

export function rmsprop({ lr, alpha = 0.99, eps = 1e-8 }: { lr: number; alpha?: number; eps?: number }): Step {
  let v: Float64Array | undefined;
  return (params, grads) => {
    v ??= new Float64Array(params.length);
    const avg = v;
    grads.forEach((g, i) => (avg[i] += (1 - alpha) * (g * g - avg[i])));
    return params.map((p, i) => p - (lr * grads[i]) / (Math.sqrt(avg[i]) + eps));
  };
}

export function adam({ lr, betas = [0.9, 0.999], eps = 1e-8 }: { lr: number; betas?: [number, number]; eps?: number }): Step {
  const [beta1, beta2] = betas;
  const m: number[] = [];
  const v: number[] = [];
  let t = 0;
  return (params, grads) => {
    t++;
    return params.map((p, i) => {
      m[i] = beta1 * (m[i] ?? 0) + (1 - beta1) * grads[i];
      v[i] = beta2 * (v[i] ?? 0) + (1 - beta2) * grads[i] ** 2;
      const mHat = m[i] / (1 - beta1 ** t);
      const vHat = v[i] / (1 - beta2 ** t);
      return p - (lr * mHat) / (Math.sqrt(vHat) + eps);
    });
  };
}
