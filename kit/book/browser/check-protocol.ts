/**
 * The messages between an exercise page and its check worker (assets/check.js). The page sends one
 * `check`; the worker says when it loads the student's file and when each call to it starts and
 * ends (so the page can stop a call that runs too long), sends each check's result, then `done`.
 * After a time-out the page starts a fresh worker with `from` (the check to resume) and the
 * problems to report without running again (`skip`: that check's call number → problem; `load`:
 * the file never loaded).
 */
import type { Lang } from '../../grade/i18n/lang';
import type { CheckResult } from '../../grade/report/model';

/** page → worker */
export interface CheckRequest {
  type: 'check';
  exercise: string;
  /** The exercise files (name → TypeScript): the one checked and its siblings. */
  sources: Record<string, string>;
  /** The first check to run (0 on a fresh start). */
  from: number;
  /** Calls of check `from` that already timed out: call number → problem. */
  skip: Record<number, string>;
  /** Why the file could not be loaded (a previous worker timed out loading it). */
  load?: string;
  /** Time left of the file's budget, in ms. */
  budgetLeftMs: number;
  /** The language of check names and feedback (kit/grade/i18n; default English). */
  lang?: Lang;
}

/** worker → page */
export type CheckReply =
  | { type: 'ready' }
  | { type: 'loading' }
  | { type: 'loaded' }
  | { type: 'call'; check: number; call: number; limitMs: number }
  | { type: 'returned' }
  | { type: 'result'; check: number; result: CheckResult }
  | { type: 'done'; count: number }
  | { type: 'error'; message: string };
