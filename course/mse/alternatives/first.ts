/** Alternative correct mse.ts: reduce, reversed summation order. */
export function mse(yHat: number[], y: number[]): number {
  return y.reduceRight((acc, yi, i) => acc + (yi - yHat[i]) ** 2, 0) / y.length;
}

export function mseGradient(yHat: number[], y: number[]): number[] {
  const scale = 2 / y.length;
  return y.map((yi, i) => scale * (yHat[i] - yi));
}
