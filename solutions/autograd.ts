/**
 * A scalar reverse-mode autodiff engine (micrograd-style) — chapter 05-backpropagation.
 *
 * Every operation records its inputs and a local backward step that applies the chain rule,
 *   ∂L/∂x += ∂L/∂out · ∂out/∂x,
 * and backward() runs these steps once per node in reverse topological order.
 */

export class Value {
  data: number;
  grad = 0;
  private readonly children: Value[];
  private backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
  }

  private static of(x: Value | number): Value {
    return x instanceof Value ? x : new Value(x);
  }

  /** a + b: both local derivatives are 1. */
  add(other: Value | number): Value {
    const o = Value.of(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** a · b: ∂/∂a = b, ∂/∂b = a. */
  mul(other: Value | number): Value {
    const o = Value.of(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** −a. */
  neg(): Value {
    return this.mul(-1);
  }

  /** a − b. */
  sub(other: Value | number): Value {
    return this.add(Value.of(other).neg());
  }

  /** aᵏ for a constant k: ∂/∂a = k · aᵏ⁻¹. */
  pow(k: number): Value {
    const out = new Value(Math.pow(this.data, k), [this]);
    out.backwardStep = () => {
      this.grad += k * Math.pow(this.data, k - 1) * out.grad;
    };
    return out;
  }

  /** a / b = a · b⁻¹. */
  div(other: Value | number): Value {
    return this.mul(Value.of(other).pow(-1));
  }

  /** eᵃ: the derivative is eᵃ itself. */
  exp(): Value {
    const out = new Value(Math.exp(this.data), [this]);
    out.backwardStep = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /** ln a: the derivative is 1/a. */
  log(): Value {
    const out = new Value(Math.log(this.data), [this]);
    out.backwardStep = () => {
      this.grad += out.grad / this.data;
    };
    return out;
  }

  /** tanh a: the derivative is 1 − tanh² a. */
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  /** max(0, a): the derivative is 1 where a > 0, else 0 (as in PyTorch). */
  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, [this]);
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  /** Sets this.grad = 1 and runs every node's backward step once, in reverse topological order. */
  backward(): void {
    const order: Value[] = [];
    const visited = new Set<Value>();
    // Iterative depth-first search: a node is appended after all of its children.
    const stack: Array<[Value, number]> = [[this, 0]];
    visited.add(this);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [node, next] = top;
      if (next < node.children.length) {
        top[1] = next + 1;
        const child = node.children[next];
        if (!visited.has(child)) {
          visited.add(child);
          stack.push([child, 0]);
        }
      } else {
        stack.pop();
        order.push(node);
      }
    }
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }
}
