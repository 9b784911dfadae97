/**
 * Limits the trusted side enforces on a sandbox child from the outside: its resident memory (what
 * the V8 heap limit does not cover: ArrayBuffers, typed arrays, wasm memory) and the shape of the
 * data it sends back.
 */
import fs from 'fs';

/** How often the resident memory of a child is read, in ms. */
export const MEMORY_POLL_MS = 40;

/** Deepest nesting of a value sent back (a legitimate answer is 2–4 levels deep). */
export const MAX_DEPTH = 64;

/** Longest array sent back (a sparse array can claim a huge length in a few bytes). */
export const MAX_ARRAY_LENGTH = 10_000_000;

/** Whether resident memory can be read on this platform (Linux: /proc/<pid>/status). */
export const CAN_WATCH_MEMORY = process.platform === 'linux' && fs.existsSync('/proc/self/status');

/** The resident set size of a process in MB, or undefined when it cannot be read (gone, not Linux). */
export function residentMegabytes(pid: number): number | undefined {
  if (!CAN_WATCH_MEMORY) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match === null ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Polls the resident memory of `pid` and calls `over(mb)` once it exceeds `limitMb`. Returns a
 * function that stops the watch. Does nothing where memory cannot be read.
 */
export function watchMemory(pid: number | undefined, limitMb: number, over: (mb: number) => void): () => void {
  if (!CAN_WATCH_MEMORY || pid === undefined) return () => undefined;
  const timer = setInterval(() => {
    const mb = residentMegabytes(pid);
    if (mb !== undefined && mb > limitMb) {
      clearInterval(timer);
      over(mb);
    }
  }, MEMORY_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * undefined when a received value is fine to hand to the graders, else why not: nested too deeply,
 * an array claiming a huge length, or a cycle (a value that contains itself). Shared references
 * without a cycle are fine (a driver may report aliasing that way).
 */
export function receivedProblem(value: unknown): string | undefined {
  const onPath = new Set<object>();
  const done = new Set<object>();
  const visit = (v: unknown, depth: number): string | undefined => {
    if (v === null || typeof v !== 'object' || done.has(v)) return undefined;
    if (onPath.has(v)) return 'returned a value that contains itself (a cycle)';
    if (depth >= MAX_DEPTH) return `returned a value nested more than ${MAX_DEPTH} levels deep`;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return undefined;
    if (Array.isArray(v) && v.length > MAX_ARRAY_LENGTH) return `returned an array of length ${v.length}, which is too long`;
    onPath.add(v);
    const items = Array.isArray(v) ? v : v instanceof Map ? [...v.keys(), ...v.values()] : v instanceof Set ? [...v] : Object.values(v);
    for (const item of items) {
      const problem = visit(item, depth + 1);
      if (problem !== undefined) return problem;
    }
    onPath.delete(v);
    done.add(v);
    return undefined;
  };
  return visit(value, 0);
}
