/**
 * Reverse-mode automatic differentiation of tensors (chapter 05-backpropagation): recording the
 * graph as operations run, accumulating gradients, and `backward()`.
 *
 * A gradient ∂L/∂t lives in `t.gradTensor`. Leaves keep theirs across calls (they accumulate, as in
 * PyTorch); an intermediate result's gradient exists only while `backward()` needs it: once the
 * result's backward step has passed it on, its storage is freed, or handed over whole to a parent
 * whose gradient it becomes (`accumulate` "steals" it instead of copying).
 */
import { Tensor, BackwardStep, TensorLike } from './tensor';
import { isGradEnabled } from './grad-mode';
import { Storage, allocate, copyOf, escape, fromArray, markIntermediate, release, view } from './storage';
import { formatShape } from './shape';
import { topologicalOrder } from '../util/topo';
import * as K from './kernels';

export type { BackwardStep, TensorLike };

/**
 * The result of an operation: records the graph only when grad mode is on and some parent
 * requires grad, so evaluation under `noGrad` or on plain data builds no graph at all.
 */
export function record(out: Storage, shape: number[], op: string, parents: Tensor[], step: BackwardStep): Tensor {
  if (isGradEnabled()) {
    for (let i = 0; i < parents.length; i++) {
      if (parents[i].requiresGrad) {
        // An intermediate of this training step (storage.ts, rule 3), unless it is a parent's storage (reshape).
        if (out.born < 0 && !sharesStorage(parents, out)) markIntermediate(out);
        return new Tensor(out, shape, true, op, parents, step);
      }
    }
  }
  return new Tensor(out, shape, false, op);
}

/**
 * True when an operation on these operands records a graph (grad mode on, some operand requires
 * grad). Ops check it first and return `constant(…)` otherwise: no backward closure, no parents.
 */
export function recording(a: Tensor, b?: Tensor): boolean {
  return isGradEnabled() && (a.requiresGrad || (b !== undefined && b.requiresGrad));
}

/** The result of an operation that records no graph. */
export function constant(out: Storage, shape: number[], op: string): Tensor {
  return new Tensor(out, shape, false, op);
}

function sharesStorage(parents: Tensor[], s: Storage): boolean {
  for (let i = 0; i < parents.length; i++) if (parents[i].storage === s) return true;
  return false;
}

/** The gradient storage of `t`, zeros allocated on first use: backward steps add into it. */
export function gradStorage(t: Tensor): Storage {
  let g = t.gradTensor;
  if (g === null) {
    g = new Tensor(allocate(t.size, true), t.shape);
    t.gradTensor = g;
  }
  return g.storage;
}

/**
 * A gradient storage for `t` that the caller overwrites completely (no zero-fill), when `t` has
 * none yet; null when `t` already has a gradient (add into `gradStorage(t)` then).
 */
export function freshGradStorage(t: Tensor): Storage | null {
  if (t.gradTensor !== null) return null;
  const g = new Tensor(allocate(t.size, false), t.shape);
  t.gradTensor = g;
  return g.storage;
}

/** The storage `backward()` may hand over whole (the gradient of the node being processed). */
let stealable: Storage | null = null;

/**
 * Adds the gradient contribution `g` (as long as `t`) into `t`'s gradient. The first contribution
 * is copied, or taken over without a copy when it is the gradient of the node being processed and
 * that node does not need it any more.
 */
export function accumulate(t: Tensor, g: Storage): void {
  if (!t.requiresGrad) return;
  if (t.gradTensor === null) {
    if (g === stealable) {
      stealable = null;
      t.gradTensor = new Tensor(g, t.shape);
    } else {
      t.gradTensor = new Tensor(copyOf(g), t.shape);
    }
    return;
  }
  K.addInto(t.gradTensor.storage, g);
}

function requiresGrad(t: Tensor): boolean {
  return t.requiresGrad;
}

function parentsOf(t: Tensor): readonly Tensor[] {
  return t.parents;
}

/** Backpropagation from the scalar `root` (see `Tensor.backward`). */
export function backward(root: Tensor): void {
  if (root.size !== 1) {
    throw new RangeError(
      `backward: can only start from a scalar (a tensor with one element), received a tensor of ` +
        `shape ${formatShape(root.shape)}; reduce it first, e.g. with .sum() or .mean()`,
    );
  }
  if (!root.requiresGrad) {
    throw new TypeError(
      'backward: this tensor does not require grad: no input was created with ' +
        '{ requiresGrad: true }, or it was computed inside noGrad()',
    );
  }
  const order = topologicalOrder(root, parentsOf, requiresGrad);
  // Gradients of intermediate results are recomputed on every pass; only leaves accumulate.
  for (const node of order) {
    if (!node.isLeaf) {
      node.gradTensor = null;
      node.gradSeen = false;
      node.gradFreed = false;
    }
  }
  K.addScalarInto(gradStorage(root), 1);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const g = node.gradTensor;
    if (node.backwardStep === null || g === null) continue;
    const passOn = !node.isLeaf && !node.keepsGrad;
    stealable = passOn ? g.storage : null;
    try {
      node.backwardStep(g.storage);
    } finally {
      const stolen = passOn && stealable === null;
      stealable = null;
      if (passOn) {
        node.gradTensor = null;
        node.gradFreed = true;
        if (!stolen) release(g.storage);
      }
    }
  }
}

/**
 * An operation written with Float64Arrays, for code outside the library (chapter 05 builds a tanh
 * this way): the result holds `data` with `shape`; `backwardStep(g)` receives ∂L/∂out as an
 * array and adds into the parents' gradients, which `gradOf(parent)` returns.
 */
export function fromOp(
  data: Float64Array,
  shape: number[],
  op: string,
  parents: Tensor[],
  backwardStep: (g: Float64Array) => void,
): Tensor {
  return record(fromArray(data, true), shape, op, parents, (g) => backwardStep(view(g).slice()));
}

/**
 * The gradient of `t` as an array to add into (zeros, allocated on first use). After `backward()`,
 * an intermediate result has no gradient left unless `retainGrad()` was called on it before (as in
 * PyTorch): asking for it then is an error, not an array of zeros.
 */
export function gradOf(t: Tensor): Float64Array {
  if (t.gradFreed) {
    throw new Error(
      `gradOf: this tensor is an intermediate result (made by '${t.op}'), and backward() frees the gradient of ` +
        'an intermediate result once it has passed it on, as PyTorch does. Call .retainGrad() on it before ' +
        'backward() to keep its gradient (as retain_grad() in PyTorch).',
    );
  }
  gradStorage(t);
  t.gradSeen = true;
  return escape((t.gradTensor as Tensor).storage);
}
