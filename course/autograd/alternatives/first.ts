/** Alternative correct autograd.ts: every op written out, recursive topological sort, Set of parents. */
type Back = (g: number) => void;

export class Value {
  data: number;
  grad: number;
  prev: Set<Value>;
  back: Back;

  constructor(data: number, prev: Value[] = [], back: Back = () => undefined) {
    this.data = data;
    this.grad = 0;
    this.prev = new Set(prev);
    this.back = back;
  }

  add(other: Value | number): Value {
    const o = typeof other === 'number' ? new Value(other) : other;
    return new Value(this.data + o.data, [this, o], (g) => {
      this.grad += g;
      o.grad += g;
    });
  }
  sub(other: Value | number): Value {
    const o = typeof other === 'number' ? new Value(other) : other;
    return new Value(this.data - o.data, [this, o], (g) => {
      this.grad += g;
      o.grad -= g;
    });
  }
  mul(other: Value | number): Value {
    const o = typeof other === 'number' ? new Value(other) : other;
    return new Value(this.data * o.data, [this, o], (g) => {
      this.grad += g * o.data;
      o.grad += g * this.data;
    });
  }
  div(other: Value | number): Value {
    const o = typeof other === 'number' ? new Value(other) : other;
    return new Value(this.data / o.data, [this, o], (g) => {
      this.grad += g / o.data;
      o.grad -= (g * this.data) / (o.data * o.data);
    });
  }
  neg(): Value {
    return new Value(-this.data, [this], (g) => {
      this.grad -= g;
    });
  }
  pow(k: number): Value {
    return new Value(this.data ** k, [this], (g) => {
      this.grad += g * k * this.data ** (k - 1);
    });
  }
  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, [this], (g) => {
      this.grad += g * e;
    });
  }
  log(): Value {
    return new Value(Math.log(this.data), [this], (g) => {
      this.grad += g / this.data;
    });
  }
  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, [this], (g) => {
      this.grad += g * (1 - t ** 2);
    });
  }
  relu(): Value {
    return new Value(Math.max(0, this.data), [this], (g) => {
      if (this.data > 0) this.grad += g;
    });
  }
  backward(): void {
    const topo: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value): void => {
      if (seen.has(v)) return;
      seen.add(v);
      v.prev.forEach(visit);
      topo.push(v);
    };
    visit(this);
    this.grad = 1;
    topo.reverse().forEach((v) => v.back(v.grad));
  }
}
