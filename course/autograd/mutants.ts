/**
 * The mutation suite of autograd.ts: single deliberate mistakes in solutions/autograd.ts, each a patch
 * applied to a copy (never to solutions/ itself). Every mutant must lose points, and those that
 * fake a function (return their input, never call it, never shuffle) must fail every check named
 * in `mustFail` (test/grading/mutants.test.ts). A renamed check fails that test until renamed here.
 */
import type { Mutant } from '../../kit/author/mutant';

/** The checks (visible and hidden) that exercise Value.backward(): a fake of it must fail every one. */
const BACKWARD = [
  "a new Value has grad 0; backward() seeds out.grad = 1 and fills every leaf’s gradient",
  "add, sub and neg pass the gradient through (±1)",
  "mul: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a",
  "div: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²",
  "pow: ∂(aᵏ)/∂a = k·aᵏ⁻¹",
  "exp: the derivative of eᵃ is eᵃ",
  "log: the derivative of ln a is 1/a",
  "tanh: the derivative is 1 − tanh²(a)",
  "relu: the gradient flows only where a > 0",
  "a value used twice receives both contributions (+=)",
  "backward visits every node once, in reverse topological order",
  "micrograd’s test expressions match PyTorch",
  "randomized: random graphs with shared nodes",
];

const mutants: Mutant[] = [
  {
    name: "add-wrong-derivative",
    mistake: "add passes −grad to its second input",
    patch: [
      ["      o.grad += out.grad;\n", "      o.grad -= out.grad;\n"],
    ],
  },
  {
    name: "backward-not-seeded",
    mistake: "backward does not set the output gradient to 1",
    patch: [
      ["    this.grad = 1;\n", "    this.grad = this.grad || 0;\n"],
    ],
  },
  {
    name: "backward-only-seeds",
    mistake: "backward() only sets this.grad = 1 and runs no node's backward step",
    patch: [
      ["    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();\n", ""],
    ],
    mustFail: BACKWARD,
  },
  {
    name: "backward-sets-every-grad-to-1",
    mistake: "backward() sets grad = 1 on every node of the graph instead of applying the chain rule",
    patch: [
      ["    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();\n", "    for (const node of order) node.grad = 1;\n"],
    ],
    mustFail: BACKWARD,
  },
  {
    name: "breadth-first-order",
    mistake: "backward in breadth-first order from the output (not topological)",
    patch: [
      ["    this.grad = 1;\n    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();", "    this.grad = 1;\n    const queue: Value[] = [this];\n    const seen = new Set<Value>([this]);\n    while (queue.length > 0) {\n      const node = queue.shift()!;\n      node.backwardStep();\n      for (const child of node.children) {\n        if (!seen.has(child)) {\n          seen.add(child);\n          queue.push(child);\n        }\n      }\n    }\n    void order;"],
    ],
  },
  {
    name: "div-wrong-derivative",
    mistake: "div with ∂(a/b)/∂b = +a/b²",
    patch: [
      ["  div(other: Value | number): Value {\n    return this.mul(Value.of(other).pow(-1));\n  }", "  div(other: Value | number): Value {\n    const o = Value.of(other);\n    const out = new Value(this.data / o.data, [this, o]);\n    out.backwardStep = () => {\n      this.grad += out.grad / o.data;\n      o.grad += (this.data / (o.data * o.data)) * out.grad;\n    };\n    return out;\n  }"],
    ],
  },
  {
    name: "exp-wrong-derivative",
    mistake: "exp with derivative a instead of eᵃ",
    patch: [
      ["this.grad += out.data * out.grad;", "this.grad += this.data * out.grad;"],
    ],
  },
  {
    name: "gradients-overwritten",
    mistake: "backward steps assign (=) instead of accumulating (+=)",
    patch: [
      ["      this.grad += out.grad;\n      o.grad += out.grad;", "      this.grad = out.grad;\n      o.grad = out.grad;"],
      ["      this.grad += o.data * out.grad;\n      o.grad += this.data * out.grad;", "      this.grad = o.data * out.grad;\n      o.grad = this.data * out.grad;"],
    ],
  },
  {
    name: "log-wrong-derivative",
    mistake: "log with derivative 1/a²",
    patch: [
      ["this.grad += out.grad / this.data;", "this.grad += out.grad / (this.data * this.data);"],
    ],
  },
  {
    name: "mul-wrong-derivative",
    mistake: "mul uses each factor for its own derivative",
    patch: [
      ["this.grad += o.data * out.grad;", "this.grad += this.data * out.grad;"],
    ],
  },
  {
    name: "neg-wrong-derivative",
    mistake: "neg as a separate op with derivative +1",
    patch: [
      ["  neg(): Value {\n    return this.mul(-1);\n  }", "  neg(): Value {\n    const out = new Value(-this.data, [this]);\n    out.backwardStep = () => {\n      this.grad += out.grad;\n    };\n    return out;\n  }"],
    ],
  },
  {
    name: "pow-wrong-derivative",
    mistake: "pow with k·aᵏ instead of k·aᵏ⁻¹",
    patch: [
      ["k * Math.pow(this.data, k - 1)", "k * Math.pow(this.data, k)"],
    ],
  },
  {
    name: "relu-wrong-derivative",
    mistake: "relu passes the gradient everywhere",
    patch: [
      ["(this.data > 0 ? 1 : 0) * out.grad", "out.grad"],
    ],
  },
  {
    name: "sub-wrong-derivative",
    mistake: "sub as a separate op that passes +grad to its second input",
    patch: [
      ["  sub(other: Value | number): Value {\n    return this.add(Value.of(other).neg());\n  }", "  sub(other: Value | number): Value {\n    const o = Value.of(other);\n    const out = new Value(this.data - o.data, [this, o]);\n    out.backwardStep = () => {\n      this.grad += out.grad;\n      o.grad += out.grad;\n    };\n    return out;\n  }"],
    ],
  },
  {
    name: "tanh-wrong-derivative",
    mistake: "tanh with derivative 1 − tanh instead of 1 − tanh²",
    patch: [
      ["(1 - t * t)", "(1 - t)"],
    ],
  },
  {
    name: "topological-order-not-reversed",
    mistake: "backward runs the nodes leaves-first (order not reversed)",
    patch: [
      ["for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();", "for (const node of order) node.backwardStep();"],
    ],
  },
  {
    name: "visits-nodes-twice",
    mistake: "backward without a visited set (a node reached twice runs twice)",
    patch: [
      ["        if (!visited.has(child)) {\n          visited.add(child);\n          stack.push([child, 0]);\n        }", "        stack.push([child, 0]);"],
    ],
  },
];

export default mutants;
