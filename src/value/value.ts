/**
 * `Value`: a scalar that remembers how it was computed, micrograd-style (chapter
 * 05-backpropagation).
 *
 * Every operation returns a new `Value` whose `children` are its operands and whose `_backward`
 * closure applies the chain rule for that one operation: with $o = f(a, b)$ and the gradient
 * $\bar{o} = \partial L / \partial o$ already known, it adds
 * $\bar{a} \mathrel{+}= \frac{\partial f}{\partial a}\,\bar{o}$ and
 * $\bar{b} \mathrel{+}= \frac{\partial f}{\partial b}\,\bar{o}$. Contributions are added (`+=`), never
 * assigned, because a node used in several places receives one contribution per use
 * (multivariate chain rule: $\bar{x} = \sum_i \frac{\partial o_i}{\partial x}\,\bar{o}_i$).
 *
 * Primitives: `add`, `mul`, `pow`, `exp`, `log`, `tanh`, `relu`, `sigmoid`. Derived, as in
 * micrograd: `neg` $= x \cdot (-1)$, `sub` $= a + (-b)$, `div` $= a \cdot b^{-1}$, and the reversed
 * `rsub(c)` $= c - x$, `rdiv(c)` $= c / x$ for number-first expressions such as `10 / f`.
 *
 * The rule, shared with the Tensor engine: the numbers you pass in (constructor data, number
 * operands, `pow` exponents) are checked and must be finite; the values flowing through operations
 * are not, and follow IEEE arithmetic as PyTorch does: `new Value(1000).exp()` holds `Infinity`,
 * `new Value(1).div(0)` holds `Infinity`, `new Value(0).log()` holds `-Infinity` and
 * `new Value(-1).log()` holds `NaN`. (Losses check their inputs, so a NaN is caught there.)
 */
import { checkOptions, expected } from '../util/validate';
import { topologicalSort } from './topo';

/** Options of `new Value(data, options)`. */
export interface ValueOptions {
  /** A name to show when the graph is drawn, e.g. `'a'` or `'loss'`. */
  label?: string;
}

/** A `Value` or a plain number, which is wrapped as a constant leaf `Value`. */
export type Operand = Value | number;

const VALUE_OPTIONS: readonly string[] = ['label'];

function noop(): void {}

export class Value {
  /** The number this node holds. Mutable so an optimizer can step it: `p.data -= lr * p.grad`. */
  data: number;
  /** $\partial L / \partial \text{this}$ after `L.backward()`; `0` until then. */
  grad = 0;
  /** Optional name for drawings (`graphOf`, `toDot`); may also be assigned later. */
  label?: string;
  /** The operands this node was computed from; `[]` for a leaf. `a.mul(a)` has children `[a, a]`. */
  readonly children: Value[];
  /** The operation that produced this node: `''` for a leaf, else `'+'`, `'*'`, `'**2'`, `'tanh'`, … */
  readonly op: string;
  /**
   * The chain-rule step of the operation that produced this node: adds this node's `grad`, times
   * the local derivatives, into the `grad` of each child. A no-op for leaves. `backward()` calls it
   * on every node in reverse topological order; you may call it by hand to step through.
   */
  _backward: () => void = noop;

  /** A leaf holding `data` (a finite number). */
  constructor(data: number, options?: ValueOptions) {
    if (typeof data !== 'number') throw new TypeError(expected('Value', 'data', 'a finite number', data));
    if (!Number.isFinite(data)) throw new RangeError(expected('Value', 'data', 'a finite number', data));
    checkOptions('Value', options, VALUE_OPTIONS);
    const label = options?.label;
    if (label !== undefined && typeof label !== 'string') {
      throw new TypeError(expected('Value', 'label', 'a string', label));
    }
    this.data = data;
    this.children = [];
    this.op = '';
    if (label !== undefined) this.label = label;
  }

  /** The node produced by an operation (its data is not checked, so overflow gives `Infinity`). */
  private static result(data: number, children: Value[], op: string): Value {
    const out = new Value(0);
    out.data = data;
    const graph = out as unknown as { children: Value[]; op: string };
    graph.children = children;
    graph.op = op;
    return out;
  }

  /** $o = a + b$; $\frac{\partial o}{\partial a} = 1$, $\frac{\partial o}{\partial b} = 1$. */
  add(other: Operand): Value {
    const b = toValue('add', other);
    const out = Value.result(this.data + b.data, [this, b], '+');
    out._backward = () => {
      this.grad += out.grad;
      b.grad += out.grad;
    };
    return out;
  }

  /** $o = a \cdot b$; $\frac{\partial o}{\partial a} = b$, $\frac{\partial o}{\partial b} = a$. */
  mul(other: Operand): Value {
    const b = toValue('mul', other);
    const out = Value.result(this.data * b.data, [this, b], '*');
    out._backward = () => {
      this.grad += b.data * out.grad;
      b.grad += this.data * out.grad;
    };
    return out;
  }

  /**
   * $o = x^k$ for a constant exponent $k$ (a finite number, not a `Value`);
   * $\frac{\partial o}{\partial x} = k\,x^{k-1}$ (taken as $0$ when $k = 0$, like PyTorch).
   */
  pow(exponent: number): Value {
    const k = checkExponent(exponent);
    const out = Value.result(Math.pow(this.data, k), [this], `**${k}`);
    out._backward = () => {
      if (k !== 0) this.grad += k * Math.pow(this.data, k - 1) * out.grad;
    };
    return out;
  }

