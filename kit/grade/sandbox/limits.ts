/**
 * What the trusted side watches of a sandbox child from the outside (Linux, /proc): its resident
 * memory (what the V8 heap limit does not cover: ArrayBuffers, typed arrays, wasm memory) and the
 * CPU time it has used, so that time limits count the student's own work — a classmate's code
 * spinning beside it on a busy machine slows a child down without bringing it closer to a limit.
 * Where /proc cannot be read, time limits are wall-clock. The shape of what a child sends back is
 * checked by the answer reader (../safe/answer.ts).
 */
import fs from 'fs';

/** How often a child is sampled, in ms. */
export const POLL_MS = 40;

/** Whether resident memory and CPU time can be read on this platform (Linux: /proc/<pid>/). */
export const CAN_WATCH_PROCESS = process.platform === 'linux' && fs.existsSync('/proc/self/stat') && fs.existsSync('/proc/self/status');
/** (Kept for the tests that need the memory watch.) */
export const CAN_WATCH_MEMORY = CAN_WATCH_PROCESS;

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux Node supports). */
const TICKS_PER_SECOND = 100;

/** The resident set size of a process in MB, or undefined when it cannot be read (gone, not Linux). */
export function residentMegabytes(pid: number): number | undefined {
  if (!CAN_WATCH_PROCESS) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match === null ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** The CPU time (user + system, all threads) a process has used, in ms, or undefined when it cannot be read. */
export function cpuMilliseconds(pid: number): number | undefined {
  if (!CAN_WATCH_PROCESS) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the file (utime, stime) are 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Samples `pid` every POLL_MS: `over(mb)` once its resident memory exceeds `limitMb`, `tick(cpuMs)`
 * with its CPU time at each sample. Returns a function that stops the watch. Does nothing where
 * /proc cannot be read.
 */
export function watchProcess(pid: number | undefined, limitMb: number, over: (mb: number) => void, tick: (cpuMs: number) => void): () => void {
  if (!CAN_WATCH_PROCESS || pid === undefined) return () => undefined;
  const timer = setInterval(() => {
    const mb = residentMegabytes(pid);
    if (mb !== undefined && mb > limitMb) {
      clearInterval(timer);
      over(mb);
      return;
    }
    const cpu = cpuMilliseconds(pid);
    if (cpu !== undefined) tick(cpu);
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * How long, in wall-clock ms, a child may take for `limitMs` of CPU time before it is stopped all
 * the same (a child that sleeps, e.g. in Atomics.wait, uses no CPU).
 */
export function wallBackstop(limitMs: number): number {
  return 3 * limitMs + 2000;
}
