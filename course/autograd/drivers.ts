/**
 * Driver for autograd.ts. The scenarios below are trusted code: inside the sandbox they build a
 * graph with the student's Value class and return plain observations (data, grads); on the trusted
 * side the grader evaluates the same scenarios with forward-mode dual numbers to get exact
 * derivatives. Self-contained (no imports).
 */

/** The Value API as the scenarios use it (the student's class, or the grader's dual numbers). */
export interface V {
  data: number;
  grad: number;
  add(o: V | number): V;
  sub(o: V | number): V;
  mul(o: V | number): V;
  div(o: V | number): V;
  neg(): V;
  pow(k: number): V;
  exp(): V;
  log(): V;
  tanh(): V;
  relu(): V;
  backward(): void;
}

export interface Scenario {
  /** The leaves, created as new Value(x). */
  inputs: number[];
  /** Names of the leaves in `code`. */
  names: string[];
  /** What the scenario does, as the student would write it. */
  code: string;
  build: (x: V[]) => V;
}

const sigmoid = (u: V): V => u.neg().exp().add(1).pow(-1);

export const SCENARIOS: Record<string, Scenario> = {
  add: { inputs: [2, -3], names: ['a', 'b'], code: 'a.add(b)', build: ([a, b]) => a.add(b) },
  addNumber: { inputs: [2], names: ['a'], code: 'a.add(5)', build: ([a]) => a.add(5) },
  sub: { inputs: [2, -3], names: ['a', 'b'], code: 'a.sub(b)', build: ([a, b]) => a.sub(b) },
  subNumber: { inputs: [2], names: ['a'], code: 'a.sub(0.5)', build: ([a]) => a.sub(0.5) },
  neg: { inputs: [1.5], names: ['a'], code: 'a.neg()', build: ([a]) => a.neg() },
  mul: { inputs: [2, -3], names: ['a', 'b'], code: 'a.mul(b)', build: ([a, b]) => a.mul(b) },
  mulNumber: { inputs: [1.5], names: ['a'], code: 'a.mul(-4)', build: ([a]) => a.mul(-4) },
  div: { inputs: [3, -4], names: ['a', 'b'], code: 'a.div(b)', build: ([a, b]) => a.div(b) },
  divNumber: { inputs: [3], names: ['a'], code: 'a.div(8)', build: ([a]) => a.div(8) },
  pow3: { inputs: [1.5], names: ['a'], code: 'a.pow(3)', build: ([a]) => a.pow(3) },
  powMinus1: { inputs: [-2], names: ['a'], code: 'a.pow(-1)', build: ([a]) => a.pow(-1) },
  powHalf: { inputs: [2.25], names: ['a'], code: 'a.pow(0.5)', build: ([a]) => a.pow(0.5) },
  exp: { inputs: [0.7], names: ['a'], code: 'a.exp()', build: ([a]) => a.exp() },
  log: { inputs: [2.5], names: ['a'], code: 'a.log()', build: ([a]) => a.log() },
  tanh: { inputs: [0.8], names: ['a'], code: 'a.tanh()', build: ([a]) => a.tanh() },
  reluPositive: { inputs: [1.7], names: ['a'], code: 'a.relu()', build: ([a]) => a.relu() },
  reluNegative: { inputs: [-1.7], names: ['a'], code: 'a.relu()', build: ([a]) => a.relu() },
  reluOfProduct: { inputs: [-2, 3], names: ['a', 'b'], code: 'a.mul(b).relu().add(b.mul(a).neg().relu())', build: ([a, b]) => a.mul(b).relu().add(b.mul(a).neg().relu()) },
  square: { inputs: [3], names: ['a'], code: 'a.mul(a)', build: ([a]) => a.mul(a) },
  double: { inputs: [3], names: ['a'], code: 'a.add(a)', build: ([a]) => a.add(a) },
  seeded: { inputs: [2, -3], names: ['a', 'b'], code: 'a.mul(b).add(a)', build: ([a, b]) => a.mul(b).add(a) },
  reuse: { inputs: [-1.5, 0.5], names: ['a', 'b'], code: 'c = a.mul(b); c.add(a).mul(c)', build: ([a, b]) => { const c = a.mul(b); return c.add(a).mul(c); } },
  diamond: {
    inputs: [0.5],
    names: ['x'],
    code: 'a = x.mul(x); b = a.add(x); c = a.mul(b); c.tanh().add(a)',
    build: ([x]) => {
      const a = x.mul(x);
      const b = a.add(x);
      const c = a.mul(b);
      return c.tanh().add(a);
    },
  },
  longAndShortPaths: {
    inputs: [0.3],
    names: ['x'],
    code: 'a = x.tanh(); b = a.exp(); c = b.mul(a); c.add(a)',
    build: ([x]) => {
      const a = x.tanh();
      const b = a.exp();
      const c = b.mul(a);
      return c.add(a);
    },
  },
  deepShared: {
    inputs: [0.9, -0.4],
    names: ['x', 'y'],
    code: 'h = x.mul(y); 4 times: h = h.tanh().add(x).mul(h.add(y)); h',
    build: ([x, y]) => {
      let h = x.mul(y);
      for (let i = 0; i < 4; i++) h = h.tanh().add(x).mul(h.add(y));
      return h;
    },
  },
  sanity_check: {
    inputs: [-4],
    names: ['x'],
    code: "micrograd's sanity check: z = 2x + 2 + x; q = relu(z) + z·x; h = relu(z·z); y = h + q + q·x",
    build: ([x]) => {
      const z = x.mul(2).add(2).add(x);
      const q = z.relu().add(z.mul(x));
      const h = z.mul(z).relu();
      return h.add(q).add(q.mul(x));
    },
  },
  more_ops: {
    inputs: [-4, 2],
    names: ['a', 'b'],
    code: "micrograd's more_ops test (c = a + b; d = a·b + b³; …; g = f/2 + 10/f)",
    build: ([a, b]) => {
      let c = a.add(b);
      let d = a.mul(b).add(b.pow(3));
      c = c.add(c).add(1);
      c = c.add(1).add(c).add(a.neg());
      d = d.add(d.mul(2)).add(b.add(a).relu());
      d = d.add(d.mul(3)).add(b.sub(a).relu());
      const e = c.sub(d);
      const f = e.pow(2);
      let g = f.div(2);
      g = g.add(f.pow(-1).mul(10));
      return g;
    },
  },
  transcendental: {
    inputs: [0.7, -1.3],
    names: ['a', 'b'],
    code: 'c = tanh(a·b) + log(a + 2)·exp(b) − sigmoid(a − b)/(b·b); c²',
    build: ([a, b]) => {
      const c = a.mul(b).tanh().add(a.add(2).log().mul(b.exp())).sub(sigmoid(a.sub(b)).div(b.mul(b)));
      return c.pow(2);
    },
  },
};

