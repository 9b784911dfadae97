import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "autograd.ts",
  mistake: "backward without a visited set (a node reached twice runs twice)",
  patch: [
    ["        if (!visited.has(child)) {\n          visited.add(child);\n          stack.push([child, 0]);\n        }", "        stack.push([child, 0]);"],
  ],
};

export default mutant;
