/**
 * The hidden graders' own implementation of PyTorch's update rules (torch.optim, float64),
 * written from the reference in docs and checked against PyTorch's trajectories in
 * test/grading/oracles.test.ts. `variant` reproduces a known mistake. It never ships to students
 * (the public grader compares with precomputed values, cases.json).
 */

export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

export interface OptimizerOptions {
  lr: number;
  momentum?: number;
  eps?: number;
  alpha?: number;
  /** Adam's [β₁, β₂] (default: [0.9, 0.999]). */
  betas?: [number, number];
}

export type Variant =
  | 'correct'
  | 'ascent'
  | 'momentum-ema'
  | 'nesterov-plain'
  | 'adagrad-no-accumulation'
  | 'rmsprop-no-decay'
  | 'eps-inside-sqrt'
  | 'adam-no-bias-correction'
  | 'adam-betas-swapped';

export type Problem = { kind: 'quadratic'; a: number[]; c: number[] } | { kind: 'rosenbrock' };

export function gradient(problem: Problem, x: number[]): number[] {
  if (problem.kind === 'quadratic') return x.map((xi, i) => problem.a[i] * xi + problem.c[i]);
  const [u, v] = x;
  return [-2 * (1 - u) - 400 * u * (v - u * u), 200 * (v - u * u)];
}

type Step = (params: number[], grads: number[]) => number[];

/** A reference Step for `name` with PyTorch's defaults, or with the mistake `variant`. */
export function reference(name: OptimizerName, o: OptimizerOptions, variant: Variant = 'correct'): Step {
  const lr = variant === 'ascent' ? -o.lr : o.lr;
  const root = (v: number, eps: number): number => (variant === 'eps-inside-sqrt' ? Math.sqrt(v + eps) : Math.sqrt(v) + eps);
  let b: number[] | null = null;
  let s: number[] | null = null;
  let m: number[] | null = null;
  let t = 0;
  switch (name) {
    case 'sgd':
      return (p, g) => p.map((x, i) => x - lr * g[i]);
    case 'momentum':
    case 'nesterov': {
      const mu = o.momentum ?? 0;
      return (p, g) => {
        const prev = b;
        const ema = variant === 'momentum-ema';
        b = prev === null ? (ema ? g.map((gi) => (1 - mu) * gi) : g.slice()) : g.map((gi, i) => mu * prev[i] + (ema ? 1 - mu : 1) * gi);
        const d = b;
        const look = name === 'nesterov' && variant !== 'nesterov-plain';
        return p.map((x, i) => x - lr * (look ? g[i] + mu * d[i] : d[i]));
      };
    }
    case 'adagrad': {
      const eps = o.eps ?? 1e-10;
      return (p, g) => {
        const prev = s ?? g.map(() => 0);
        s = g.map((gi, i) => (variant === 'adagrad-no-accumulation' ? 0 : prev[i]) + gi * gi);
        const acc = s;
        return p.map((x, i) => x - (lr * g[i]) / root(acc[i], eps));
      };
    }
    case 'rmsprop': {
      const alpha = o.alpha ?? 0.99;
      const eps = o.eps ?? 1e-8;
      return (p, g) => {
        const prev = s ?? g.map(() => 0);
        s = g.map((gi, i) => (variant === 'rmsprop-no-decay' ? prev[i] + gi * gi : alpha * prev[i] + (1 - alpha) * gi * gi));
        const v = s;
        return p.map((x, i) => x - (lr * g[i]) / root(v[i], eps));
      };
    }
    case 'adam': {
      const swapped = variant === 'adam-betas-swapped';
      const [b1, b2] = o.betas ?? [0.9, 0.999];
      const beta1 = swapped ? b2 : b1;
      const beta2 = swapped ? b1 : b2;
      const eps = o.eps ?? 1e-8;
      return (p, g) => {
        t += 1;
        const mPrev = m ?? g.map(() => 0);
        const vPrev = s ?? g.map(() => 0);
        m = g.map((gi, i) => beta1 * mPrev[i] + (1 - beta1) * gi);
        s = g.map((gi, i) => beta2 * vPrev[i] + (1 - beta2) * gi * gi);
        const mm = m;
        const vv = s;
        const noCorrection = variant === 'adam-no-bias-correction';
        const c1 = noCorrection ? 1 : 1 - Math.pow(beta1, t);
        const c2 = noCorrection ? 1 : 1 - Math.pow(beta2, t);
        return p.map((x, i) => x - (lr * (mm[i] / c1)) / root(vv[i] / c2, eps));
      };
    }
  }
}

/** The reference trajectory (steps + 1 points) on a problem or on a given gradient sequence. */
export function trajectory(
  name: OptimizerName,
  options: OptimizerOptions,
  x0: number[],
  steps: number,
  source: { problem: Problem } | { grads: number[][] },
  variant: Variant = 'correct',
): number[][] {
  const step = reference(name, options, variant);
  let x = x0.slice();
  const points = [x];
  for (let k = 0; k < steps; k++) {
    const g = 'problem' in source ? gradient(source.problem, x) : source.grads[k];
    x = step(x, g);
    points.push(x);
  }
  return points;
}
