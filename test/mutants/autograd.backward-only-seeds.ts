import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward() only sets this.grad = 1 and runs no node's backward step",
  patch: [
    ["    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();\n", ""],
  ],
  mustFail: CHECKS.backward,
};

export default mutant;
