/**
 * The exercise pages' check worker (assets/check.js, bundled by kit/book/checks/bundle.ts with the
 * book's public graders): grades the student's code in the page like `npm run grade` does — the
 * same grader files (loaded through `defineGrader` without vitest, as the engine loads them), the
 * same checks in the same order, the same feedback (cleaned and capped as session.ts does), the
 * points rescaled to the course's by the release's `scaleReport`. The student's code runs here,
 * in this worker, never on the page; the page stops the worker when a call runs too long.
 */
import type { Check, GraderSpec } from '../../grade/grader';
import type { CheckResult } from '../../grade/report';
import { cleanLine, cleanText } from '../../grade/safe/text';
import type { CoursePoints, GradeSettings } from '../checks/where';
import { BrowserCheckContext } from './check-context';
import type { CheckReply, CheckRequest } from './check-protocol';
import type { Module } from './modules';

export interface CheckBundle {
  /** Each exercise's public grader: the default export of its file (a GraderSpec). */
  graders: Record<string, unknown>;
  /** The driver modules, by the path a grader names them with (relative to the project). */
  drivers: Record<string, Module>;
  settings: GradeSettings;
  course: CoursePoints;
  /** The release's rescaling (kit/release/course/scale.ts). */
  scaleReport: (report: { dir: string; ms: number; results: CheckResult[] }, config: CoursePoints) => { results: CheckResult[] };
}

interface WorkerHost {
  postMessage(message: CheckReply): void;
  addEventListener(type: 'message', listener: (e: { data: CheckRequest }) => void): void;
}

function isGraderSpec(value: unknown): value is GraderSpec {
  const v = value as Partial<GraderSpec> | null;
  return v !== null && typeof v === 'object' && v.kind === 'descent-grader' && Array.isArray(v.checks);
}

/** session.ts's runCheck: passed, or failed with cleaned and capped feedback; a grader bug is reported, never thrown. */
export async function runCheck(check: Pick<Check, 'run'>, context: BrowserCheckContext, maxFeedback: number): Promise<{ passed: boolean; feedback: string; ms: number }> {
  const start = performance.now();
  try {
    await check.run(context);
    return { passed: true, feedback: '', ms: performance.now() - start };
  } catch (error) {
    const feedback = error instanceof Error && (error as { descentFeedback?: unknown }).descentFeedback === true
      ? error.message
      : `grader error (please report it): ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    return { passed: false, feedback: cleanText(feedback, maxFeedback), ms: performance.now() - start };
  }
}

/** Each check's points after rescaling to the course's (by the release's own scaleReport). */
export function scaledPoints(bundle: CheckBundle, spec: GraderSpec): number[] {
  const results = spec.checks.map((c): CheckResult => ({
    exercise: spec.exercise, file: spec.file, chapter: spec.chapter, name: c.name,
    points: c.points, maxPoints: c.points, passed: true, feedback: '', hidden: false, ms: 0,
  }));
  return bundle.scaleReport({ dir: '', ms: 0, results }, bundle.course).results.map((r) => r.maxPoints);
}

async function check(bundle: CheckBundle, req: CheckRequest, post: (m: CheckReply) => void): Promise<void> {
  const spec = bundle.graders[req.exercise];
  if (!isGraderSpec(spec)) throw new Error(`no public grader for ${req.exercise} in this book`);
  const drivers = spec.drivers === undefined ? undefined : bundle.drivers[spec.drivers];
  if (spec.drivers !== undefined && drivers === undefined) throw new Error(`the grader's drivers ${spec.drivers} are not in this book`);
  const points = scaledPoints(bundle, spec);
  let current = req.from;
  const context: BrowserCheckContext = new BrowserCheckContext({
    file: spec.file,
    sources: req.sources,
    drivers,
    seed: bundle.settings.seed,
    callTimeoutMs: bundle.settings.callTimeoutMs,
    budgetMs: bundle.settings.budgetMs,
    budgetLeftMs: req.budgetLeftMs,
    loadProblem: req.load,
    onCall: (limitMs) => post({ type: 'call', check: current, call: context.calls - 1, limitMs }),
    onReturn: () => post({ type: 'returned' }),
  });
  if (req.load === undefined) {
    post({ type: 'loading' });
    context.load();
    post({ type: 'loaded' });
  }
  for (let k = req.from; k < spec.checks.length; k++) {
    current = k;
    context.calls = 0;
    context.skip = k === req.from ? req.skip : {};
    const seen = context.problems.length;
    const verdict = await runCheck(spec.checks[k], context, bundle.settings.maxFeedback);
    const problem = verdict.passed ? undefined : context.problems[seen];
    const result: CheckResult = {
      exercise: spec.exercise,
      file: spec.file,
      chapter: spec.chapter,
      name: spec.checks[k].name,
      points: verdict.passed ? points[k] : 0,
      maxPoints: points[k],
      passed: verdict.passed,
      feedback: verdict.feedback,
      hidden: false,
      ms: verdict.ms,
      ...(problem === undefined ? {} : { problem: cleanLine(problem, 300) }),
    };
    post({ type: 'result', check: k, result });
  }
  post({ type: 'done', count: spec.checks.length });
}

/** Starts the worker: one `check` request per worker. */
export function startCheckWorker(bundle: CheckBundle, host: WorkerHost = globalThis as unknown as WorkerHost): void {
  const post = (m: CheckReply): void => host.postMessage(m);
  host.addEventListener('message', (e) => {
    if (e.data?.type !== 'check') return;
    check(bundle, e.data, post).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  });
  post({ type: 'ready' });
}
