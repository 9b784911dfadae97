/**
 * A tslab kernel driven from Node alone: launches `tslab kernel` with a connection file and
 * speaks the Jupyter messaging protocol to it over ZeroMQ (tslab's own `zeromq` binding).
 */
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IOutput } from '@jupyterlab/nbformat';
import { decode, encode, newHeader, type JupyterMessage } from './protocol';
import { loadZeromq, tslabMain, type ZmqSocket } from './resolve';

/** How long a kernel may take to answer its first kernel_info_request. */
export const DEFAULT_START_TIMEOUT_MS = 60_000;
/** How long one cell may run. */
export const DEFAULT_CELL_TIMEOUT_MS = 300_000;

export interface CellResult {
  /** The execute_reply's status: tslab says 'error' with empty ename/evalue when a cell fails. */
  status: 'ok' | 'error' | 'abort';
  executionCount: number | null;
  outputs: IOutput[];
  /** Everything the cell wrote to stderr (tslab prints compile and runtime errors there). */
  stderr: string;
}

interface Pending {
  outputs: IOutput[];
  stderr: string[];
  reply?: JupyterMessage;
  idle: boolean;
  clearOnNext: boolean;
  done: () => void;
}

async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map((s) => new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
    })),
  );
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function lines(text: string): string[] {
  const parts = text.split(/(?<=\n)/);
  return parts.length > 0 && parts[parts.length - 1] === '' ? parts.slice(0, -1) : parts;
}

