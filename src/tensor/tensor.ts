/**
 * The Tensor: an n-dimensional array of float64 numbers in row-major order, with reverse-mode
 * automatic differentiation (chapter 05-backpropagation derives it; chapter 08-training uses it).
 *
 * Every operation returns a new tensor that remembers its `parents` and a backward step: given
 * ∂L/∂out it adds ∂L/∂parent = ∂L/∂out · ∂out/∂parent into each parent's gradient (the chain
 * rule). `backward()` on a scalar loss visits the graph once in reverse topological order.
 */
import { isGradEnabled } from './grad-mode';
import { formatShape, sizeOf } from './shape';
import * as elementwise from './elementwise';
import * as reduce from './reduce';
import * as linalg from './matmul';
import * as views from './views';
import { formatTensor, toNested, NestedArray } from './format';

export type TensorLike = Tensor | number;
export type BackwardStep = (g: Float64Array) => void;

export class Tensor {
  /** Row-major storage. */
  readonly data: Float64Array;
  readonly shape: number[];
  /** ∂L/∂this after `backward()`, for tensors that require grad. */
  grad: Tensor | null = null;
  requiresGrad: boolean;
  /** The operation that made this tensor ('leaf' for data). */
  readonly op: string;
  /** The tensors this one was computed from (empty for a leaf). */
  parents: Tensor[];
  /** @internal Adds ∂L/∂parent into each parent's gradient, given ∂L/∂this. */
  backwardStep: BackwardStep | null;

  constructor(
    data: Float64Array,
    shape: number[],
    requiresGrad = false,
    op = 'leaf',
    parents: Tensor[] = [],
    backwardStep: BackwardStep | null = null,
  ) {
    if (data.length !== sizeOf(shape)) {
      throw new RangeError(
        `Tensor: data of length ${data.length} does not fit shape ${formatShape(shape)} ` +
          `(expected ${sizeOf(shape)} elements)`,
      );
    }
    this.data = data;
    this.shape = shape;
    this.requiresGrad = requiresGrad;
    this.op = op;
    this.parents = parents;
    this.backwardStep = backwardStep;
  }

  get size(): number {
    return this.data.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** True for tensors made from data (not by an operation). */
  get isLeaf(): boolean {
    return this.parents.length === 0;
  }

  add(other: TensorLike): Tensor {
    return elementwise.add(this, other);
  }
  sub(other: TensorLike): Tensor {
    return elementwise.sub(this, other);
  }
  mul(other: TensorLike): Tensor {
    return elementwise.mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return elementwise.div(this, other);
  }
  pow(exponent: number): Tensor {
    return elementwise.pow(this, exponent);
  }
  neg(): Tensor {
    return elementwise.neg(this);
  }
  exp(): Tensor {
    return elementwise.exp(this);
  }
  log(): Tensor {
    return elementwise.log(this);
  }
  tanh(): Tensor {
    return elementwise.tanh(this);
  }
  relu(): Tensor {
    return elementwise.relu(this);
  }
  sigmoid(): Tensor {
    return elementwise.sigmoid(this);
  }
  abs(): Tensor {
    return elementwise.abs(this);
  }
  sqrt(): Tensor {
    return elementwise.sqrt(this);
  }
  matmul(other: Tensor): Tensor {
    return linalg.matmul(this, other);
  }
  sum(axis?: number): Tensor {
    return reduce.sum(this, axis);
  }
  mean(axis?: number): Tensor {
    return reduce.mean(this, axis);
  }
  max(axis: number): Tensor {
    return reduce.max(this, axis);
  }
  argmax(axis: number): Tensor {
    return reduce.argmax(this, axis);
  }
  reshape(...shape: number[] | [number[]]): Tensor {
    const dims = Array.isArray(shape[0]) ? (shape[0] as number[]) : (shape as number[]);
    return views.reshape(this, dims);
  }
  transpose(): Tensor {
    return views.transpose(this);
  }
  get T(): Tensor {
    return views.transpose(this);
  }

  /**
   * Backpropagation: fills `.grad` of every tensor in the graph that requires grad with ∂this/∂t.
   * Only a scalar (one element) can start it. Leaf gradients accumulate over calls, as in
   * PyTorch: call `zeroGrad()` (or the optimizer's) between steps.
   */
  backward(): void {
    if (this.size !== 1) {
      throw new RangeError(
        `backward: can only start from a scalar (a tensor with one element), received a tensor of ` +
          `shape ${formatShape(this.shape)}; reduce it first, e.g. with .sum() or .mean()`,
      );
    }
    if (!this.requiresGrad) {
      throw new TypeError(
        'backward: this tensor does not require grad: no input was created with ' +
          '{ requiresGrad: true }, or it was computed inside noGrad()',
      );
    }
    const order = topologicalOrder(this);
    // Gradients of intermediate results are recomputed on every pass; only leaves accumulate.
    for (const node of order) if (!node.isLeaf) node.grad = null;
    gradOf(this)[0] += 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (node.backwardStep !== null && node.grad !== null) node.backwardStep(node.grad.data);
    }
  }

  /** Forgets the gradient (sets `.grad` to null). */
  zeroGrad(): void {
    this.grad = null;
  }

  /** The value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(
        `item: only a one-element tensor has a single value, received shape ${formatShape(this.shape)}`,
      );
    }
    return this.data[0];
  }

  /** Nested plain arrays (a number for a scalar). */
  toArray(): number | NestedArray {
    return toNested(this.data, this.shape);
  }

  /** The same numbers, cut from the graph: no gradient flows through the result. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape.slice());
  }

  toString(): string {
    return formatTensor(this);
  }
}

/** The tensors of the graph below `root`, each once, parents before children. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: [Tensor, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.parents.length) {
      top[1] = next + 1;
      const parent = node.parents[next];
      if (parent.requiresGrad && !visited.has(parent)) {
        visited.add(parent);
        stack.push([parent, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order;
}

/**
 * The gradient buffer of `t` (zeros, allocated on first use). Backward steps add into it.
 * @internal
 */
export function gradOf(t: Tensor): Float64Array {
  if (t.grad === null) t.grad = new Tensor(new Float64Array(t.data.length), t.shape.slice());
  return t.grad.data;
}

/**
 * Adds `g` into the gradient of `t`; the first contribution is a plain copy (no zero-fill and add).
 * @internal
 */
export function accumulateGrad(t: Tensor, g: Float64Array): void {
  if (t.grad === null) {
    t.grad = new Tensor(g.slice(0, t.data.length), t.shape.slice());
    return;
  }
  const buffer = t.grad.data;
  for (let i = 0; i < buffer.length; i++) buffer[i] += g[i];
}

/**
 * The result of an operation: records the graph only when grad mode is on and some parent
 * requires grad, so evaluation under `noGrad` or on plain data builds no graph at all.
 * @internal
 */
export function fromOp(
  data: Float64Array,
  shape: number[],
  op: string,
  parents: Tensor[],
  backwardStep: BackwardStep,
): Tensor {
  if (isGradEnabled()) {
    for (const p of parents) {
      if (p.requiresGrad) return new Tensor(data, shape, true, op, parents, backwardStep);
    }
  }
  return new Tensor(data, shape, false, op);
}
