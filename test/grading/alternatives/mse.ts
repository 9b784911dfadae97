/** Alternative correct mse.ts: reduce, reversed summation order. */
export function mse(yTrue: number[], yPred: number[]): number {
  return yTrue.reduceRight((acc, y, i) => acc + (y - yPred[i]) ** 2, 0) / yTrue.length;
}

export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  const scale = 2 / yTrue.length;
  return yTrue.map((y, i) => scale * (yPred[i] - y));
}
