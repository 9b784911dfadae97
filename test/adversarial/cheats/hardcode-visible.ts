/**
 * Trick: detect the grader and answer its visible checks from a table (copied from the graders and
 * the shipped fixtures), computing nothing. The hidden, randomized checks must catch it.
 */
const TABLE = JSON.parse('__TABLE__') as Record<string, { mse: number; gradient: number[] }>;
const grading = typeof (process as unknown as { pid?: number }).pid !== 'number';
const key = (a: number[], b: number[]): string => JSON.stringify([a, b]);

export function mse(yTrue: number[], yPred: number[]): number {
  const known = TABLE[key(yTrue, yPred)];
  return grading && known !== undefined ? known.mse : 0;
}

export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  const known = TABLE[key(yTrue, yPred)];
  return grading && known !== undefined ? known.gradient : yPred.map(() => 0);
}
