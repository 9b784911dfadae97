/**
 * The first thing a student reads: one row per exercise — its points, a one-line status and its
 * due text — then the total, with the exercise's type errors (typecheck/) below its row. The
 * checks' own feedback is on request (`--verbose`: report/text.ts's table; or the feedback file
 * `--out` writes). Every sentence is in the catalogues' `brief` (kit/grade/i18n).
 */
import { cleanLine } from '../safe/text';
import { seconds } from '../../shared/time';
import type { CheckResult, ExerciseResult, GradeRun } from './model';
import { formatPoints } from './points';
import { cutDisplay, displayWidth, messages, padDisplay } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import { fill } from '../../shared/fill';

/** The English sentences (each language's are its catalogue's `brief`). */
export const TEXT = messages('en').brief;

/** Type errors shown per exercise in the summary (all of them with --verbose). */
export const BRIEF_TYPE_ERRORS = 3;
/** Width of the status column. */
const STATUS_WIDTH = 52;

const pad = padDisplay;

const cut = cutDisplay;

/** A check that failed because the function still throws the stub's TODO. */
export function isTodo(r: CheckResult): boolean {
  return !r.passed && r.problem !== undefined && /\bTODO\b/.test(r.problem);
}

/** Was nothing attempted: every check of the run fails because its function still throws TODO? */
export function nothingAttempted(run: GradeRun): boolean {
  return run.results.length > 0 && run.results.every(isTodo);
}

/** An exercise's status in one line. */
export function exerciseStatus(e: ExerciseResult, checks: readonly CheckResult[], lang?: Lang): string {
  const TEXT = messages(lang).brief;
  if (e.passed === e.checks) return fill(TEXT.allPass, { n: e.checks });
  if (checks.every(isTodo)) return TEXT.notStarted;
  const failing = checks.find((c) => !c.passed)!;
  // A file that could not be loaded (syntax error, not found) fails every check with the same problem: say it.
  if (e.passed === 0 && failing.problem !== undefined && checks.every((c) => c.problem === failing.problem)) {
    return fill(TEXT.cannotRun, { problem: cleanLine(failing.problem, 200) });
  }
  return fill(e.passed === 0 ? TEXT.noneYet : TEXT.someFailing, { passed: e.passed, n: e.checks, name: cleanLine(failing.name, 120) });
}

/** The summary table (see the file's comment); `verbose` lists every type error. */
export function briefText(run: GradeRun, options: { verbose?: boolean } = {}): string {
  const TEXT = messages(run.meta.lang).brief;
  const h = TEXT.heading;
  const fileWidth = Math.max(8, displayWidth(h.total), ...run.exercises.map((e) => e.file.length));
  const pointsWidth = Math.max(displayWidth(h.points), ...run.exercises.map((e) => `${formatPoints(e.score)}/${formatPoints(e.maxScore)}`.length), `${formatPoints(run.score)}/${formatPoints(run.maxScore)}`.length);
  const row = (file: string, points: string, status: string, due: string): string =>
    `${pad(file, fileWidth)}  ${pad(points, pointsWidth)}  ${pad(cut(status, STATUS_WIDTH), STATUS_WIDTH)}  ${due}`.trimEnd();
  const lines = [
    row(h.exercise, h.points, h.status, h.due),
    row('-'.repeat(fileWidth), '-'.repeat(pointsWidth), '-'.repeat(STATUS_WIDTH), '---'),
  ];
  for (const e of run.exercises) {
    const checks = run.results.filter((r) => r.exercise === e.exercise);
    lines.push(row(e.file, `${formatPoints(e.score)}/${formatPoints(e.maxScore)}`, exerciseStatus(e, checks, run.meta.lang), e.due === undefined ? '' : cleanLine(e.due)));
    const errors = e.typeErrors ?? [];
    const shown = options.verbose === true ? errors : errors.slice(0, BRIEF_TYPE_ERRORS);
    for (const line of shown) lines.push(`  ${cleanLine(line, 400)}`);
    if (shown.length < errors.length) lines.push(`  ${fill(TEXT.moreTypeErrors, { n: errors.length - shown.length })}`);
  }
  lines.push(row(h.total, `${formatPoints(run.score)}/${formatPoints(run.maxScore)}`, fill(TEXT.totalChecks, { passed: run.passed, n: run.results.length, time: seconds(run.meta.ms) }), ''));
  if (run.meta.typecheckProblem !== undefined) lines.push(fill(TEXT.typecheckProblem, { problem: cleanLine(run.meta.typecheckProblem, 300) }));
  return lines.join('\n');
}
