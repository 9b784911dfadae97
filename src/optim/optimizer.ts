/**
 * The base class of every optimizer, as `torch.optim.Optimizer`: it holds the parameters, the
 * learning rate and the per-parameter state, and runs one update per parameter in `step()`.
 *
 * A subclass supplies two things: how to create a parameter's state (lazily, on the parameter's
 * first step) and the update itself, a pure function on Float64Arrays
 * `update(θ, g, state)` that changes θ in place. Parameters whose `grad` is null are skipped, as
 * in PyTorch, and their state is not created. The built-in optimizers also run their update as one
 * kernel on the tensors' storage (`updateParam`: WebAssembly SIMD under the wasm backend), which
 * gives the same numbers as `update`.
 *
 * Chapters: 03-gradient-descent (the update θ ← θ − η g), 07-optimizers (the others).
 */
import { Tensor } from '../tensor';
import { dropGrad } from '../tensor/tensor';
import { advanceStep } from '../tensor/wasm/residency';
import { checkInRange, checkNonNegative, describe, expected } from '../util/validate';

/** What every optimizer keeps per parameter: at least its own step count t (0 before its first step). */
export interface OptimizerState {
  step: number;
}

export abstract class Optimizer<State extends OptimizerState = OptimizerState> {
  /** The parameters this optimizer updates, in order. */
  readonly params: Tensor[];
  /** The learning rate η. Mutable: schedulers (StepLR, ...) change it between epochs. */
  lr: number;
  /** Per-parameter state, created on a parameter's first step (as `optimizer.state[p]` in PyTorch). */
  readonly state = new Map<Tensor, State>();
  /** The class name used in error messages, e.g. `Adam`. */
  protected readonly where: string;

  protected constructor(where: string, params: unknown, lr: number) {
    this.where = where;
    this.params = checkParams(where, params);
    this.lr = lr;
  }

  /** Creates the state of a parameter with `size` elements (called once, on its first step). */
  protected abstract initState(size: number): State;

  /** Updates θ in place from the gradient g, advancing `state` (including `state.step`). */
  protected abstract update(theta: Float64Array, grad: Float64Array, state: State): void;

  /** The optimizer and its hyperparameters, e.g. `SGD(lr=0.01, momentum=0.9, ...)`. */
  abstract toString(): string;

  /** One update of every parameter that has a gradient; parameters with `grad === null` are skipped. */
  step(): void {
    checkNonNegative(`${this.where}.step`, 'lr', this.lr);
    const params = this.params;
    for (let k = 0; k < params.length; k++) {
      const p = params[k];
      const grad = p.gradTensor;
      if (grad === null) continue;
      if (grad.size !== p.size) {
        throw new RangeError(
          `${this.where}.step: params[${k}].grad must have the parameter's ${p.size} elements, ` +
            `received ${grad.size}`,
        );
      }
      let state = this.state.get(p);
      if (state === undefined) {
        state = this.initState(p.size);
        this.state.set(p, state);
      }
      this.updateParam(p, grad, state);
    }
    advanceStep();
  }

  /**
   * Updates one parameter: by default `update(p.data, grad.data, state)`, the Float64Array form a
   * subclass implements; the built-in optimizers run a kernel on the storages instead.
   */
  protected updateParam(p: Tensor, grad: Tensor, state: State): void {
    this.update(p.data, grad.data, state);
  }

  /** Sets every parameter's `grad` to null (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    for (const p of this.params) dropGrad(p);
  }
}

/** A non-empty array of distinct leaf Tensors with requiresGrad, or a clear error. */
function checkParams(where: string, params: unknown): Tensor[] {
  const what = 'a non-empty array of Tensors with requiresGrad';
  if (params instanceof Tensor) {
    throw new TypeError(`${expected(where, 'params', what, params)}; wrap a single tensor in an array: [x]`);
  }
  if (!Array.isArray(params)) throw new TypeError(expected(where, 'params', what, params));
  if (params.length === 0) throw new RangeError(expected(where, 'params', what, params));
  params.forEach((p: unknown, k: number) => {
    const name = `params[${k}]`;
    if (!(p instanceof Tensor)) throw new TypeError(expected(where, name, 'a Tensor', p));
    if (!p.requiresGrad) {
      throw new RangeError(
        `${where}: ${name} must be a Tensor with requiresGrad: true, received ${describe(p)} with requiresGrad: false`,
      );
    }
    if (p.parents.length > 0) {
      throw new RangeError(
        `${where}: ${name} must be a leaf Tensor (made by tensor(), zeros(), ...), ` +
          `received the result of the operation "${p.op}"`,
      );
    }
    const first = params.indexOf(p);
    if (first !== k) {
      throw new RangeError(`${where}: ${name} is the same Tensor as params[${first}]; list each parameter once`);
    }
  });
  return params.slice() as Tensor[];
}

/** `options` with every missing (undefined) entry taken from `defaults`. */
export function withDefaults<T extends object>(options: Partial<T> | undefined, defaults: T): T {
  const merged = { ...defaults };
  if (options === undefined) return merged;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = options[key];
    if (value !== undefined) merged[key] = value as T[keyof T];
  }
  return merged;
}

/** The pair of decay rates (β₁, β₂) of Adam and AdamW, each in [0, 1). */
export function checkBetas(where: string, betas: unknown): [number, number] {
  if (!Array.isArray(betas) || betas.length !== 2) {
    throw new TypeError(expected(where, 'betas', 'a pair [β₁, β₂] of numbers in [0, 1)', betas));
  }
  return [checkInRange(where, 'betas[0]', betas[0], 0, 1, true), checkInRange(where, 'betas[1]', betas[1], 0, 1, true)];
}