  /** $o = -x = x \cdot (-1)$, built from `mul`; $\frac{\partial o}{\partial x} = -1$. */
  neg(): Value {
    return this.mul(-1);
  }

  /** $o = a - b = a + (-b)$, built from `add` and `neg`; $\frac{\partial o}{\partial a} = 1$, $\frac{\partial o}{\partial b} = -1$. */
  sub(other: Operand): Value {
    return this.add(toValue('sub', other).neg());
  }

  /**
   * $o = a / b = a \cdot b^{-1}$, built from `mul` and `pow`;
   * $\frac{\partial o}{\partial a} = \frac{1}{b}$, $\frac{\partial o}{\partial b} = -\frac{a}{b^2}$.
   * Dividing by a `Value` holding 0 gives `Infinity`/`NaN` like PyTorch.
   */
  div(other: Operand): Value {
    return this.mul(toValue('div', other).pow(-1));
  }

  /** Reversed subtraction $o = c - x$ (for `c - x` with a number `c` first): `x.rsub(1)` is $1 - x$. */
  rsub(other: Operand): Value {
    return toValue('rsub', other).sub(this);
  }

  /** Reversed division $o = c / x = c \cdot x^{-1}$ (for `c / x` with a number `c` first): `f.rdiv(10)` is $10 / f$. */
  rdiv(other: Operand): Value {
    return toValue('rdiv', other).div(this);
  }

  /** $o = e^x$; $\frac{\partial o}{\partial x} = e^x = o$. */
  exp(): Value {
    const out = Value.result(Math.exp(this.data), [this], 'exp');
    out._backward = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /**
   * $o = \ln x$; $\frac{\partial o}{\partial x} = \frac{1}{x}$. Defined for $x > 0$; as in PyTorch (and
   * `Tensor.log`), $\ln 0 = -\infty$ and the log of a negative number is `NaN`.
   */
  log(): Value {
    const out = Value.result(Math.log(this.data), [this], 'log');
    out._backward = () => {
      this.grad += out.grad / this.data;
    };
    return out;
  }

  /** $o = \tanh x$; $\frac{\partial o}{\partial x} = 1 - \tanh^2 x = 1 - o^2$. */
  tanh(): Value {
    const out = Value.result(Math.tanh(this.data), [this], 'tanh');
    out._backward = () => {
      this.grad += (1 - out.data * out.data) * out.grad;
    };
    return out;
  }

  /** $o = \max(0, x)$; $\frac{\partial o}{\partial x} = [x > 0]$ (0 at $x = 0$, like PyTorch). */
  relu(): Value {
    const out = Value.result(this.data > 0 ? this.data : 0, [this], 'relu');
    out._backward = () => {
      if (this.data > 0) this.grad += out.grad;
    };
    return out;
  }

  /** $o = \sigma(x) = \frac{1}{1 + e^{-x}}$; $\frac{\partial o}{\partial x} = \sigma(x)\,(1 - \sigma(x)) = o\,(1 - o)$. */
  sigmoid(): Value {
    const out = Value.result(1 / (1 + Math.exp(-this.data)), [this], 'sigmoid');
    out._backward = () => {
      this.grad += (1 - out.data) * out.data * out.grad;
    };
    return out;
  }

  /**
   * Backpropagation from this node: sets $\bar{o} = \partial o / \partial o = 1$ here and runs every
   * node's `_backward` in reverse topological order, so each node has received all of its
   * contributions before it passes its gradient on (chapter 05-backpropagation).
   *
   * Gradients accumulate across calls, like PyTorch: calling `backward()` twice adds the gradient
   * into the leaves twice, and gradients from different roots that share leaves add up. Call
   * `zeroGrad()` (or set `p.grad = 0` on your parameters) before each new backward pass. Only
   * leaves accumulate: the `grad` of every non-leaf node in this graph is reset to 0 at the start
   * of each call, so it holds the gradient from the latest call. (Accumulating them too would count
   * earlier passes again on the way down, e.g. tripling a leaf's gradient on the second call.)
   */
  backward(): void {
    const order = topologicalSort(this);
    for (const node of order) if (node.children.length > 0) node.grad = 0;
    this.grad += 1;
    for (let i = order.length - 1; i >= 0; i--) order[i]._backward();
  }

  /** Sets `grad = 0` on every node of this node's graph (leaves included). */
  zeroGrad(): void {
    for (const node of topologicalSort(this)) node.grad = 0;
  }

  /** `Value(data=-20, grad=46)`. */
  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }
}

/** A `Value` operand as is; a finite number as a new constant leaf; anything else is an error. */
function toValue(where: string, other: unknown): Value {
  if (other instanceof Value) return other;
  if (typeof other !== 'number') {
    throw new TypeError(expected(where, 'other', 'a Value or a finite number', other));
  }
  if (!Number.isFinite(other)) throw new RangeError(expected(where, 'other', 'a finite number', other));
  return new Value(other);
}

function checkExponent(exponent: unknown): number {
  if (typeof exponent !== 'number') {
    throw new TypeError(expected('pow', 'exponent', 'a finite number (not a Value)', exponent));
  }
  if (!Number.isFinite(exponent)) throw new RangeError(expected('pow', 'exponent', 'a finite number', exponent));
  return exponent;
}
