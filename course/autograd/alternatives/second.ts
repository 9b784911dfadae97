/**
 * Second correct autograd.ts: every Value gets an increasing id when it is created, and backward()
 * runs the nodes it reaches from the highest id down (an input is always created before the
 * values computed from it, so that is a reverse topological order); derived ops from primitives.
 */
let nextId = 0;

export class Value {
  data: number;
  grad = 0;
  readonly id = nextId++;
  inputs: Value[] = [];
  step: () => void = () => undefined;

  constructor(data: number) {
    this.data = data;
  }

  private static lift(x: Value | number): Value {
    return typeof x === 'number' ? new Value(x) : x;
  }

  private derive(data: number, inputs: Value[], step: (out: Value) => void): Value {
    const out = new Value(data);
    out.inputs = inputs;
    out.step = () => step(out);
    return out;
  }

  add(other: Value | number): Value {
    const o = Value.lift(other);
    return this.derive(this.data + o.data, [this, o], (out) => {
      this.grad += out.grad;
      o.grad += out.grad;
    });
  }
  mul(other: Value | number): Value {
    const o = Value.lift(other);
    return this.derive(this.data * o.data, [this, o], (out) => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    });
  }
  pow(k: number): Value {
    return this.derive(this.data ** k, [this], (out) => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    });
  }
  neg(): Value {
    return this.mul(-1);
  }
  sub(other: Value | number): Value {
    return this.add(Value.lift(other).neg());
  }
  div(other: Value | number): Value {
    return this.mul(Value.lift(other).pow(-1));
  }
  exp(): Value {
    return this.derive(Math.exp(this.data), [this], (out) => {
      this.grad += out.data * out.grad;
    });
  }
  log(): Value {
    return this.derive(Math.log(this.data), [this], (out) => {
      this.grad += (1 / this.data) * out.grad;
    });
  }
  tanh(): Value {
    return this.derive(Math.tanh(this.data), [this], (out) => {
      this.grad += (1 - out.data * out.data) * out.grad;
    });
  }
  relu(): Value {
    return this.derive(this.data > 0 ? this.data : 0, [this], (out) => {
      if (out.data > 0) this.grad += out.grad;
    });
  }

  backward(): void {
    const reached = new Map<number, Value>();
    const stack: Value[] = [this];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (reached.has(v.id)) continue;
      reached.set(v.id, v);
      stack.push(...v.inputs);
    }
    this.grad = 1;
    for (const v of [...reached.values()].sort((a, b) => b.id - a.id)) v.step();
  }
}
