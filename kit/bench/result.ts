/** What each engine process reports (written as JSON by worker.ts and torch_peer.py). */
export interface EngineResult {
  /** descent, tfjs-cpu, tfjs-wasm, torch or value. */
  engine: string;
  /** spirals, wide, or micrograd (the Value engine's problem). */
  workload: string;
  dtype: string;
  version: string;
  /** Steps per timed repetition. */
  steps: number;
  /** Wall time of each timed repetition, in seconds. */
  seconds: number[];
  /** Losses of the warm-up run, step by step from the initial weights. */
  losses: number[];
  /** The loss of the last step of the last repetition. */
  finalLoss: number;
  /** The process's resident-set high-water mark, in MiB. */
  maxRssMB: number;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Steps per second of each repetition. */
export function stepsPerSecond(r: EngineResult): number[] {
  return r.seconds.map((s) => r.steps / s);
}
