/**
 * The results model: one grading run of one submission, from which every output is rendered —
 * the terminal table, the notebook's HTML table, Gradescope's results.json, GitHub Classroom's
 * result and job summary, a row of the batch's scores.csv.
 *
 * The engine grades checks and produces raw results (each check with the grader's own weight);
 * `resolveRun` turns them into a run in the course's points — an exercise worth P points whose
 * checks weigh p₁ … p_k (sum M) gets checks worth P·pᵢ/M, in hundredths that add up to exactly P
 * (the largest remainders get the spare hundredths); an exercise without course points keeps the
 * grader's. This is the only place points are resolved.
 */
import type { CourseConfig } from '../config';
import { apportion } from './points';

/** One check, graded: a plain object (JSON, structured clone), so a run can cross any boundary. */
export interface CheckResult {
  exercise: string;
  /** The exercise's file, `<exercise>.ts`. */
  file: string;
  chapter: string;
  /** The check's name, as its grader says it. */
  name: string;
  /** From the exercise's hidden grader. */
  hidden: boolean;
  /** The check's status: passed, or failed (with feedback). */
  passed: boolean;
  /** Points earned: maxPoints when passed, else 0 (the course's points). */
  points: number;
  /** Points possible (the course's points). */
  maxPoints: number;
  /** The check's weight in its grader (what the course's points are shared by). */
  graderPoints: number;
  /** Empty when passed; otherwise feedback lines (input / expected / received / problem / hint), joined by newlines. */
  feedback: string;
  ms: number;
  /** When it failed because of what the submission did (a refusal, a time-out, a crash): the first such problem, one line. */
  problem?: string;
}

/** A check as the engine grades it, before points are resolved. */
export type RawCheck = Omit<CheckResult, 'points' | 'maxPoints'>;

export interface ExerciseResult {
  exercise: string;
  file: string;
  chapter: string;
  score: number;
  maxScore: number;
  /** Checks passed, of `checks`. */
  passed: number;
  checks: number;
  /** The due text of the course's settings. */
  due?: string;
  /** Type errors in the exercise's file (when type-checked), one feedback line each: `mse.ts:18:10  plain words (TS2304)`. */
  typeErrors?: string[];
}

/** What, when and how a run graded (the slots a grade sheet records). */
import type { Lang } from '../i18n/lang';

export interface RunMeta {
  /** The course's title (settings) — the header of every table. */
  title: string;
  /** The folder graded. */
  dir: string;
  /** When grading started (ISO 8601). */
  gradedAt: string;
  /** Wall time of the whole run, in ms. */
  ms: number;
  /** Were the hidden graders run, and with which seed. */
  hidden: boolean;
  seed: number;
  /** The commit graded, when the submission is a git repository and it is known. */
  commit?: string;
  /** The language of the run's check names and feedback, and of its reports (default English). */
  lang?: Lang;
  /** Why the exercise files could not be type-checked (a time-out, the checker's memory), when they were to be. */
  typecheckProblem?: string;
}

export interface GradeRun {
  meta: RunMeta;
  /** Every check, in chapter order, each exercise's visible checks before its hidden ones. */
  results: CheckResult[];
  /** One entry per exercise graded, in the same order. */
  exercises: ExerciseResult[];
  score: number;
  maxScore: number;
  /** Checks passed. */
  passed: number;
}

const cents = (points: number): number => Math.round(points * 100);

/**
 * An exercise's course points (in hundredths) shared among its checks in proportion to the grader's
 * weights, in whole or half points — what a person reads (10 points over 9 checks: 1 and 1.5, never
 * 1.11) — as long as every check still gets at least half a point; otherwise in hundredths.
 */
function coursePoints(weights: readonly number[], total: number): number[] {
  if (total % 50 === 0) {
    const halves = apportion(weights, total / 50);
    if (halves.every((h, i) => h > 0 || weights[i] <= 0)) return halves.map((h) => h * 50);
  }
  return apportion(weights, total);
}

/** The run in the course's points (see the file's comment). */
export function resolveRun(raw: readonly RawCheck[], course: CourseConfig, meta: RunMeta): GradeRun {
  const byExercise = new Map<string, RawCheck[]>();
  for (const r of raw) byExercise.set(r.exercise, [...(byExercise.get(r.exercise) ?? []), r]);
  const worth = new Map<RawCheck, number>();
  const exercises: ExerciseResult[] = [];
  let score = 0;
  let maxScore = 0;
  for (const [exercise, checks] of byExercise) {
    const target = course.exercises[exercise]?.points;
    const shares = target === undefined ? checks.map((c) => cents(c.graderPoints)) : coursePoints(checks.map((c) => c.graderPoints), cents(target));
    checks.forEach((c, i) => worth.set(c, shares[i]));
    const max = shares.reduce((s, x) => s + x, 0);
    const got = checks.reduce((s, c, i) => s + (c.passed ? shares[i] : 0), 0);
    score += got;
    maxScore += max;
    const due = course.exercises[exercise]?.due;
    exercises.push({
      exercise, file: checks[0].file, chapter: checks[0].chapter, score: got / 100, maxScore: max / 100,
      passed: checks.filter((c) => c.passed).length, checks: checks.length, ...(due === undefined ? {} : { due }),
    });
  }
  const results = raw.map((r): CheckResult => {
    const max = (worth.get(r) ?? 0) / 100;
    return { ...r, points: r.passed ? max : 0, maxPoints: max };
  });
  return { meta, results, exercises, score: score / 100, maxScore: maxScore / 100, passed: results.filter((r) => r.passed).length };
}
