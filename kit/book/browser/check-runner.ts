/**
 * The exercise page's side of a Check: starts a check worker (assets/check.js) and watches it.
 * Loading the file has the sandbox's load limit, each call into the student's code its call limit
 * (the worker says when a call starts and ends); one that runs past it is stopped with the worker,
 * and a fresh worker resumes at that check with the call's outcome — "timed out after 2 s", as
 * `npm run grade` reports it — so one endless loop costs one check, not the others. Stop ends the
 * whole run. The file's time budget runs on across workers.
 */
import type { CheckResult } from '../../grade/report/model';
import type { GradeSettings } from '../checks/where';
import { seconds } from '../../shared/time';
import type { CheckReply, CheckRequest } from './check-protocol';
import type { Lang } from '../../grade/i18n/lang';

export type RunEnd = { kind: 'done' } | { kind: 'stopped' } | { kind: 'error'; message: string };

type WorkerEnd = RunEnd | { kind: 'call-timeout'; check: number; call: number; limitMs: number } | { kind: 'load-timeout' };

export interface RunOptions {
  exercise: string;
  file: string;
  sources: Record<string, string>;
  settings: Pick<GradeSettings, 'loadTimeoutMs' | 'budgetMs'>;
  /** Each check's result, as it comes. */
  onResult(result: CheckResult): void;
  /** The language of check names and feedback, e.g. 'ko' on the Korean book's pages (default English). */
  lang?: Lang;
}

export class CheckRunner {
  private stopCurrent: (() => void) | null = null;

  constructor(private readonly url: string) {}

  get running(): boolean {
    return this.stopCurrent !== null;
  }

  /** Ends the running check (its worker terminated). */
  stop(): void {
    this.stopCurrent?.();
  }

  /** Runs every check of the exercise; resolves when done, stopped or failed. */
  async run(o: RunOptions): Promise<RunEnd> {
    if (this.running) return { kind: 'error', message: 'a check is already running' };
    let request: CheckRequest = { type: 'check', exercise: o.exercise, sources: o.sources, from: 0, skip: {}, budgetLeftMs: o.settings.budgetMs, ...(o.lang === undefined ? {} : { lang: o.lang }) };
    let deadline: number | undefined;
    let count = 0;
    try {
      for (;;) {
        const end = await this.oneWorker(request, (r) => { count++; o.onResult(r); }, () => { deadline ??= performance.now() + o.settings.budgetMs; }, o.settings.loadTimeoutMs);
        if (end.kind === 'done' || end.kind === 'stopped' || end.kind === 'error') return end;
        const budgetLeftMs = deadline === undefined ? o.settings.budgetMs : Math.max(0, deadline - performance.now());
        if (end.kind === 'load-timeout') {
          const load = `timed out after ${seconds(o.settings.loadTimeoutMs)} while loading ${o.file} (code that runs at import time never finished)`;
          request = { ...request, from: count, skip: {}, load, budgetLeftMs };
        } else {
          const skip = end.check === request.from ? { ...request.skip } : {};
          skip[end.call] = `timed out after ${seconds(end.limitMs)}`;
          request = { ...request, from: end.check, skip, budgetLeftMs };
        }
      }
    } finally {
      this.stopCurrent = null;
    }
  }

  /** One worker, from `request` until it is done or has to be replaced. */
  private oneWorker(request: CheckRequest, onResult: (r: CheckResult) => void, onLoaded: () => void, loadTimeoutMs: number): Promise<WorkerEnd> {
    return new Promise((resolve) => {
      const worker = new Worker(this.url);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const end = (e: WorkerEnd): void => {
        clearTimeout(timer);
        worker.terminate();
        resolve(e);
      };
      const arm = (ms: number, e: WorkerEnd): void => {
        clearTimeout(timer);
        timer = setTimeout(() => end(e), ms);
      };
      this.stopCurrent = () => end({ kind: 'stopped' });
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        end({ kind: 'error', message: e.message || 'the check worker failed' });
      });
      worker.addEventListener('message', (e: MessageEvent<CheckReply>) => {
        const m = e.data;
        if (m.type === 'ready') worker.postMessage(request);
        else if (m.type === 'loading') arm(loadTimeoutMs, { kind: 'load-timeout' });
        else if (m.type === 'loaded') { clearTimeout(timer); onLoaded(); }
        else if (m.type === 'call') arm(m.limitMs, { kind: 'call-timeout', check: m.check, call: m.call, limitMs: m.limitMs });
        else if (m.type === 'returned') clearTimeout(timer);
        else if (m.type === 'result') onResult(m.result);
        else if (m.type === 'done') end({ kind: 'done' });
        else if (m.type === 'error') end({ kind: 'error', message: m.message });
      });
    });
  }
}
