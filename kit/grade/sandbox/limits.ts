/**
 * The limit the trusted side enforces on a sandbox child from the outside: its resident memory
 * (what the V8 heap limit does not cover: ArrayBuffers, typed arrays, wasm memory). The shape of
 * what it sends back is checked by the answer reader (../safe/answer.ts).
 */
import fs from 'fs';

/** How often the resident memory of a child is read, in ms. */
export const MEMORY_POLL_MS = 40;

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
