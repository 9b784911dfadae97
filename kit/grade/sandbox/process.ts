/**
 * One sandbox child process and everything that belongs to it: its start (flags, boot program,
 * harness, student realm), the frames it sends back (channel.ts) and the answers they carry (read
 * with safe/answer.ts, never `v8.deserialize`), its timers, memory and output watch, and its end.
 * Limits are measured from the child's side of things: the load time limit starts when the child
 * says its realm is ready ("loading"), so a busy machine's slow process start is not charged to
 * the student's import-time code, and on Linux the call and load limits count the child's own CPU
 * time (limits.ts), with a wall-clock backstop for a child that sleeps. The first reason a run dies
 * wins and fails everything waiting.
 */
import { ChildProcess, spawn } from 'child_process';
import os from 'os';
import { ANSWER_LIMITS, decodeAnswer } from '../safe/answer';
import { cleanText } from '../safe/text';
import { FrameReader, FromChild, toChild } from './channel';
import { BOOT, childCode, childFlags } from './child';
import type { Compiled } from './compiler';
import { cpuMilliseconds, wallBackstop, watchProcess } from './limits';
import { reapOnExit } from './reaper';
import { seconds } from '../../shared/time';
import type { Outcome, SandboxLimits } from './sandbox';

interface Pending {
  resolve: (outcome: Outcome) => void;
  timer: NodeJS.Timeout;
  /** The child's CPU time when the request was sent (undefined where it cannot be read), and the limit. */
  cpuStart: number | undefined;
  limitMs: number;
}

export interface ProcessSource {
  entry: string;
  compiled: Compiled;
  driver: string | null;
}

export class SandboxProcess {
  /** Resolves with undefined once the entry file is loaded, or with the reason it could not be. */
  readonly loaded: Promise<string | undefined>;
  /** Set when the failure to load is the submission's (every later run would fail the same way). */
  loadFailure: string | undefined;
  dead = false;
  private settleLoad: ((error: string | undefined) => void) | undefined;
  private readonly child: ChildProcess;
  private timer: NodeJS.Timeout;
  private readonly pending = new Map<number, Pending>();
  private stderrTail = '';
  private outputBytes = 0;
  private nextId = 1;
  /** The child's CPU time when loading started (while it loads, where it can be read). */
  private loadCpu: number | undefined;
  private readonly stopWatch: () => void;
  private readonly stopReap: () => void;

  constructor(
    private readonly source: ProcessSource,
    private readonly limits: SandboxLimits,
    private readonly onDeath: (run: SandboxProcess) => void,
  ) {
    this.loaded = new Promise((resolve) => {
      this.settleLoad = resolve;
    });
    const env: NodeJS.ProcessEnv = { NODE_NO_WARNINGS: '1' };
    if (process.env.SystemRoot !== undefined) env.SystemRoot = process.env.SystemRoot;
    this.child = spawn(process.execPath, [...childFlags(limits), '-e', BOOT], {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      env,
      cwd: os.tmpdir(),
      windowsHide: true,
    });
    const child = this.child;
    this.stopReap = reapOnExit(child.pid);
    this.timer = setTimeout(() => this.kill(`could not start the sandbox within ${seconds(limits.startTimeoutMs)} (is the machine overloaded?)`), limits.startTimeoutMs);
    this.stopWatch = watchProcess(
      child.pid,
      limits.residentMb,
      () => this.kill(`ran out of memory (used more than ${limits.residentMb} MB)`),
      (cpu) => this.onCpu(cpu),
    );
    const onOutput = (chunk: Buffer, isErr: boolean): void => {
      this.outputBytes += chunk.length;
      if (isErr) this.stderrTail = (this.stderrTail + chunk.toString('latin1')).slice(-4000);
      if (this.outputBytes > limits.outputCapBytes) this.kill(`printed more than ${limits.outputCapBytes} bytes of output`);
    };
    child.stdout?.on('data', (c: Buffer) => onOutput(c, false));
    child.stderr?.on('data', (c: Buffer) => onOutput(c, true));
    const reader = new FrameReader(limits.resultCapBytes, (frame) => this.onFrame(frame), (why) => this.kill(why));
    const frames = child.stdio[3] as NodeJS.ReadableStream | null;
    frames?.on('data', (c: Buffer) => reader.push(c));
    frames?.on('error', () => undefined);
    child.stdin?.on('error', () => undefined); // a dead child: reported by 'close'
    child.on('error', (error) => this.settle(`could not start the sandbox: ${error.message}`));
    child.on('close', (code, signal) => {
      this.stopReap();
      this.settle(this.exitReason(code, signal));
    });
    const { harness, realm } = childCode();
    this.write(toChild(null, Buffer.from(harness, 'utf8')));
    const { files, errors } = source.compiled;
    this.write(toChild({ t: 'load', realm, files, errors, entry: source.entry, driver: source.driver, resultCapBytes: limits.resultCapBytes }));
  }

