/**
 * The page's worker: started once per page (and again after Stop or Reset), one request at a
 * time. `run` resolves when the cell is done (or rejects when the worker is stopped under it);
 * every message of the running cell goes to that run's `onMessage`.
 */
import type { Reply, Request } from './protocol';

type Listener = (reply: Reply) => void;

export class StoppedError extends Error {
  constructor() {
    super('stopped');
    this.name = 'StoppedError';
  }
}

export class Session {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; listener: Listener; done: (r: Extract<Reply, { type: 'done' }>) => void; fail: (e: Error) => void } | null = null;
  /** Counts the workers started: a cell that ran in another generation has to run again. */
  generation = 0;
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly url: string, private readonly onCrash: (message: string) => void) {}

  /** Starts a fresh worker (stopping the old one and whatever it ran). */
  restart(): void {
    this.stop();
    this.generation++;
    const worker = new Worker(this.url);
    this.worker = worker;
    this.ready = new Promise((ok) => {
      const onReady = (e: MessageEvent<Reply>): void => {
        if (e.data?.type !== 'ready') return;
        worker.removeEventListener('message', onReady);
        ok();
      };
      worker.addEventListener('message', onReady);
    });
    worker.addEventListener('message', (e: MessageEvent<Reply>) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.onCrash(e.message || 'the worker script failed');
    });
  }

  /** Terminates the worker; a running cell's `run` rejects with StoppedError. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    const p = this.pending;
    this.pending = null;
    p?.fail(new StoppedError());
  }

  get running(): boolean {
    return this.pending !== null;
  }

  private receive(reply: Reply): void {
    const p = this.pending;
    if (!p || reply.type === 'ready' || reply.id !== p.id) return;
    if (reply.type === 'done') {
      this.pending = null;
      p.done(reply);
    } else {
      p.listener(reply);
    }
  }

  /** Runs one cell (1-based number, for its traces); messages go to `listener`. */
  run(cell: number, source: string, listener: Listener): Promise<Extract<Reply, { type: 'done' }>> {
    if (!this.worker) this.restart();
    if (this.pending) return Promise.reject(new Error('a cell is already running'));
    const id = this.nextId++;
    return new Promise((done, fail) => {
      this.pending = { id, listener, done, fail };
      const request: Request = { type: 'run', id, cell, source };
      this.worker?.postMessage(request);
    });
  }
}
