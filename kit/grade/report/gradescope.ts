/**
 * A run as Gradescope's results.json: the score, and one test per check with its status, points,
 * feedback and visibility (a hidden check is shown once grades are published).
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
import { cleanText } from '../safe/text';
import type { GradeRun } from './model';
import { formatPoints } from './points';
import { messages } from '../i18n/catalogue';

export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';

export interface GradescopeTest {
  name: string;
  status: 'passed' | 'failed';
  score: number;
  max_score: number;
  output: string;
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  stdout_visibility: Visibility;
  tests: GradescopeTest[];
  extra_data?: Record<string, unknown>;
}

/** Visibility of hidden checks in Gradescope: shown once grades are published. */
export const HIDDEN_VISIBILITY: Visibility = 'after_published';

/** `hiddenVisibility`: when the hidden graders' checks are shown (the Gradescope autograder's setting). */
export function gradescopeResults(run: GradeRun, extra?: Record<string, unknown>, hiddenVisibility: Visibility = HIDDEN_VISIBILITY): GradescopeResults {
  const t = messages(run.meta.lang).report;
  return {
    score: run.score,
    max_score: run.maxScore,
    execution_time: Math.round(run.meta.ms) / 1000,
    output: [
      t.totals(formatPoints(run.score), formatPoints(run.maxScore), run.passed, run.results.length),
      ...run.exercises.flatMap((e) => e.typeErrors ?? []).map((l) => t.typeErrorLine(cleanText(l, 500))),
    ].join('\n'),
    stdout_visibility: 'hidden',
    tests: run.results.map((r) => ({
      name: `${r.file} › ${r.name}`,
      status: r.passed ? 'passed' : 'failed',
      score: r.points,
      max_score: r.maxPoints,
      output: r.passed ? t.passed : cleanText(r.feedback),
      visibility: r.hidden ? hiddenVisibility : 'visible',
    })),
    ...(extra === undefined ? {} : { extra_data: extra }),
  };
}

/** results.json for a run that did not happen (refused or not graded): score 0 and why. */
export function gradescopeRefusal(output: string, maxScore: number, extra?: Record<string, unknown>): GradescopeResults {
  return {
    score: 0, max_score: maxScore, execution_time: 0, output: cleanText(output, 8_000), stdout_visibility: 'hidden', tests: [],
    ...(extra === undefined ? {} : { extra_data: extra }),
  };
}