  /** Sends a call or a driver run; resolves with its outcome (never rejects). */
  request(kind: 'call' | 'drive', name: string, args: unknown[], limitMs: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      if (this.dead) {
        resolve({ ok: false, problem: 'could not run: the sandbox stopped' });
        return;
      }
      const id = this.nextId++;
      const cpuStart = this.cpu();
      const timer = setTimeout(() => this.kill(`timed out after ${seconds(limitMs)}`), cpuStart === undefined ? limitMs : wallBackstop(limitMs));
      this.pending.set(id, { resolve, timer, cpuStart, limitMs });
      try {
        this.write(toChild({ t: kind, id, name, args }));
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ ok: false, problem: `could not be called: ${cleanText(String(error), 200)}` });
      }
    });
  }

  /** Stops the child, failing everything still waiting with `reason` (the first reason wins). */
  kill(reason: string): void {
    this.settle(reason);
    try {
      this.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }

  private write(frame: Buffer): void {
    if (this.child.stdin !== null && !this.child.stdin.destroyed) this.child.stdin.write(frame);
  }

  private onFrame(frame: FromChild): void {
    if (this.dead) return;
    if (frame.kind === 'answer') {
      this.resolve(frame.id, () => {
        const read = decodeAnswer(frame.bytes, ANSWER_LIMITS);
        return read.ok ? read : { ok: false, problem: cleanText(read.problem, 500) };
      });
      return;
    }
    const m = frame.message;
    if (m.t === 'loading') {
      clearTimeout(this.timer);
      this.loadCpu = this.cpu();
      const limit = this.limits.loadTimeoutMs;
      this.timer = setTimeout(() => this.loadTimedOut(), this.loadCpu === undefined ? limit : wallBackstop(limit));
    } else if (m.t === 'loaded') {
      if (this.settleLoad === undefined) return;
      clearTimeout(this.timer);
      const settle = this.settleLoad;
      this.settleLoad = undefined;
      if (m.error !== undefined) {
        this.loadFailure = cleanText(m.error, 1000) || `${this.source.entry} failed to load`;
        settle(this.loadFailure);
        this.kill(this.loadFailure);
      } else {
        settle(undefined);
      }
    } else if (m.t === 'result' && typeof m.id === 'number') {
      const message = cleanText(m.message, 500) || 'failed';
      const kind = cleanText(m.kind, 20);
      const problem = kind === 'threw' ? `threw ${message}` : kind === 'missing' ? `could not run: ${message}` : message;
      this.resolve(m.id, () => ({ ok: false, problem }));
    }
  }

  /** The child's CPU time now, in ms (undefined where it cannot be read). */
  private cpu(): number | undefined {
    return this.child.pid === undefined ? undefined : cpuMilliseconds(this.child.pid);
  }

  /** A CPU sample: a load or a request that used up its limit of CPU time is stopped. */
  private onCpu(cpu: number): void {
    if (this.settleLoad !== undefined && this.loadCpu !== undefined && cpu - this.loadCpu > this.limits.loadTimeoutMs) {
      this.loadTimedOut();
      return;
    }
    for (const p of this.pending.values()) {
      if (p.cpuStart !== undefined && cpu - p.cpuStart > p.limitMs) {
        this.kill(`timed out after ${seconds(p.limitMs)}`);
        return;
      }
    }
  }

  private loadTimedOut(): void {
    this.loadFailure = `timed out after ${seconds(this.limits.loadTimeoutMs)} while loading ${this.source.entry} (code that runs at import time never finished)`;
    this.kill(this.loadFailure);
  }

  private resolve(id: number, outcome: () => Outcome): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(outcome());
  }

  private exitReason(code: number | null, signal: NodeJS.Signals | null): string {
    if (/heap out of memory|Allocation failed|Reached heap limit/i.test(this.stderrTail)) {
      return `ran out of memory (the limit is ${this.limits.memoryMb} MB)`;
    }
    if (signal !== null) return `was stopped by signal ${signal}`;
    return `exited the process (exit code ${code ?? '?'}) instead of returning`;
  }

  private settle(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.stopWatch();
    clearTimeout(this.timer);
    if (this.settleLoad !== undefined) {
      const settle = this.settleLoad;
      this.settleLoad = undefined;
      if (this.loadFailure === undefined) this.loadFailure = `${reason} while loading ${this.source.entry}`;
      settle(this.loadFailure);
    }
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.resolve({ ok: false, problem: reason });
    }
    this.onDeath(this);
  }
}
