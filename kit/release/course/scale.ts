/**
 * Rescales a grading run to the instructor's points: an exercise worth P points whose checks carry
 * p_1 … p_k grader points (sum M) gets checks worth P·p_i/M, rounded to hundredths so that they
 * still add up to exactly P (largest remainders get the spare hundredths). Scores are kept in
 * hundredths internally, so totals never show floating-point noise.
 */
import type { CheckResult, GradeReport } from '../../grade/report';
import type { CourseConfig } from './course';

export interface ScaledCheck extends CheckResult {
  /** The check's points before rescaling. */
  graderMaxPoints: number;
}

export interface ScaledExercise {
  exercise: string;
  file: string;
  score: number;
  maxScore: number;
  due?: string;
}

export interface ScaledReport {
  title: string;
  dir: string;
  ms: number;
  results: ScaledCheck[];
  exercises: ScaledExercise[];
  score: number;
  maxScore: number;
  passed: number;
}

/** n rounded to hundredths (as a number that prints without noise). */
export function hundredths(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Shares of `total` hundredths proportional to `weights`, summing exactly to `total`. */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const floor = exact.map((x) => Math.floor(x + 1e-9));
  let spare = total - floor.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, rest: x - floor[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (spare <= 0) break;
    floor[i] += 1;
    spare -= 1;
  }
  return floor;
}

/** The report with every check rescaled to the course's points (unchanged where none are set). */
export function scaleReport(report: Pick<GradeReport, 'dir' | 'ms' | 'results'>, config: CourseConfig): ScaledReport {
  const byExercise = new Map<string, CheckResult[]>();
  for (const r of report.results) byExercise.set(r.exercise, [...(byExercise.get(r.exercise) ?? []), r]);
  const scaledMax = new Map<CheckResult, number>();
  for (const [exercise, checks] of byExercise) {
    const target = config.exercises[exercise]?.points;
    const cents =
      target === undefined
        ? checks.map((c) => Math.round(c.maxPoints * 100))
        : apportion(checks.map((c) => c.maxPoints), Math.round(target * 100));
    checks.forEach((c, i) => scaledMax.set(c, cents[i]));
  }
  const results: ScaledCheck[] = report.results.map((r) => {
    const max = scaledMax.get(r) ?? 0;
    return { ...r, graderMaxPoints: r.maxPoints, maxPoints: max / 100, points: r.passed ? max / 100 : 0 };
  });
  const exercises: ScaledExercise[] = [];
  let scoreCents = 0;
  let maxCents = 0;
  for (const [exercise, checks] of byExercise) {
    let s = 0;
    let m = 0;
    for (const c of checks) {
      const cents = scaledMax.get(c) ?? 0;
      m += cents;
      if (c.passed) s += cents;
    }
    scoreCents += s;
    maxCents += m;
    const due = config.exercises[exercise]?.due;
    exercises.push({ exercise, file: checks[0].file, score: s / 100, maxScore: m / 100, ...(due === undefined ? {} : { due }) });
  }
  return {
    title: config.title,
    dir: report.dir,
    ms: report.ms,
    results,
    exercises,
    score: scoreCents / 100,
    maxScore: maxCents / 100,
    passed: results.filter((r) => r.passed).length,
  };
}

/** Gradescope's results.json for a rescaled report (hidden checks shown once grades are published). */
export function toGradescope(report: ScaledReport, extra?: Record<string, unknown>): Record<string, unknown> {
  return {
    score: report.score,
    max_score: report.maxScore,
    execution_time: Math.round(report.ms) / 1000,
    output: `${report.score}/${report.maxScore} points (${report.passed}/${report.results.length} checks passed)`,
    stdout_visibility: 'hidden',
    tests: report.results.map((r) => ({
      name: `${r.file} › ${r.name}`,
      score: r.points,
      max_score: r.maxPoints,
      output: r.passed ? 'ok' : r.feedback,
      visibility: r.hidden ? 'after_published' : 'visible',
    })),
    ...(extra === undefined ? {} : { extra_data: extra }),
  };
}
