import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward runs the nodes leaves-first (order not reversed)",
  patch: [
    ["for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();", "for (const node of order) node.backwardStep();"],
  ],
};

export default mutant;
