/**
 * The book's check worker (assets/check.js, the built file) run in Node: in a worker thread
 * standing in for a Web Worker (postMessage / addEventListener on the thread's port; its own
 * realm, structuredClone and performance), one thread per request as the page starts one worker
 * per Check. No watchdog here: the submissions given (solutions, stubs) never loop.
 */
import { Worker } from 'worker_threads';
import type { CheckReply, CheckRequest } from '../../kit/book/browser/check-protocol';
import type { CheckResult } from '../../kit/grade/report/model';

const BOOT = `
const { parentPort, workerData } = require('worker_threads');
globalThis.postMessage = (m) => parentPort.postMessage(m);
globalThis.addEventListener = (type, listener) => { if (type === 'message') parentPort.on('message', (data) => listener({ data })); };
require('vm').runInThisContext(require('fs').readFileSync(workerData, 'utf8'), { filename: 'check.js' });
`;

export type NodeCheckRequest = Pick<CheckRequest, 'exercise' | 'sources'> & Partial<CheckRequest>;

/** Runs one check request in a fresh worker thread; resolves with the check results. */
export function checkInNode(script: string, request: NodeCheckRequest): Promise<CheckResult[]> {
  const worker = new Worker(BOOT, { eval: true, workerData: script });
  const results: CheckResult[] = [];
  return new Promise<CheckResult[]>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: CheckReply) => {
      if (m.type === 'ready') worker.postMessage({ type: 'check', from: 0, skip: {}, budgetLeftMs: 60_000, ...request } satisfies CheckRequest);
      else if (m.type === 'result') results.push(m.result);
      else if (m.type === 'done') resolve(results);
      else if (m.type === 'error') reject(new Error(m.message));
    });
  }).finally(() => void worker.terminate());
}
