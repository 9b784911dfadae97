/**
 * Running one check, with its verdict — no Node API here, so the same code runs a check in the
 * grading engine (session.ts re-exports it) and in the book's check worker in a browser.
 */
import type { Check, CheckContext } from './api/grader';
import { messages, render, type Lang, type Text } from './i18n/catalogue';
import { cleanText } from './safe/text';

/** Longest feedback of one check, in characters (what a submission puts in it is capped, and so is the whole). */
export const MAX_FEEDBACK = 4_000;

export interface CheckVerdict {
  passed: boolean;
  feedback: string;
  ms: number;
}

function isFeedback(error: unknown): error is Error {
  return error instanceof Error && (error as { descentFeedback?: unknown }).descentFeedback === true;
}

/**
 * Runs one check (its feedback in `lang`, English by default): passed, or failed with its feedback — cleaned of control characters and CI
 * commands and capped (safe/text.ts), since it quotes what the submission returned or threw. A
 * grader bug is reported, never thrown.
 */
export async function runCheck(check: Pick<Check, 'run'>, context: CheckContext, lang?: Lang): Promise<CheckVerdict> {
  const start = Date.now();
  try {
    await check.run(context);
    return { passed: true, feedback: '', ms: Date.now() - start };
  } catch (error) {
    const m = messages(lang);
    const text = isFeedback(error) ? (error as { descentText?: Text }).descentText : undefined;
    const feedback = isFeedback(error)
      ? (text === undefined ? error.message : render(text, m))
      : m.feedback.graderError(error instanceof Error ? error.stack ?? error.message : String(error));
    return { passed: false, feedback: cleanText(feedback, MAX_FEEDBACK), ms: Date.now() - start };
  }
}
