import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "optimizers.ts",
  mistake: "adam keeps m, v and t at module level (shared by all instances)",
  patch: [
    ["export function adam({", "let m: number[] | null = null;\nlet v: number[] | null = null;\nlet t = 0;\nexport function adam({"],
    ["  let m: number[] | null = null;\n  let v: number[] | null = null;\n  let t = 0;\n", ""],
  ],
};

export default mutant;
