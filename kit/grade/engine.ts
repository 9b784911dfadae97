/**
 * The grading engine: grades a folder of exercise files with the course's graders — each
 * exercise in its own sandbox session, shared by its public and hidden graders, several exercises
 * at a time — and resolves the results to the course's points (report/model.ts). Used by every
 * entry point: the command line (one folder, or a class with --batch), the notebooks' check(),
 * the kit's own tests.
 */
import os from 'os';
import path from 'path';
import { checksIn, type Check } from './api/grader';
import type { CourseConfig } from './config';
import { DEFAULT_TITLE } from './config';
import { listExercises, loadGrader, selectExercises, type Exercise } from './course';
import { resolveRun, type RawCheck } from './report/model';
import { GradeReport } from './report/report';
import { cleanLine } from './safe/text';
import type { SandboxLimits } from './sandbox/sandbox';
import { ExerciseSession, runCheck } from './session';
import { SubmissionFolder } from './submission';
import type { Lang } from './i18n/lang';
import { typecheckFiles, type RawTypeError } from './typecheck/check';
import { plainMessage, typeErrorLine } from './typecheck/plain';
import { forEachLimited } from '../shared/pool';
import { PROJECT_ROOT } from '../shared/root';

/** Seed of randomized cases when none is given. */
export const DEFAULT_SEED = 20240607;

export interface GradeOptions {
  /** Folder with the exercise files (default: <root>/exercises). */
  dir?: string;
  /** The project whose course/ holds the graders (default: this kit or student repository). */
  root?: string;
  /** Also run the hidden graders (course/<exercise>/hidden/grader.ts). */
  hidden?: boolean;
  /** Grade only these exercises (names like 'mse' or file names like 'mse.ts'). */
  only?: string[];
  /** Seed of randomized cases. */
  seed?: number;
  /** The course's points and due texts (default: none — every check keeps its grader's weight). */
  course?: CourseConfig;
  limits?: Partial<SandboxLimits>;
  /** Time budget per exercise file, in ms. */
  budgetMs?: number;
  /** How many exercise files are graded at once (default: up to 4, one per CPU). */
  concurrency?: number;
  /** The language of check names and feedback (default: English; the CLI and check() read course.config.json's "language"). */
  lang?: Lang;
  /** Stops the grading: the sandboxes are closed, and every check not graded yet fails with the signal's reason. */
  signal?: AbortSignal;
  /** Also type-check the exercise files (typecheck/): their errors become feedback lines of their exercise, never points. */
  typecheck?: boolean;
}

/** Most type errors kept per exercise file. */
export const MAX_TYPE_ERRORS = 20;

/**
 * The type errors as feedback lines per exercise file: the ones said in plain words (a Python habit)
 * first, as they are usually the cause of the others; both operands of one `a - b` are one error.
 */
function typeLines(errors: readonly RawTypeError[], lang?: Lang): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  const seen = new Set<string>();
  const ordered = [...errors].sort((a, b) => Number(plainMessage(a) === a.message) - Number(plainMessage(b) === b.message));
  for (const e of ordered) {
    const key = e.code === 2362 || e.code === 2363 ? `${e.file}:${e.line}:arith` : `${e.file}:${e.line}:${e.column}:${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lines = byFile.get(e.file) ?? [];
    if (lines.length < MAX_TYPE_ERRORS) lines.push(cleanLine(typeErrorLine(e, lang), 400));
    byFile.set(e.file, lines);
  }
  return byFile;
}

interface Plan {
  exercise: Exercise;
  graders: Array<{ checks: Check[]; hidden: boolean }>;
}

/** The graders of the selected exercises: public first, then hidden. @throws when --hidden finds none. */
function plan(root: string, options: GradeOptions): Plan[] {
  const exercises = selectExercises(listExercises(root), options.only);
  if (options.hidden === true && !exercises.some((e) => e.hidden !== undefined)) {
    throw new RangeError(`grade: --hidden needs the hidden graders (course/<exercise>/hidden/grader.ts), and ${path.join(root, 'course')} has none`);
  }
  return exercises.map((exercise) => ({
    exercise,
    graders: [
      { checks: checksIn(loadGrader(exercise.grader), options.lang), hidden: false },
      ...(options.hidden === true && exercise.hidden !== undefined ? [{ checks: checksIn(loadGrader(exercise.hidden), options.lang), hidden: true }] : []),
    ],
  }));
}

/** Grades a folder and returns the report. Never throws because of the submission. */
export async function grade(options: GradeOptions = {}): Promise<GradeReport> {
  const start = Date.now();
  const gradedAt = new Date(start).toISOString();
  const root = path.resolve(options.root ?? PROJECT_ROOT);
  const dir = path.resolve(options.dir ?? path.join(root, 'exercises'));
  const seed = options.seed ?? DEFAULT_SEED;
  const plans = plan(root, options);
  const raw = new Map<Plan, RawCheck[]>();
  // Longest first: the exercises with most checks start early.
  const checks = (p: Plan): number => p.graders.reduce((n, g) => n + g.checks.length, 0);
  const order = [...plans].sort((a, b) => checks(b) - checks(a));
  const files = new SubmissionFolder(dir);
  const typed = options.typecheck === true ? typecheckFiles(plans.map((p) => p.exercise.file), files.forExercise()) : undefined;
  const open = new Set<ExerciseSession>();
  const stopped = (): string => `not run: ${String(options.signal?.reason ?? 'grading was stopped')}`;
  const onAbort = (): void => open.forEach((s) => s.dispose(stopped()));
  options.signal?.addEventListener('abort', onAbort);
  try {
    await forEachLimited(order, options.concurrency ?? Math.min(4, Math.max(1, os.cpus().length)), async (p) => {
      const { exercise } = p;
      const session = new ExerciseSession(exercise, { dir, seed, limits: options.limits, budgetMs: options.budgetMs, files });
      open.add(session);
      if (options.signal?.aborted === true) session.dispose(stopped());
      const results: RawCheck[] = [];
      try {
        for (const g of p.graders) {
          for (const check of g.checks) {
            const seen = session.problems.length;
            const verdict = await runCheck(check, session, options.lang);
            const problem = verdict.passed ? undefined : session.problems[seen];
            results.push({
              exercise: exercise.name,
              file: exercise.file,
              chapter: exercise.chapter,
              name: check.name,
              hidden: g.hidden,
              passed: verdict.passed,
              graderPoints: check.points,
              feedback: verdict.feedback,
              ms: verdict.ms,
              ...(problem === undefined ? {} : { problem: cleanLine(problem, 300) }),
            });
          }
        }
      } finally {
        raw.set(p, results);
        open.delete(session);
        session.dispose();
      }
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const types = typed === undefined ? undefined : await typed;
  const course = options.course ?? { title: DEFAULT_TITLE, exercises: {} };
  const run = resolveRun(plans.flatMap((p) => raw.get(p) ?? []), course, {
    title: course.title, dir, gradedAt, ms: Date.now() - start, hidden: options.hidden === true, seed,
    ...(options.lang === undefined || options.lang === 'en' ? {} : { lang: options.lang }),
    ...(types !== undefined && !Array.isArray(types) ? { typecheckProblem: cleanLine(types.failure, 300) } : {}),
  });
  if (Array.isArray(types)) {
    const lines = typeLines(types, options.lang);
    for (const e of run.exercises) {
      const found = lines.get(e.file);
      if (found !== undefined) e.typeErrors = found;
    }
  }
  return new GradeReport(run);
}
