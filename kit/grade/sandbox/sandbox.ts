/**
 * The trusted side of the isolation boundary. One Sandbox is one disposable child process for one
 * exercise file: `node --permission` (Node 20: --experimental-permission) with no --allow-* flag, so
 * the child cannot read or write files, start processes or workers; no code generation from
 * strings in the child's own realm; a heap limit; no environment. Inside the
 * child, the student's code and the grader's driver run in a separate vm context with frozen
 * built-ins and no Node API (realm.ts). The student's TypeScript is transpiled here and sent over
 * IPC, so the child needs no access to the project. Every request has a time limit; a child that
 * times out, runs out of memory (heap, or resident memory on Linux), exits or prints too much is
 * killed, the pending request fails with a clear line, and the next request starts a fresh child.
 * Only structured-clone bytes come back, size-capped, and are decoded and checked here.
 */
import { ChildProcess, spawn } from 'child_process';
import os from 'os';
import v8 from 'v8';
import { transpile } from '../transpile';
import { BOOT, childCode, childFlags } from './child';
import { receivedProblem, watchMemory } from './limits';

export type Outcome = { ok: true; value: unknown } | { ok: false; problem: string };

export interface SandboxLimits {
  /** Default time limit of one call, in ms. */
  callTimeoutMs: number;
  /** Time limit for loading the student's file (import-time code), in ms. */
  loadTimeoutMs: number;
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
  memoryMb: 256,
  outputCapBytes: 1_000_000,
  residentMb: 512,
  resultCapBytes: 8_000_000,
};

