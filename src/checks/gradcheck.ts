/**
 * Gradient check (chapter 05-backpropagation): compares the gradient that autograd computes with
 * central finite differences,
 * $$\frac{\partial L}{\partial x_i} \approx \frac{L(x + h e_i) - L(x - h e_i)}{2h},$$
 * whose error is O(h²). A function with a non-scalar output is checked through the scalar
 * L = Σ_k w_k · out_k with fixed weights w_k, which exercises every column of the Jacobian.
 * An element passes when |analytic − numeric| ≤ atol + rtol·|numeric| (PyTorch's criterion).
 */
import { Tensor, noGrad, formatShape } from '../tensor';
import { view } from '../tensor/storage';
import { checkNonNegative, checkOptions, describe } from '../util/validate';

export interface GradcheckOptions {
  /** the step h of the central difference (default: 1e-6) */
  eps?: number;
  /** absolute tolerance (default: 1e-5) */
  atol?: number;
  /** relative tolerance (default: 1e-3) */
  rtol?: number;
}

export const GRADCHECK_DEFAULTS = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 } as const;

export interface GradcheckEntry {
  /** which input (its position in `inputs`) */
  input: number;
  /** the flat index of the element inside that input */
  index: number;
  analytic: number;
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, 1e-12) */
  relError: number;
}

export interface GradcheckResult {
  ok: boolean;
  /** the largest relative error over every element of every input */
  maxRelError: number;
  /** the largest absolute error */
  maxAbsError: number;
  /** the element with the largest relative error */
  worst: GradcheckEntry | null;
  /** every element that failed the tolerance */
  failures: GradcheckEntry[];
}

/** The fixed weights w_k of the projection for a non-scalar output. */
function projectionWeight(k: number): number {
  return 1 + 0.5 * Math.sin(1.7 * k + 0.3);
}

function scalarOf(out: Tensor): Tensor {
  if (!(out instanceof Tensor)) {
    throw new TypeError(`gradcheck: fn must return a Tensor, received ${describe(out)}`);
  }
  if (out.size === 1) return out.sum();
  const w = new Float64Array(out.size);
  for (let k = 0; k < w.length; k++) w[k] = projectionWeight(k);
  return out.mul(new Tensor(w, out.shape.slice())).sum();
}

/**
 * Checks the gradients of `fn` at `inputs`. The inputs are copied (with requiresGrad) so the
 * caller's tensors are untouched; `fn` must be deterministic.
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  options?: GradcheckOptions,
): GradcheckResult {
  checkOptions('gradcheck', options, ['eps', 'atol', 'rtol']);
  if (typeof fn !== 'function') throw new TypeError(`gradcheck: fn must be a function, received ${describe(fn)}`);
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((t) => t instanceof Tensor)) {
    throw new TypeError(`gradcheck: inputs must be a non-empty array of Tensors, received ${describe(inputs)}`);
  }
  const eps = checkNonNegative('gradcheck', 'eps', options?.eps ?? GRADCHECK_DEFAULTS.eps);
  const atol = checkNonNegative('gradcheck', 'atol', options?.atol ?? GRADCHECK_DEFAULTS.atol);
  const rtol = checkNonNegative('gradcheck', 'rtol', options?.rtol ?? GRADCHECK_DEFAULTS.rtol);
  if (eps === 0) throw new RangeError('gradcheck: eps must be > 0, received 0');

  const xs = inputs.map((t) => new Tensor(view(t.storage).slice(), t.shape.slice(), true));
  const loss = scalarOf(fn(...xs));
  if (!loss.requiresGrad) {
    throw new TypeError('gradcheck: the output does not depend on any input through autograd');
  }
  loss.backward();

  const result: GradcheckResult = { ok: true, maxRelError: 0, maxAbsError: 0, worst: null, failures: [] };
  const evaluate = (): number => noGrad(() => scalarOf(fn(...xs)).item());
  xs.forEach((x, input) => {
    const analytic = x.grad?.data ?? new Float64Array(x.size);
    const xd = x.data;
    for (let index = 0; index < x.size; index++) {
      const saved = xd[index];
      xd[index] = saved + eps;
      const plus = evaluate();
      xd[index] = saved - eps;
      const minus = evaluate();
      xd[index] = saved;
      const numeric = (plus - minus) / (2 * eps);
      const a = analytic[index];
      const absError = Math.abs(a - numeric);
      const relError = absError / Math.max(Math.abs(a), Math.abs(numeric), 1e-12);
      const entry = { input, index, analytic: a, numeric, relError };
      if (!(absError <= atol + rtol * Math.abs(numeric))) {
        result.ok = false;
        result.failures.push(entry);
      }
      if (result.worst === null || relError > result.maxRelError) result.worst = entry;
      result.maxRelError = Math.max(result.maxRelError, relError);
      result.maxAbsError = Math.max(result.maxAbsError, absError);
    }
  });
  return result;
}

/** A one-line summary for a notebook: `gradcheck ok: max relative error 3.1e-10 over 12 elements`. */
export function formatGradcheck(r: GradcheckResult, shapes?: number[][]): string {
  const head = r.ok ? 'gradcheck ok' : `gradcheck FAILED at ${r.failures.length} element(s)`;
  const worst = r.worst
    ? `; worst: input ${r.worst.input}${shapes ? ` ${formatShape(shapes[r.worst.input])}` : ''} element ${r.worst.index}, ` +
      `autograd ${r.worst.analytic} vs finite differences ${r.worst.numeric}`
    : '';
  return `${head}: max relative error ${r.maxRelError.toExponential(2)}${worst}`;
}
