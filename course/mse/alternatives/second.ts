/** Second correct mse.ts: errors first, then a for…of sum (predictions first, like the stub). */
function errors(yHat: number[], y: number[]): number[] {
  return y.map((target, i) => yHat[i] - target);
}

export function mse(yHat: number[], y: number[]): number {
  let sum = 0;
  for (const e of errors(yHat, y)) sum += e * e;
  return sum / y.length;
}

export function mseGradient(yHat: number[], y: number[]): number[] {
  return errors(yHat, y).map((e) => (e + e) / y.length);
}
