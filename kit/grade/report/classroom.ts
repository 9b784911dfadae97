/**
 * Reporting to GitHub Classroom from a workflow step. The autograding reporter
 * (`classroom-resources/autograding-grading-reporter@v1`) reads, for each runner id in its
 * `runners` input, the environment variable `<RUNNER ID IN CAPITALS>_RESULTS`: base64 of
 *
 *   { version: 1, status: 'pass' | 'fail' | 'error', max_score,
 *     tests: [{ name, status, score, message, test_code, filename, line_no, duration }] }
 *
 * which the grading step exposes as its output `result` (a line `result=<base64>` appended to the
 * file named by $GITHUB_OUTPUT). Classroom records the sum of the tests' `score` out of
 * `max_score`. The same step appends the Markdown summary to $GITHUB_STEP_SUMMARY (the job summary).
 */
import fs from 'fs';
import { cleanText } from '../safe/text';
import type { GradeRun } from './model';
import { formatPoints } from './points';
import { messages } from '../i18n/catalogue';

/** The runner id used in the workflow: the grading step's id and the reporter's `runners`. */
export const RUNNER_ID = 'descent';

export interface ClassroomTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: ClassroomTest[];
}

/** The reporter's payload for a graded run. */
export function classroomResult(run: GradeRun): ClassroomResult {
  const t = messages(run.meta.lang).report;
  const tests: ClassroomTest[] = run.results.map((r) => ({
    name: `${r.file} › ${r.hidden ? `${t.hidden} ` : ''}${r.name}`,
    status: r.passed ? 'pass' : 'fail',
    score: r.points,
    message: r.passed ? `${t.passed}: ${t.score(formatPoints(r.points), formatPoints(r.maxPoints))}` : cleanText(r.feedback),
    test_code: '',
    filename: `exercises/${r.file}`,
    line_no: 0,
    duration: r.ms,
  }));
  return { version: 1, status: tests.every((t) => t.status === 'pass') ? 'pass' : 'fail', max_score: run.maxScore, tests };
}

/** The reporter's payload when grading must not count: one failing test that says why, no points. */
export function classroomError(name: string, message: string, maxScore: number): ClassroomResult {
  return {
    version: 1,
    status: 'error',
    max_score: maxScore,
    tests: [{ name, status: 'error', score: 0, message: cleanText(message, 8_000), test_code: '', filename: '', line_no: 0, duration: 0 }],
  };
}

/** base64 of the JSON, as the reporter decodes it. */
export function encodeResult(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}

/** Appends `result=<base64>` to $GITHUB_OUTPUT and the Markdown to $GITHUB_STEP_SUMMARY (when set); returns the files written. */
export function writeClassroomOutputs(result: ClassroomResult, markdown: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const written: string[] = [];
  if (env.GITHUB_OUTPUT) {
    fs.appendFileSync(env.GITHUB_OUTPUT, `result=${encodeResult(result)}\n`);
    written.push(env.GITHUB_OUTPUT);
  }
  if (env.GITHUB_STEP_SUMMARY) {
    fs.appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
    written.push(env.GITHUB_STEP_SUMMARY);
  }
  return written;
}
