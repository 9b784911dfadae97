/**
 * Type-checking a submission's exercise files (worker.ts, in a worker thread with a heap limit
 * and a time limit): a student who writes `len(y)` or `yHat - y` on arrays is told where and why
 * before any check runs. Type errors are notes, never points: the checks decide the score, and a
 * checker that runs out of time or memory only says so. One worker at a time per process; it is
 * replaced after a time-out or a crash. Never throws.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import { bundle } from '../../shared/typescript';
import { seconds } from '../../shared/time';
import type { SourceFiles } from '../sandbox/compiler';
import type { RawTypeError } from './worker';

export type { RawTypeError } from './worker';

/** Time limit of type-checking one submission's exercise files (a real one takes about a second; the first, with the lib files, two). */
export const TYPECHECK_TIMEOUT_MS = 20_000;
/** Heap of the type-check worker, in MB. */
export const TYPECHECK_HEAP_MB = 512;
/** Files type-checked for one submission at most (the exercise files and what they import). */
export const TYPECHECK_MAX_FILES = 64;

const SIBLING = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]\.\/([A-Za-z0-9_.-]+?)(?:\.ts|\.js)?['"]/gm;

let workerCode: string | undefined;
let worker: { thread: Worker; ready: Promise<boolean> } | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function start(): { thread: Worker; ready: Promise<boolean> } {
  workerCode ??= bundle(path.join(__dirname, 'worker.ts'), { format: 'cjs' });
  const thread = new Worker(workerCode, {
    eval: true,
    workerData: { typescript: require.resolve('typescript') },
    resourceLimits: { maxOldGenerationSizeMb: TYPECHECK_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  thread.unref();
  thread.on('error', () => undefined);
  const ready = new Promise<boolean>((resolve) => {
    thread.once('message', (m: { ready?: boolean }) => resolve(m?.ready === true));
    thread.once('exit', () => resolve(false));
  });
  const started = { thread, ready };
  thread.once('exit', () => {
    if (worker === started) worker = undefined;
  });
  return started;
}

/** The files to give the checker: `roots` and the sibling files they import, as the submission allows reading them. */
function gather(roots: readonly string[], sources: SourceFiles): Record<string, string> {
  const files: Record<string, string> = {};
  const todo = [...roots];
  const seen = new Set(todo);
  while (todo.length > 0 && Object.keys(files).length < TYPECHECK_MAX_FILES) {
    const name = todo.shift()!;
    const read = sources.read(name);
    if (read === undefined || !read.ok) continue;
    files[name] = read.source;
    for (const m of read.source.matchAll(SIBLING)) {
      const file = `${m[1]}.ts`;
      if (!seen.has(file)) {
        seen.add(file);
        todo.push(file);
      }
    }
  }
  return files;
}

async function run(files: Record<string, string>, roots: string[], timeoutMs: number): Promise<RawTypeError[] | { failure: string }> {
  worker ??= start();
  const current = worker;
  if (!(await current.ready)) {
    worker = undefined;
    return { failure: 'the type checker could not start' };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    const finish = (result: RawTypeError[] | { failure: string }, keep: boolean): void => {
      clearTimeout(timer);
      current.thread.off('message', onMessage);
      current.thread.off('exit', onExit);
      current.thread.unref();
      if (!keep) {
        if (worker === current) worker = undefined;
        void current.thread.terminate();
      }
      resolve(result);
    };
    const onMessage = (m: { id?: number; errors?: RawTypeError[]; failure?: string }): void => {
      if (m?.id !== id) return;
      finish(Array.isArray(m.errors) ? m.errors : { failure: String(m.failure) }, true);
    };
    const onExit = (): void => finish({ failure: 'the type checker ran out of memory or stopped' }, false);
    const timer = setTimeout(() => finish({ failure: `the type checker did not finish within ${seconds(timeoutMs)}` }, false), timeoutMs);
    current.thread.on('message', onMessage);
    current.thread.once('exit', onExit);
    current.thread.ref();
    current.thread.postMessage({ id, files, roots });
  });
}

/**
 * The type errors of the exercise files `roots` (names like `mse.ts`) of a submission, or why they
 * could not be checked. Files that cannot be read are left out (grading reports them).
 */
export function typecheckFiles(roots: readonly string[], sources: SourceFiles, timeoutMs = TYPECHECK_TIMEOUT_MS): Promise<RawTypeError[] | { failure: string }> {
  const files = gather(roots, sources);
  const present = roots.filter((r) => files[r] !== undefined);
  if (present.length === 0) return Promise.resolve([]);
  const job = queue.then(() => run(files, present, timeoutMs));
  queue = job.catch(() => undefined);
  return job.catch((error: unknown) => ({ failure: error instanceof Error ? error.message : String(error) }));
}