/** Kernel processes still running: killed when this process exits, so none is left behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => { for (const p of running) p.kill('SIGKILL'); });

/** A running kernel. Create with `Kernel.start`, end with `shutdown`. */
export class Kernel {
  /** The kernel_info_reply's content (language_info goes into executed notebooks). */
  info: Record<string, unknown> = {};
  /** What the kernel process printed outside cell executions (for error reports). */
  log = '';
  private readonly pending = new Map<string, Pending>();
  private readonly displays = new Map<string, IOutput[]>();
  private readonly session = randomBytes(16).toString('hex');
  private exited: string | null = null;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly key: string,
    private readonly shell: ZmqSocket,
    private readonly control: ZmqSocket,
    private readonly iopub: ZmqSocket,
    private readonly tmp: string,
  ) {
    proc.stdout?.on('data', (d: Buffer) => { this.log += d.toString(); });
    proc.stderr?.on('data', (d: Buffer) => { this.log += d.toString(); });
    running.add(proc);
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      this.exited = `the kernel exited (code ${code}, signal ${signal})`;
      for (const p of this.pending.values()) p.done();
    });
    void this.pump(shell, (m) => this.onShell(m));
    void this.pump(iopub, (m) => this.onIopub(m));
  }

  /** Launches tslab in `cwd` (the notebook's folder: tslab's rootDir) and waits until it answers. */
  static async start(cwd: string, options: { startTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<Kernel> {
    const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const zmq = loadZeromq();
    const [shellPort, iopubPort, stdinPort, controlPort, hbPort] = await freePorts(5);
    const key = randomBytes(32).toString('hex');
    const tmp = mkdtempSync(join(tmpdir(), 'descent-kernel-'));
    const connectionFile = join(tmp, 'connection.json');
    writeFileSync(connectionFile, JSON.stringify({
      transport: 'tcp', ip: '127.0.0.1', key, signature_scheme: 'hmac-sha256',
      shell_port: shellPort, iopub_port: iopubPort, stdin_port: stdinPort,
      control_port: controlPort, hb_port: hbPort,
    }));
    const proc = spawn(process.execPath, [tslabMain(), 'kernel', '--config-path', connectionFile], {
      cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...(options.env ?? {}) },
    });
    const shell = new zmq.Dealer({ linger: 0 });
    const control = new zmq.Dealer({ linger: 0 });
    const iopub = new zmq.Subscriber({ linger: 0 });
    iopub.subscribe();
    shell.connect(`tcp://127.0.0.1:${shellPort}`);
    control.connect(`tcp://127.0.0.1:${controlPort}`);
    iopub.connect(`tcp://127.0.0.1:${iopubPort}`);
    const kernel = new Kernel(proc, key, shell, control, iopub, tmp);
    try {
      await kernel.handshake(startTimeoutMs);
    } catch (e) {
      await kernel.shutdown();
      throw e;
    }
    return kernel;
  }

  /** Runs `code` and resolves when the kernel is idle again with the cell's outputs. */
  async execute(code: string, timeoutMs = DEFAULT_CELL_TIMEOUT_MS): Promise<CellResult> {
    const p = await this.request(this.shell, 'execute_request', {
      code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true,
    }, timeoutMs, true);
    const content = p.reply?.content ?? {};
    const status = content.status === 'ok' || content.status === 'abort' ? content.status : 'error';
    const count = typeof content.execution_count === 'number' ? content.execution_count : null;
    return { status, executionCount: count, outputs: p.outputs, stderr: p.stderr.join('') };
  }

  /** Asks the kernel to shut down, kills it if it does not, and removes the connection file. */
  async shutdown(): Promise<void> {
    if (this.exited === null) {
      const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
      void this.send(this.control, 'shutdown_request', { restart: false }).catch(() => undefined);
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    for (const s of [this.shell, this.control, this.iopub]) s.close();
    rmSync(this.tmp, { recursive: true, force: true });
  }

  /** kernel_info until both the shell reply and an iopub message arrive (iopub joins late). */
  private async handshake(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0 || this.exited !== null) {
        throw new Error(`tslab kernel did not start within ${timeoutMs} ms: ${this.exited ?? 'no answer'}\n${this.log}`);
      }
      try {
        const p = await this.request(this.shell, 'kernel_info_request', {}, Math.min(left, 1000), true);
        this.info = p.reply?.content ?? {};
        return;
      } catch {
        // not up yet, or iopub not yet subscribed: ask again
      }
    }
  }

  private async send(sock: ZmqSocket, type: string, content: Record<string, unknown>): Promise<string> {
    const header = newHeader(type, this.session);
    await sock.send(encode(this.key, { header, parent_header: {}, metadata: {}, content }));
    return header.msg_id;
  }

  private request(sock: ZmqSocket, type: string, content: Record<string, unknown>,
    timeoutMs: number, needIdle: boolean): Promise<Pending> {
    return new Promise<Pending>((resolve, reject) => {
      let id = '';
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${type}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const p: Pending = {
        outputs: [], stderr: [], idle: false, clearOnNext: false,
        done: () => {
          if (this.exited !== null) {
            clearTimeout(timer);
            this.pending.delete(id);
            reject(new Error(`${type}: ${this.exited}\n${this.log}`));
          } else if (p.reply && (p.idle || !needIdle)) {
            clearTimeout(timer);
            this.pending.delete(id);
            resolve(p);
          }
        },
      };
      // Register before sending: the reply can arrive before send() resolves.
      const header = newHeader(type, this.session);
      id = header.msg_id;
      this.pending.set(id, p);
      sock.send(encode(this.key, { header, parent_header: {}, metadata: {}, content })).catch(reject);
    });
  }

  private async pump(sock: ZmqSocket, handle: (m: JupyterMessage) => void): Promise<void> {
    try {
      for (;;) {
        const frames = await sock.receive();
        handle(decode(this.key, frames));
      }
    } catch {
      // socket closed
    }
  }

  private onShell(m: JupyterMessage): void {
    const p = this.pending.get(m.parent_header.msg_id ?? '');
    if (p) { p.reply = m; p.done(); }
  }

  private onIopub(m: JupyterMessage): void {
    const p = this.pending.get(m.parent_header.msg_id ?? '');
    const c = m.content;
    const type = m.header.msg_type;
    if (type === 'update_display_data') {
      const id = (c.transient as { display_id?: string } | undefined)?.display_id;
      for (const out of this.displays.get(id ?? '') ?? []) {
        out.data = c.data as never;
        out.metadata = c.metadata as never;
      }
      return;
    }
    if (!p) return;
    if (type === 'status') {
      if (c.execution_state === 'idle') { p.idle = true; p.done(); }
      return;
    }
    if (type === 'clear_output') {
      if (c.wait) p.clearOnNext = true; else p.outputs.length = 0;
      return;
    }
    if (type !== 'stream' && type !== 'display_data' && type !== 'execute_result' && type !== 'error') return;
    if (p.clearOnNext) { p.outputs.length = 0; p.clearOnNext = false; }
    this.addOutput(p, type, c);
  }

  private addOutput(p: Pending, type: string, c: Record<string, unknown>): void {
    if (type === 'stream') {
      const name = c.name === 'stderr' ? 'stderr' : 'stdout';
      const text = String(c.text ?? '');
      if (name === 'stderr') p.stderr.push(text);
      const last = p.outputs[p.outputs.length - 1];
      if (last && last.output_type === 'stream' && last.name === name) {
        last.text = lines((last.text as string[]).join('') + text);
      } else {
        p.outputs.push({ output_type: 'stream', name, text: lines(text) });
      }
    } else if (type === 'error') {
      p.outputs.push({ output_type: 'error', ename: String(c.ename ?? ''), evalue: String(c.evalue ?? ''),
        traceback: (c.traceback as string[] | undefined) ?? [] });
    } else {
      const out: IOutput = { output_type: type, data: c.data as never, metadata: (c.metadata ?? {}) as never };
      if (type === 'execute_result') out.execution_count = c.execution_count as number;
      p.outputs.push(out);
      const id = (c.transient as { display_id?: string } | undefined)?.display_id;
      if (id) this.displays.set(id, [...(this.displays.get(id) ?? []), out]);
    }
  }
}
