import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward() sets grad = 1 on every node of the graph instead of applying the chain rule",
  patch: [
    ["    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();\n", "    for (const node of order) node.grad = 1;\n"],
  ],
  mustFail: CHECKS.backward,
};

export default mutant;
