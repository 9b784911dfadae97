/**
 * Trick: kill the grading process (the parent), so that nothing records the failures. The test
 * gives this cheat the grader's real pid, as a student could guess it.
 */
const GRADER = Number('__GRADER_PID__');
const succeeded: string[] = [];
function attempt(name: string, trick: () => unknown): void {
  try {
    trick();
    succeeded.push(name);
  } catch {
    // blocked
  }
}
const p = process as unknown as { ppid?: number; kill(pid: number, signal?: string): void; _kill?(pid: number, sig: number): void };

attempt('process.kill(grader)', () => p.kill(p.ppid ?? GRADER, 'SIGKILL'));
attempt('process._kill(grader)', () => p._kill!(p.ppid ?? GRADER, 9));
attempt('require(process).kill', () => (require('process') as typeof p).kill(GRADER, 'SIGKILL'));

export function mse(yTrue: number[], yPred: number[]): number {
  return `succeeded: ${succeeded.length === 0 ? 'none' : succeeded.join(', ')}` as unknown as number;
}

export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  p.kill(GRADER, 'SIGTERM');
  return yPred;
}
