import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward in breadth-first order from the output (not topological)",
  patch: [
    ["    this.grad = 1;\n    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();", "    this.grad = 1;\n    const queue: Value[] = [this];\n    const seen = new Set<Value>([this]);\n    while (queue.length > 0) {\n      const node = queue.shift()!;\n      node.backwardStep();\n      for (const child of node.children) {\n        if (!seen.has(child)) {\n          seen.add(child);\n          queue.push(child);\n        }\n      }\n    }\n    void order;"],
  ],
};

export default mutant;
