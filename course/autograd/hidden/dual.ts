/**
 * Forward-mode automatic differentiation with dual numbers a + a'ε (ε² = 0): an oracle for the
 * autograd grader that shares no code or idea with a backward pass. Running a scenario once per
 * input, with that input's derivative set to 1, gives the exact gradient.
 */
import type { V } from '../drivers';

export class Dual implements V {
  grad = 0;
  constructor(
    public data: number,
    public der = 0,
  ) {}
  private static of(o: V | number): Dual {
    return typeof o === 'number' ? new Dual(o) : (o as Dual);
  }
  add(o: V | number): Dual {
    const b = Dual.of(o);
    return new Dual(this.data + b.data, this.der + b.der);
  }
  sub(o: V | number): Dual {
    const b = Dual.of(o);
    return new Dual(this.data - b.data, this.der - b.der);
  }
  mul(o: V | number): Dual {
    const b = Dual.of(o);
    return new Dual(this.data * b.data, this.der * b.data + this.data * b.der);
  }
  div(o: V | number): Dual {
    const b = Dual.of(o);
    return new Dual(this.data / b.data, (this.der * b.data - this.data * b.der) / (b.data * b.data));
  }
  neg(): Dual {
    return new Dual(-this.data, -this.der);
  }
  pow(k: number): Dual {
    return new Dual(Math.pow(this.data, k), k * Math.pow(this.data, k - 1) * this.der);
  }
  exp(): Dual {
    const e = Math.exp(this.data);
    return new Dual(e, e * this.der);
  }
  log(): Dual {
    return new Dual(Math.log(this.data), this.der / this.data);
  }
  tanh(): Dual {
    const t = Math.tanh(this.data);
    return new Dual(t, (1 - t * t) * this.der);
  }
  relu(): Dual {
    return this.data > 0 ? new Dual(this.data, this.der) : new Dual(0, 0);
  }
  backward(): void {
    throw new Error('dual numbers have no backward pass');
  }
}

/** The value of `build` at `inputs` and its exact gradient with respect to every input. */
export function exactGradient(build: (x: V[]) => V, inputs: number[]): { data: number; grads: number[] } {
  const grads = inputs.map((_, i) => (build(inputs.map((x, j) => new Dual(x, i === j ? 1 : 0))) as Dual).der);
  return { data: build(inputs.map((x) => new Dual(x))).data, grads };
}
