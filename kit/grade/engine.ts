/**
 * The grading engine: loads the graders (test/graders/*.test.ts, optionally the hidden ones),
 * grades a folder of exercise files — each file in its own sandbox, shared by its visible and
 * hidden graders, several files at a time — and returns a GradeReport. Used by the CLI
 * (npm run grade) and the notebook API (check()).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { GraderSpec } from './grader';
import { TsLoader } from './loader';
import { DEFAULT_EXERCISES_DIR, DEFAULT_SEED, GRADERS_DIR } from './paths';
import { CheckResult, GradeReport } from './report';
import { cleanLine } from './safe/text';
import type { SandboxLimits } from './sandbox/sandbox';
import { ExerciseSession, runCheck } from './session';
import { SubmissionFolder } from './submission';

export interface GradeOptions {
  /** Folder with the exercise files (default: exercises/). */
  dir?: string;
  /** Folder with the visible graders (default: test/graders/). */
  graders?: string;
  /** Folder with hidden graders to run as well (default: none). */
  hidden?: string;
  /** Grade only these exercises (names like 'mse' or file names like 'mse.ts'). */
  only?: string[];
  /** Seed of randomized cases. */
  seed?: number;
  limits?: Partial<SandboxLimits>;
  /** Time budget per exercise file, in ms. */
  budgetMs?: number;
  /** How many exercise files are graded at once (default: up to 4, one per CPU). */
  concurrency?: number;
  /** Stops the grading: the sandboxes are closed, and every check not graded yet fails with the signal's reason. */
  signal?: AbortSignal;
}

interface LoadedGrader {
  spec: GraderSpec;
  hidden: boolean;
  source: string;
}

function isGraderSpec(value: unknown): value is GraderSpec {
  const v = value as Partial<GraderSpec> | null;
  return v !== null && typeof v === 'object' && v.kind === 'descent-grader' && Array.isArray(v.checks);
}

/** The grader files of a folder: *.test.ts, sorted. */
function graderFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new RangeError(`grade: graders folder must exist, received ${JSON.stringify(dir)}`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Loads the grader definitions of a folder (without vitest). */
export function loadGraders(dir: string, hidden = false, loader = new TsLoader()): LoadedGrader[] {
  return graderFiles(dir).map((file) => {
    const mod = loader.load(file) as { default?: unknown };
    if (!isGraderSpec(mod.default)) {
      throw new TypeError(`grade: ${file} must export default defineGrader(…), received ${typeof mod.default}`);
    }
    return { spec: mod.default, hidden, source: file };
  });
}

/** Exercise names known to the graders, in chapter order. */
export function knownExercises(graders = GRADERS_DIR): string[] {
  return loadGraders(graders)
    .map((g) => g.spec)
    .sort((a, b) => a.chapter.localeCompare(b.chapter))
    .map((s) => s.exercise);
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** Grades a folder and returns the report. Never throws because of the submission. */
export async function grade(options: GradeOptions = {}): Promise<GradeReport> {
  const start = Date.now();
  const dir = path.resolve(options.dir ?? DEFAULT_EXERCISES_DIR);
  const loader = new TsLoader();
  let graders = loadGraders(path.resolve(options.graders ?? GRADERS_DIR), false, loader);
  if (options.hidden !== undefined) graders = graders.concat(loadGraders(path.resolve(options.hidden), true, loader));
  if (options.only !== undefined && options.only.length > 0) {
    const wanted = new Set(options.only.map((o) => o.replace(/\.ts$/, '')));
    const known = new Set(
      [...graders].sort((a, b) => a.spec.chapter.localeCompare(b.spec.chapter)).map((g) => g.spec.exercise),
    );
    for (const w of wanted) {
      if (!known.has(w)) {
        throw new RangeError(`grade: exercise must be one of ${[...known].join(', ')}, received ${JSON.stringify(w)}`);
      }
    }
    graders = graders.filter((g) => wanted.has(g.spec.exercise));
  }
  graders.sort((a, b) => a.spec.chapter.localeCompare(b.spec.chapter) || Number(a.hidden) - Number(b.hidden));
  const seed = options.seed ?? DEFAULT_SEED;
  const resultsByGrader = new Map<LoadedGrader, CheckResult[]>();
  const size = options.concurrency ?? Math.min(4, Math.max(1, os.cpus().length));
  // One session (one sandbox, one time budget) per exercise file and driver module: the visible
  // and the hidden graders of a file share it. Longest first: the files with most checks start early.
  const groups = new Map<string, LoadedGrader[]>();
  for (const g of graders) {
    const key = `${g.spec.file}\u0000${g.spec.drivers === undefined ? '' : path.resolve(g.spec.drivers)}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  const checks = (group: LoadedGrader[]): number => group.reduce((n, g) => n + g.spec.checks.length, 0);
  const order = [...groups.values()].sort((a, b) => checks(b) - checks(a));
  const files = new SubmissionFolder(dir);
  const open = new Set<ExerciseSession>();
  const stopped = (): string => `not run: ${String(options.signal?.reason ?? 'grading was stopped')}`;
  const onAbort = (): void => open.forEach((s) => s.dispose(stopped()));
  options.signal?.addEventListener('abort', onAbort);
  try {
    await pool(order, size, async (group) => {
      const session = new ExerciseSession(group[0].spec, { dir, seed, limits: options.limits, budgetMs: options.budgetMs, files });
      open.add(session);
      if (options.signal?.aborted === true) session.dispose(stopped());
      try {
        for (const g of group) {
          const results: CheckResult[] = [];
          for (const check of g.spec.checks) {
            const seen = session.problems.length;
            const verdict = await runCheck(check, session);
            const problem = verdict.passed ? undefined : session.problems[seen];
            results.push({
              exercise: g.spec.exercise,
              file: g.spec.file,
              chapter: g.spec.chapter,
              name: check.name,
              points: verdict.passed ? check.points : 0,
              maxPoints: check.points,
              passed: verdict.passed,
              feedback: verdict.feedback,
              hidden: g.hidden,
              ms: verdict.ms,
              ...(problem === undefined ? {} : { problem: cleanLine(problem, 300) }),
            });
          }
          resultsByGrader.set(g, results);
        }
      } finally {
        open.delete(session);
        session.dispose();
      }
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const results = graders.flatMap((g) => resultsByGrader.get(g) ?? []);
  return new GradeReport(dir, results, Date.now() - start);
}
