/**
 * The Tensor: an n-dimensional array of float64 numbers in row-major order, with reverse-mode
 * automatic differentiation (chapter 05-backpropagation derives it; chapter 08-training uses it).
 *
 * Every operation returns a new tensor that remembers its `parents` and a backward step: given
 * ∂L/∂out it adds ∂L/∂parent = ∂L/∂out · ∂out/∂parent into each parent's gradient (the chain
 * rule). `backward()` on a scalar loss visits the graph once in reverse topological order.
 *
 * This file holds the data of a tensor; its operations (`add`, `matmul`, `backward`, …) are
 * functions in elementwise.ts, matmul.ts, reduce.ts, views.ts and autograd.ts, installed as
 * methods in one place, methods.ts (so none of those files and this one import each other).
 */
import { Storage, escape, fromArray, keep, release, view } from './storage';
import { formatShape, sizeOf } from './shape';
import { formatTensor, toNested, NestedArray } from './format';

export type TensorLike = Tensor | number;

/** @internal A backward step: given the storage of ∂L/∂out, adds into the parents' gradients. */
export type BackwardStep = (g: Storage) => void;

export class Tensor {
  /** @internal Where the numbers live (the JavaScript heap or the kernels' memory): storage.ts. */
  readonly storage: Storage;
  readonly shape: number[];
  requiresGrad: boolean;
  /** The operation that made this tensor ('leaf' for data). */
  readonly op: string;
  /** The tensors this one was computed from (empty for a leaf). */
  parents: Tensor[];
  /** @internal Adds ∂L/∂parent into each parent's gradient, given ∂L/∂this. */
  backwardStep: BackwardStep | null;
  /** @internal The gradient (see `grad`). */
  gradTensor: Tensor | null = null;
  /** @internal The gradient tensor was handed out by the `grad` getter: never freed by the library. */
  gradSeen = false;
  /** @internal `retainGrad()` was called: this intermediate result keeps its gradient. */
  keepsGrad = false;
  /** @internal The last `backward()` passed this intermediate's gradient on and freed it (no `retainGrad()`). */
  gradFreed = false;

  /**
   * A tensor over `data` (used as the storage itself, no copy) with the given shape:
   * `new Tensor(Float64Array.of(1, 2, 3, 4), [2, 2], true)`. The functions `tensor`, `zeros`,
   * `randn`, … are the usual way to make one.
   */
  constructor(
    data: Float64Array | Storage,
    shape: number[],
    requiresGrad = false,
    op = 'leaf',
    parents: Tensor[] = [],
    backwardStep: BackwardStep | null = null,
  ) {
    if (data instanceof Float64Array) {
      if (data.length !== sizeOf(shape)) {
        throw new RangeError(
          `Tensor: data of length ${data.length} does not fit shape ${formatShape(shape)} ` +
            `(expected ${sizeOf(shape)} elements)`,
        );
      }
      this.storage = fromArray(data, true);
    } else {
      this.storage = data;
    }
    this.shape = shape;
    this.requiresGrad = requiresGrad;
    this.op = op;
    this.parents = parents;
    this.backwardStep = backwardStep;
  }

  /**
   * The numbers in row-major order. The array is the tensor's own storage: changing it changes
   * the tensor (operations already recorded keep the values they read).
   */
  get data(): Float64Array {
    return escape(this.storage);
  }

  /**
   * ∂L/∂this after `backward()`, for leaf tensors that require grad (and for intermediate results
   * after `retainGrad()`); null before the first backward pass or after `zeroGrad()`.
   */
  get grad(): Tensor | null {
    const g = this.gradTensor;
    if (g !== null) this.gradSeen = true;
    return g;
  }

  set grad(g: Tensor | null) {
    if (g !== null && !(g instanceof Tensor)) {
      throw new TypeError(`grad must be a Tensor or null, received ${String(g)}`);
    }
    dropGrad(this);
    this.gradTensor = g;
    this.gradSeen = g !== null;
  }

  get size(): number {
    return this.storage.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** True for tensors made from data (not by an operation). */
  get isLeaf(): boolean {
    return this.parents.length === 0;
  }

  /** Keeps this intermediate result's gradient after `backward()` (as PyTorch's `retain_grad()`). */
  retainGrad(): this {
    this.keepsGrad = true;
    return this;
  }

  /** Forgets the gradient (sets `.grad` to null). */
  zeroGrad(): void {
    dropGrad(this);
  }

  /** The value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(
        `item: only a one-element tensor has a single value, received shape ${formatShape(this.shape)}`,
      );
    }
    return view(this.storage)[0];
  }

  /** Nested plain arrays (a number for a scalar). */
  toArray(): number | NestedArray {
    return toNested(view(this.storage), this.shape);
  }

  /**
   * The same numbers, cut from the graph: no gradient flows through the result. The numbers are
   * kept as long as the result is held, even those of an intermediate result of a training step.
   */
  detach(): Tensor {
    keep(this.storage);
    return new Tensor(this.storage, this.shape.slice());
  }

  toString(): string {
    return formatTensor(this);
  }
}

/**
 * Sets `t`'s gradient to null; its storage is freed at once when nobody outside the library ever
 * saw the gradient tensor (the usual `zeroGrad()` between training steps).
 */
export function dropGrad(t: Tensor): void {
  const g = t.gradTensor;
  if (g === null) return;
  t.gradTensor = null;
  if (!t.gradSeen) release(g.storage);
  t.gradSeen = false;
}

/** The operations of a tensor, installed on Tensor.prototype by methods.ts. */
export interface Tensor {
  /** a + b elementwise, with broadcasting. */
  add(other: TensorLike): Tensor;
  /** a − b elementwise, with broadcasting. */
  sub(other: TensorLike): Tensor;
  /** a · b elementwise, with broadcasting. */
  mul(other: TensorLike): Tensor;
  /** a / b elementwise, with broadcasting. */
  div(other: TensorLike): Tensor;
  /** aᵏ elementwise for a constant exponent k. */
  pow(exponent: number): Tensor;
  neg(): Tensor;
  exp(): Tensor;
  /** ln a elementwise: ln 0 = −∞ and ln of a negative number is NaN, as in PyTorch. */
  log(): Tensor;
  tanh(): Tensor;
  relu(): Tensor;
  sigmoid(): Tensor;
  abs(): Tensor;
  sqrt(): Tensor;
  /** The matrix product A B for A [n, k] and B [k, m] (or a vector B [k]). */
  matmul(other: Tensor): Tensor;
  /** Σ of all elements, or along `axis`. */
  sum(axis?: number): Tensor;
  /** The mean of all elements, or along `axis`. */
  mean(axis?: number): Tensor;
  /** The maximum along `axis`. */
  max(axis: number): Tensor;
  /** The index of the first maximum along `axis`. */
  argmax(axis: number): Tensor;
  /** The same numbers with another shape (one axis may be −1). */
  reshape(...shape: number[] | [number[]]): Tensor;
  /** The transpose of a 2-D tensor. */
  transpose(): Tensor;
  /** The transpose of a 2-D tensor. */
  readonly T: Tensor;
  /**
   * Backpropagation: fills `.grad` of every leaf tensor in the graph that requires grad with
   * ∂this/∂leaf. Only a scalar (one element) can start it. Leaf gradients accumulate over calls, as
   * in PyTorch: call `zeroGrad()` (or the optimizer's) between steps. Intermediate results do not
   * keep their gradients (as in PyTorch) unless `retainGrad()` was called on them.
   */
  backward(): void;
}

