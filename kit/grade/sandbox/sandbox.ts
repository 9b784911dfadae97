/**
 * The trusted side of the isolation boundary. One Sandbox is one exercise file of one submission,
 * run in disposable child processes (process.ts): `node --permission` (Node 20:
 * --experimental-permission) with no --allow-* flag, so the child cannot read or write files, start
 * processes or workers; no code generation from strings in the child's own realm; a heap limit; no
 * environment. Inside the child, the student's code and the grader's driver run in a separate vm
 * context with frozen built-ins and no Node API (realm.ts).
 *
 * The student's TypeScript is compiled first, in a compile worker (compiler.ts): the exercise file
 * and the files it imports, nothing else, within the load time limit. Every request has a time
 * limit; a child that times out, runs out of memory (heap, or resident memory on Linux), exits,
 * prints too much or sends something unreadable is killed, the pending request fails with a clear
 * line, and the next request starts a fresh child. Only structured-clone bytes come back,
 * size-capped, read here by safe/answer.ts (dense arrays, bounded size and depth, no cycles).
 */
import { transpile } from '../../shared/typescript';
import { compileSubmission, Compiled, SourceFiles } from './compiler';
import { SandboxProcess } from './process';

export type Outcome = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * The limits of one exercise file's sandbox. Time limits of calls and of loading count the child's
 * CPU time where it can be read (Linux), with a wall-clock backstop (3× the limit + 2 s) for a child
 * that sleeps; elsewhere they are wall-clock.
 */
export interface SandboxLimits {
  /** Default time limit of one call, in ms. */
  callTimeoutMs: number;
  /** Time limit for compiling the student's files, and again for loading them (import-time code), in ms. */
  loadTimeoutMs: number;
  /** Time a child may take to start, before any student code runs, in ms (only a very busy machine needs more than 1 s). */
  startTimeoutMs: number;
  /** V8 heap limit of the child, in MB (--max-old-space-size). */
  memoryMb: number;
  /** Bytes of stdout + stderr after which the child is stopped. */
  outputCapBytes: number;
  /** Resident memory of the child, in MB, after which it is stopped (Linux; covers ArrayBuffers). */
  residentMb: number;
  /** Largest answer of one call, in bytes (structured clone). */
  resultCapBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  callTimeoutMs: 2000,
  loadTimeoutMs: 10_000,
  startTimeoutMs: 30_000,
  memoryMb: 256,
  outputCapBytes: 1_000_000,
  residentMb: 512,
  resultCapBytes: 8_000_000,
};

/** What runs in the child: the submission's files and the driver source. */
export interface SandboxSource {
  /** File name → TypeScript source (e.g. { 'mse.ts': '…' }), or where to read them from (see submission.ts). */
  files: Record<string, string> | SourceFiles;
  /** The exercise file whose exports are called, e.g. 'mse.ts'. */
  entry: string;
  /** TypeScript source of the trusted driver module, or null. */
  driver: string | null;
}

/** In-memory sources as SourceFiles. */
function inMemory(files: Record<string, string>): SourceFiles {
  return {
    read: (name) => (Object.prototype.hasOwnProperty.call(files, name) ? { ok: true, source: files[name] } : undefined),
  };
}

/** The driver's JavaScript; a driver that does not compile is a grader error. */
function driverCode(source: string): string {
  try {
    return transpile(source, 'driver.ts');
  } catch (error) {
    throw new SyntaxError(`grader driver does not compile: ${(error as Error).message}`);
  }
}

export class Sandbox {
  private run: SandboxProcess | undefined;
  private broken: string | undefined;
  private disposed = false;
  private compiled: Promise<Compiled | { failure: string }> | undefined;
  private readonly driver: string | null;
  private readonly sources: SourceFiles;

  constructor(
    private readonly source: SandboxSource,
    private readonly limits: SandboxLimits = DEFAULT_LIMITS,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.sources = typeof (source.files as SourceFiles).read === 'function' ? (source.files as SourceFiles) : inMemory(source.files as Record<string, string>);
    this.driver = source.driver === null ? null : driverCode(source.driver);
  }

  /** Calls an exported function of the entry file. */
  call(name: string, args: unknown[], timeoutMs?: number): Promise<Outcome> {
    return this.request('call', name, args, timeoutMs);
  }

  /** Runs a driver scenario next to the student's code. */
  drive(name: string, arg: unknown, timeoutMs?: number): Promise<Outcome> {
    return this.request('drive', name, [arg], timeoutMs);
  }

  /**
   * Compiles and loads the entry file (once); resolves with undefined when it is ready, or with
   * why it cannot be. A session calls this before its time budget starts.
   */
  async ready(): Promise<string | undefined> {
    for (;;) {
      if (this.broken !== undefined) return this.broken;
      this.compiled ??= compileSubmission(this.source.entry, this.sources, this.limits.loadTimeoutMs);
      const compiled = await this.compiled;
      if ('failure' in compiled) {
        this.broken = compiled.failure;
        continue;
      }
      if (this.disposed) continue;
      const run = this.run ?? this.start(compiled);
      const loadError = await run.loaded;
      if (loadError !== undefined) {
        if (run.loadFailure !== undefined) this.broken = run.loadFailure;
        return this.broken ?? loadError;
      }
      if (!run.dead) return undefined;
      // it died between loading and now: start a fresh one
    }
  }

  /** Stops the child (if any); later requests fail. */
  dispose(reason = 'could not run: the sandbox was closed'): void {
    this.disposed = true;
    this.broken = reason;
    this.run?.kill(reason);
  }

  private async request(kind: 'call' | 'drive', name: string, args: unknown[], timeoutMs?: number): Promise<Outcome> {
    for (;;) {
      const problem = await this.ready();
      if (problem !== undefined) return { ok: false, problem };
      const run = this.run;
      if (run === undefined || run.dead) continue;
      return run.request(kind, name, args, timeoutMs ?? this.limits.callTimeoutMs);
    }
  }

  private start(compiled: Compiled): SandboxProcess {
    const run = new SandboxProcess({ entry: this.source.entry, compiled, driver: this.driver }, this.limits, (dead) => {
      if (this.run === dead) this.run = undefined;
    });
    this.run = run;
    return run;
  }
}
