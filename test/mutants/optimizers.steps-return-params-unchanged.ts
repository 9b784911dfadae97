import { CHECKS } from './checks';
import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "every optimizer's step returns a copy of its params, unchanged (a new array that never moves)",
  patch: [
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 1],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 2],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 3],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 4],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 5],
    ["): Step {\n", "): Step {\n  return (params) => params.slice();\n", 6],
  ],
  mustFail: CHECKS.optimizers,
};

export default mutant;
