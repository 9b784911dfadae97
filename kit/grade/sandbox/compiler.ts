/**
 * Compiling a submission: the exercise file and the files it imports (found by TypeScript's
 * scanner, followed from the entry: only what is imported is compiled), each transpiled in a
 * compile worker (compile-worker.ts) — never in the thread that grades. A worker has a heap limit;
 * every file gets what is left of the load time limit of its exercise (the time a worker spends on
 * it, not the time it waits for one), and a worker that runs out of either is terminated and
 * replaced, so that a file the compiler chokes on costs its owner alone. At most `MAX_IMPORTED`
 * files are compiled per exercise. Results are cached by content.
 */
import crypto from 'crypto';
import path from 'path';
import { Worker } from 'worker_threads';
import { bundle } from '../../shared/typescript';
import { seconds } from '../../shared/time';

/** Where a submission's files come from: the source of a file, or why it cannot be read, or undefined when it does not exist. */
export interface SourceFiles {
  read(name: string): { ok: true; source: string } | { ok: false; problem: string } | undefined;
}

/** The entry and its imports, compiled: name → JavaScript, and name → why it cannot be loaded. */
export interface Compiled {
  files: Record<string, string>;
  errors: Record<string, string>;
}

/** Most files compiled for one exercise file (the entry and what it imports, directly or not). */
export const MAX_IMPORTED = 32;
/** Compile workers at most (each has its own TypeScript). */
export const MAX_WORKERS = 2;
/** Heap of a compile worker, in MB. */
export const WORKER_HEAP_MB = 384;

/** What compiling one file gave, and how long a worker spent on it (not waiting for one). */
type Outcome = ({ code: string; error?: string; imports: string[] } | { failure: string } | { timeout: true }) & { ms: number };

/** A sibling import: './name', './name.ts' or './name.js'. */
const SIBLING = /^\.\/([A-Za-z0-9_.-]+?)(\.ts|\.js)?$/;

let workerCode: string | undefined;
function code(): string {
  workerCode ??= bundle(path.join(__dirname, 'compile-worker.ts'), { format: 'cjs' });
  return workerCode;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

interface Job {
  name: string;
  source: string;
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
}

/** The compile workers of this process, started when first needed. */
class CompilePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly cache = new Map<string, Outcome>();
  private cachedChars = 0;
  private nextId = 1;

  compile(name: string, source: string, timeoutMs: number): Promise<Outcome> {
    const key = crypto.createHash('sha256').update(name).update('\u0000').update(source).digest('hex');
    const hit = this.cache.get(key);
    if (hit !== undefined) return Promise.resolve({ ...hit, ms: 0 });
    return new Promise<Outcome>((resolve) => {
      this.queue.push({
        name,
        source,
        timeoutMs,
        resolve: (outcome) => {
          if ('code' in outcome) this.remember(key, outcome);
          resolve(outcome);
        },
      });
      this.dispatch();
    });
  }

  private remember(key: string, outcome: Outcome & { code: string }): void {
    this.cachedChars += outcome.code.length;
    this.cache.set(key, outcome);
    for (const [k, v] of this.cache) {
      if (this.cachedChars <= 32_000_000) break;
      this.cache.delete(k);
      this.cachedChars -= (v as { code: string }).code.length;
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (slot === undefined && this.slots.length < MAX_WORKERS) slot = this.start();
      if (slot === undefined) return;
      this.run(slot, this.queue.shift()!);
    }
  }

  private start(): Slot {
    const worker = new Worker(code(), {
      eval: true,
      workerData: { typescript: require.resolve('typescript') },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    const ready = new Promise<void>((resolve) => {
      const onReady = (m: unknown): void => {
        if ((m as { ready?: boolean } | null)?.ready === true) {
          worker.off('message', onReady);
          resolve();
        }
      };
      worker.on('message', onReady);
      worker.once('exit', () => resolve());
    });
    const slot: Slot = { worker, ready, busy: false };
    worker.on('error', () => undefined); // reported to the job through 'exit'
    worker.once('exit', () => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
    });
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, job: Job): void {
    slot.busy = true;
    const { worker } = slot;
    const id = this.nextId++;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let started = 0;
    const finish = (result: Omit<Outcome, 'ms'>, keep: boolean): void => {
      const outcome = { ...result, ms: started === 0 ? 0 : Date.now() - started } as Outcome;
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      worker.unref();
      if (keep) {
        slot.busy = false;
      } else {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
        void worker.terminate();
      }
      job.resolve(outcome);
      this.dispatch();
    };
    const onMessage = (m: unknown): void => {
      const reply = m as { id?: number; code?: string; error?: string; imports?: string[]; failure?: string };
      if (reply?.id !== id) return;
      if (typeof reply.code === 'string') finish({ code: reply.code, error: reply.error, imports: Array.isArray(reply.imports) ? reply.imports : [] }, true);
      else finish({ failure: String(reply.failure) }, true);
    };
    const onExit = (): void => finish({ failure: 'the compiler ran out of memory or stopped' }, false);
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.ref();
    void slot.ready.then(() => {
      if (done) return;
      started = Date.now();
      timer = setTimeout(() => finish({ timeout: true }, false), job.timeoutMs);
      worker.postMessage({ id, name: job.name, source: job.source });
    });
  }
}

const pool = new CompilePool();

/**
 * Compiles `entry` and the sibling files it imports (directly or not), within `timeoutMs` of
 * compiler time in all. Resolves to the compiled files, or to why loading must fail (time out).
 */
export async function compileSubmission(entry: string, sources: SourceFiles, timeoutMs: number): Promise<Compiled | { failure: string }> {
  const files: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const queue = [entry];
  const seen = new Set(queue);
  let left = timeoutMs;
  while (queue.length > 0) {
    const name = queue.shift()!;
    const read = sources.read(name);
    if (read === undefined) continue; // an import of a file that does not exist: require says so at run time
    if (!read.ok) {
      errors[name] = read.problem;
      continue;
    }
    const out = await pool.compile(name, read.source, Math.max(1, left));
    left -= out.ms;
    if ('timeout' in out) {
      return { failure: `timed out after ${seconds(timeoutMs)} while compiling ${name} (TypeScript did not finish: is it deeply nested?)` };
    }
    if ('failure' in out) {
      files[name] = '';
      errors[name] = `${name} cannot be compiled (${out.failure})`;
      continue;
    }
    files[name] = out.code;
    if (out.error !== undefined) errors[name] = `syntax error at ${out.error}`;
    for (const spec of out.imports) {
      const match = SIBLING.exec(spec);
      if (match === null) continue;
      const file = `${match[1]}.ts`;
      if (seen.has(file)) continue;
      seen.add(file);
      if (seen.size > MAX_IMPORTED) {
        errors[file] = `${file} was not compiled: an exercise file may import at most ${MAX_IMPORTED - 1} other files`;
        continue;
      }
      queue.push(file);
    }
  }
  return { files, errors };
}
