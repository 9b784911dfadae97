/**
 * The messages between a chapter page and its worker. One request at a time; every message the
 * worker sends while a request runs carries that request's id. (Exercise pages have their own
 * worker and protocol: check-protocol.ts.)
 */
export type MimeBundle = Record<string, unknown>;

/** page → worker */
export type Request =
  | { type: 'run'; id: number; cell: number; source: string };

/** An error as a notebook shows it: name, message, and the lines of the trace (cell lines). */
export interface CellError { ename: string; evalue: string; traceback: string[] }

/** worker → page */
export type Reply =
  | { type: 'ready' }
  | { type: 'stream'; id: number; name: 'stdout' | 'stderr'; text: string }
  | { type: 'display'; id: number; data: MimeBundle; metadata: Record<string, unknown>; result?: boolean }
  | { type: 'done'; id: number; ok: true; ms: number }
  | { type: 'done'; id: number; ok: false; ms: number; error: CellError };
