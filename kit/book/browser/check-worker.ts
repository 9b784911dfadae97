/**
 * The exercise pages' check worker (assets/check.js, bundled by kit/book/checks/bundle.ts with the
 * course's public graders): grades the student's code in the page like `npm run grade` does — the
 * same grader files (`course/<exercise>/grader.ts`, plain `defineGrader` modules), the same checks
 * in the same order, run by the engine's own `runCheck` (kit/grade/run-check.ts: feedback cleaned
 * and capped), the points resolved to the course's by the results model (kit/grade/report/model.ts).
 * The student's code runs here, in this worker, never on the page; the page stops the worker when a
 * call runs too long.
 */
import { checksIn, isGraderSpec, type GraderSpec } from '../../grade/api/grader';
import type { CourseConfig } from '../../grade/config';
import { resolveRun, type CheckResult, type RawCheck } from '../../grade/report/model';
import { runCheck } from '../../grade/run-check';
import { cleanLine } from '../../grade/safe/text';
import type { GradeSettings } from '../checks/where';
import { BrowserCheckContext } from './check-context';
import type { CheckReply, CheckRequest } from './check-protocol';
import type { Module } from './modules';

/** What a result names an exercise by. */
export interface ExerciseInfo {
  file: string;
  chapter: string;
}

export interface CheckBundle {
  /** Each exercise's public grader: the default export of its grader.ts (a GraderSpec). */
  graders: Record<string, unknown>;
  /** Each exercise's drivers module (course/<exercise>/drivers.ts), for those that have one. */
  drivers: Record<string, Module>;
  exercises: Record<string, ExerciseInfo>;
  settings: GradeSettings;
  course: CourseConfig;
}

interface WorkerHost {
  postMessage(message: CheckReply): void;
  addEventListener(type: 'message', listener: (e: { data: CheckRequest }) => void): void;
}

/** Each check's points in the course's, as the results model resolves them for the whole exercise. */
export function coursePoints(course: CourseConfig, raw: readonly RawCheck[]): number[] {
  const meta = { title: course.title, dir: '', gradedAt: '', ms: 0, hidden: false, seed: 0 };
  return resolveRun(raw.map((r) => ({ ...r, passed: true })), course, meta).results.map((r) => r.maxPoints);
}

async function check(bundle: CheckBundle, req: CheckRequest, post: (m: CheckReply) => void): Promise<void> {
  const grader = bundle.graders[req.exercise];
  const info = bundle.exercises[req.exercise];
  if (!isGraderSpec(grader) || info === undefined) throw new Error(`no public grader for ${req.exercise} in this book`);
  const spec: Pick<GraderSpec, 'checks'> = { checks: checksIn(grader, req.lang) };
  const drivers = bundle.drivers[req.exercise];
  const raw = (k: number, passed: boolean, feedback: string, ms: number, problem?: string): RawCheck => ({
    exercise: req.exercise, file: info.file, chapter: info.chapter, name: spec.checks[k].name, hidden: false,
    passed, graderPoints: spec.checks[k].points, feedback, ms, ...(problem === undefined ? {} : { problem: cleanLine(problem, 300) }),
  });
  const points = coursePoints(bundle.course, spec.checks.map((_, k) => raw(k, true, '', 0)));
  let current = req.from;
  const context: BrowserCheckContext = new BrowserCheckContext({
    file: info.file,
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
    const verdict = await runCheck(spec.checks[k], context, req.lang);
    const problem = verdict.passed ? undefined : context.problems[seen];
    const result: CheckResult = { ...raw(k, verdict.passed, verdict.feedback, verdict.ms, problem), points: verdict.passed ? points[k] : 0, maxPoints: points[k] };
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
