import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "cross-entropy.ts",
  mistake: "binaryCrossEntropy takes its arguments in the old order (y, pHat): labels first",
  patch: [
    ["export function binaryCrossEntropy(pHat: number[], y: number[]): number {", "export function binaryCrossEntropy(y: number[], pHat: number[]): number {"],
  ],
};

export default mutant;
