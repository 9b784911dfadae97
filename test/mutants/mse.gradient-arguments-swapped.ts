import type { Mutant } from './mutant';

const mutant: Mutant = {
  file: "mse.ts",
  mistake: "mseGradient takes its arguments in the old order (y, yHat): targets first",
  patch: [
    ["export function mseGradient(yHat: number[], y: number[]): number[] {", "export function mseGradient(y: number[], yHat: number[]): number[] {"],
  ],
};

export default mutant;