/** What runs in the child: the submission's files (TypeScript sources) and the driver source. */
export interface SandboxSource {
  /** File name → TypeScript source, e.g. { 'mse.ts': '…' }. */
  files: Record<string, string>;
  /** The exercise file whose exports are called, e.g. 'mse.ts'. */
  entry: string;
  /** TypeScript source of the trusted driver module, or null. */
  driver: string | null;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function text(value: unknown, max = 500): string {
  const s = typeof value === 'string' ? value : '';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

interface Pending {
  resolve: (outcome: Outcome) => void;
  timer: NodeJS.Timeout;
}

/** One child process and everything that belongs to it. */
interface Run {
  child: ChildProcess;
  /** Resolves with undefined once the entry file is loaded, or with the reason it could not be. */
  loaded: Promise<string | undefined>;
  settleLoad: ((error: string | undefined) => void) | undefined;
  loadTimer: NodeJS.Timeout;
  pending: Map<number, Pending>;
  stderrTail: string;
  outputBytes: number;
  dead: boolean;
  stopWatch: () => void;
}

export class Sandbox {
  private run: Run | undefined;
  private broken: string | undefined;
  private nextId = 1;
  private disposed = false;
  private readonly prepared: { files: Record<string, string>; errors: Record<string, string>; driver: string | null };

  constructor(
    private readonly source: SandboxSource,
    private readonly limits: SandboxLimits = DEFAULT_LIMITS,
  ) {
    const files: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const [name, ts] of Object.entries(source.files)) {
      try {
        const out = transpile(ts, name);
        files[name] = out.code;
        if (out.error !== undefined) errors[name] = `syntax error at ${out.error}`;
      } catch (error) {
        files[name] = '';
        errors[name] = `${name} cannot be compiled (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    const driver = source.driver === null ? null : transpile(source.driver, 'driver.ts');
    if (driver?.error !== undefined) throw new SyntaxError(`grader driver does not compile: ${driver.error}`);
    this.prepared = { files, errors, driver: driver === null ? null : driver.code };
  }

  /** Calls an exported function of the entry file. */
  call(name: string, args: unknown[], timeoutMs?: number): Promise<Outcome> {
    return this.request('call', name, args, timeoutMs);
  }

  /** Runs a driver scenario next to the student's code. */
  drive(name: string, arg: unknown, timeoutMs?: number): Promise<Outcome> {
    return this.request('drive', name, [arg], timeoutMs);
  }

  /** Stops the child (if any); later requests fail. */
  dispose(): void {
    this.disposed = true;
    if (this.run !== undefined) this.kill(this.run, 'could not run: the sandbox was closed');
  }

  private async request(kind: 'call' | 'drive', name: string, args: unknown[], timeoutMs?: number): Promise<Outcome> {
    for (;;) {
      if (this.disposed) return { ok: false, problem: 'could not run: the sandbox was closed' };
      if (this.broken !== undefined) return { ok: false, problem: this.broken };
      const run = this.run ?? this.start();
      const loadError = await run.loaded;
      if (loadError !== undefined) return { ok: false, problem: loadError };
      if (run.dead) continue; // it died between loading and now: start a fresh one
      return this.send(run, kind, name, args, timeoutMs ?? this.limits.callTimeoutMs);
    }
  }

  private send(run: Run, kind: 'call' | 'drive', name: string, args: unknown[], limit: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.kill(run, `timed out after ${seconds(limit)}`), limit);
      run.pending.set(id, { resolve, timer });
      try {
        run.child.send({ t: kind, id, name, args });
      } catch (error) {
        clearTimeout(timer);
        run.pending.delete(id);
        resolve({ ok: false, problem: `could not be called: ${String(error)}` });
      }
    });
  }

  private start(): Run {
    const env: NodeJS.ProcessEnv = { NODE_NO_WARNINGS: '1' };
    if (process.env.SystemRoot !== undefined) env.SystemRoot = process.env.SystemRoot;
    const child = spawn(process.execPath, [...childFlags(this.limits), '-e', BOOT], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      env,
      cwd: os.tmpdir(),
      windowsHide: true,
    });
    let settle: (error: string | undefined) => void = () => {};
    const loaded = new Promise<string | undefined>((resolve) => {
      settle = resolve;
    });
    const run: Run = {
      child,
      loaded,
      settleLoad: settle,
      loadTimer: setTimeout(() => {
        this.broken = `timed out after ${seconds(this.limits.loadTimeoutMs)} while loading ${this.source.entry} (code that runs at import time never finished)`;
        this.kill(run, this.broken);
      }, this.limits.loadTimeoutMs),
      pending: new Map(),
      stderrTail: '',
      outputBytes: 0,
      dead: false,
      stopWatch: () => undefined,
    };
    this.run = run;
    run.stopWatch = watchMemory(child.pid, this.limits.residentMb, () => {
      this.kill(run, `ran out of memory (used more than ${this.limits.residentMb} MB)`);
    });
    const onOutput = (chunk: Buffer, isErr: boolean): void => {
      run.outputBytes += chunk.length;
      if (isErr) run.stderrTail = (run.stderrTail + chunk.toString('utf8')).slice(-4000);
      if (run.outputBytes > this.limits.outputCapBytes) {
        this.kill(run, `printed more than ${this.limits.outputCapBytes} bytes of output`);
      }
    };
    child.stdout?.on('data', (c: Buffer) => onOutput(c, false));
    child.stderr?.on('data', (c: Buffer) => onOutput(c, true));
    child.on('message', (m: unknown) => this.onMessage(run, m));
    child.on('error', (error) => this.settle(run, `could not start the sandbox: ${error.message}`));
    child.on('close', (code, signal) => this.settle(run, this.exitReason(run, code, signal)));
    const { harness, realm } = childCode();
    child.send({ code: harness });
    child.send({ t: 'load', ...this.prepared, realm, entry: this.source.entry, resultCapBytes: this.limits.resultCapBytes });
    return run;
  }

  private onMessage(run: Run, m: unknown): void {
    if (run.dead || m === null || typeof m !== 'object') return;
    const msg = m as Record<string, unknown>;
    if (msg.t === 'loaded') {
      if (run.settleLoad === undefined) return;
      clearTimeout(run.loadTimer);
      const settle = run.settleLoad;
      run.settleLoad = undefined;
      if (msg.error !== undefined) {
        this.broken = text(msg.error) || `${this.source.entry} failed to load`;
        settle(this.broken);
        this.kill(run, this.broken);
      } else {
        settle(undefined);
      }
      return;
    }
    if (msg.t !== 'result' || typeof msg.id !== 'number') return;
    const pending = run.pending.get(msg.id);
    if (pending === undefined) return;
    run.pending.delete(msg.id);
    clearTimeout(pending.timer);
    if (msg.ok === true) {
      pending.resolve(this.decode(msg.bytes));
      return;
    }
    const message = text(msg.message) || 'failed';
    const kind = text(msg.kind, 20);
    const problem = kind === 'threw' ? `threw ${message}` : kind === 'missing' ? `could not run: ${message}` : message;
    pending.resolve({ ok: false, problem });
  }

  /** Structured-clone bytes from the child → plain data, checked for size, depth and cycles. */
  private decode(bytes: unknown): Outcome {
    if (!(bytes instanceof Uint8Array) || bytes.length > this.limits.resultCapBytes) {
      return { ok: false, problem: 'sent back something that is not an answer' };
    }
    let value: unknown;
    try {
      value = v8.deserialize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch {
      return { ok: false, problem: 'sent back data that cannot be read' };
    }
    const problem = receivedProblem(value);
    return problem === undefined ? { ok: true, value } : { ok: false, problem };
  }

  private exitReason(run: Run, code: number | null, signal: NodeJS.Signals | null): string {
    if (/heap out of memory|Allocation failed|Reached heap limit/i.test(run.stderrTail)) {
      return `ran out of memory (the limit is ${this.limits.memoryMb} MB)`;
    }
    if (signal !== null) return `was stopped by signal ${signal}`;
    return `exited the process (exit code ${code ?? '?'}) instead of returning`;
  }

  /** Marks the run dead and fails everything still waiting on it with `reason` (first reason wins). */
  private settle(run: Run, reason: string): void {
    if (run.dead) return;
    run.dead = true;
    run.stopWatch();
    if (this.run === run) this.run = undefined;
    clearTimeout(run.loadTimer);
    if (run.settleLoad !== undefined) {
      const settle = run.settleLoad;
      run.settleLoad = undefined;
      if (this.broken === undefined) this.broken = `${reason} while loading ${this.source.entry}`;
      settle(this.broken);
    }
    for (const [id, pending] of run.pending) {
      clearTimeout(pending.timer);
      run.pending.delete(id);
      pending.resolve({ ok: false, problem: reason });
    }
  }

  private kill(run: Run, reason: string): void {
    this.settle(run, reason);
    try {
      run.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