function valueClass(mod: Record<string, unknown>): new (x: number) => V {
  const Value = mod.Value;
  if (typeof Value !== 'function') {
    const e = new Error('autograd.ts does not export a class named Value');
    e.name = 'MissingExport';
    throw e;
  }
  return Value as new (x: number) => V;
}

/** Builds the scenario's graph; returns the output's data and the leaves' data and initial grads. */
export function forward(mod: Record<string, unknown>, args: { scenario: string }) {
  const Value = valueClass(mod);
  const s = SCENARIOS[args.scenario];
  const leaves = s.inputs.map((x) => new Value(x));
  const initialGrads = leaves.map((l) => l.grad);
  const leafData = leaves.map((l) => l.data);
  const out = s.build(leaves);
  return { data: out.data, leafData, initialGrads };
}

/** Builds the graph, calls backward() on the output and returns the gradients of the leaves. */
export function backward(mod: Record<string, unknown>, args: { scenario: string }) {
  const Value = valueClass(mod);
  const s = SCENARIOS[args.scenario];
  const leaves = s.inputs.map((x) => new Value(x));
  const out = s.build(leaves);
  const data = out.data;
  out.backward();
  return { data, grads: leaves.map((l) => l.grad), outGrad: out.grad };
}

/** One node of a random program: an op applied to earlier nodes (leaves first). */
export interface Instruction {
  op: 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow' | 'exp' | 'log' | 'tanh' | 'relu' | 'addConst' | 'mulConst';
  a: number;
  b?: number;
  k?: number;
}

/** Builds a program's graph from the leaves; the output is the last node. */
export function interpret(leaves: V[], program: Instruction[]): V {
  const nodes = leaves.slice();
  for (const ins of program) {
    const a = nodes[ins.a];
    const b = ins.b === undefined ? undefined : nodes[ins.b];
    let out: V = a;
    switch (ins.op) {
      case 'add': out = a.add(b!); break;
      case 'sub': out = a.sub(b!); break;
      case 'mul': out = a.mul(b!); break;
      case 'div': out = a.div(b!); break;
      case 'neg': out = a.neg(); break;
      case 'pow': out = a.pow(ins.k!); break;
      case 'exp': out = a.exp(); break;
      case 'log': out = a.log(); break;
      case 'tanh': out = a.tanh(); break;
      case 'relu': out = a.relu(); break;
      case 'addConst': out = a.add(ins.k!); break;
      case 'mulConst': out = a.mul(ins.k!); break;
    }
    nodes.push(out);
  }
  return nodes[nodes.length - 1];
}

/** Runs a random program on the student's Value and returns the output and the leaves' grads. */
export function program(mod: Record<string, unknown>, args: { inputs: number[]; program: Instruction[] }) {
  const Value = valueClass(mod);
  const leaves = args.inputs.map((x) => new Value(x));
  const out = interpret(leaves, args.program);
  const data = out.data;
  out.backward();
  return { data, grads: leaves.map((l) => l.grad), outGrad: out.grad };
}
