/**
 * The autograder Gradescope runs for each submission (started by run_autograder):
 *
 *   $DESCENT_AUTOGRADER_ROOT (default /autograder)
 *     source/       the zip: this kit's grading, public and hidden graders, gradescope.json
 *     submission/   what the student uploaded (hostile)
 *     results/      results.json, written here
 *
 * Finds the exercise files in the submission (find.ts), grades them as the instructor's batch
 * grades one student (kit/grade/batch/student.ts: the sandbox, the public and hidden graders, the
 * course's points, a wall-clock limit, a flag when a repository's graders were changed) and writes
 * Gradescope's results.json with the grading core's rendering (kit/grade/report/gradescope.ts):
 * one test per check (score, max_score, name, output, visibility — hidden checks as
 * gradescope.json says), the total score and execution_time (the whole run, unpacking included).
 * Whatever happens, a results.json is written (a crash scores 0 and says so).
 */
import { messages, type Lang } from '../../grade/i18n/catalogue';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readCourseConfig, COURSE_CONFIG_FILE } from '../../grade/config';
import { listExercises } from '../../grade/course';
import { Manifest, MANIFEST_RELATIVE_PATH, parseManifest } from '../../grade/manifest';
import { boundedJson } from '../../grade/batch/output';
import { gradeStudent, StudentOutcome } from '../../grade/batch/student';
import { GradescopeResults, gradescopeRefusal, gradescopeResults } from '../../grade/report/gradescope';
import { formatPoints } from '../../grade/report/points';
import { cleanText } from '../../grade/safe/text';
import { PROJECT_ROOT } from '../../shared/root';
import { findSubmission } from './find';
import { GradescopeSettings, parseSettings, SETTINGS_FILE } from './settings';

/** Environment variable with Gradescope's root folder (default /autograder). */
export const ROOT_ENV = 'DESCENT_AUTOGRADER_ROOT';
export const DEFAULT_ROOT = '/autograder';

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const elapsed = (started: number): number => Math.round((Date.now() - started) / 100) / 10;

/** The results' `output` for the student: points per exercise, where the files were found, what went wrong. */
function summary(outcome: StudentOutcome, notes: string[], lang?: Lang): string {
  const m = messages(lang);
  const lines: string[] = [];
  const run = outcome.run;
  if (run !== null) {
    lines.push(m.report.totals(formatPoints(run.score), formatPoints(run.maxScore), run.passed, run.results.length));
    for (const e of run.exercises) lines.push(`  ${e.file}: ${formatPoints(e.score)}/${formatPoints(e.maxScore)}`);
  }
  lines.push('', ...notes);
  if (outcome.status === 'graders modified') lines.push(m.gradescope.gradersModified);
  if (outcome.status === 'timed out' || outcome.status === 'refused') lines.push(...outcome.detail);
  if (outcome.problems.length > 0) lines.push('', m.gradescope.problems, ...outcome.problems.map((p) => `  ${p}`));
  return cleanText(lines.join('\n').trim());
}

/**
 * results.json as uploaded: the core's rendering with its total `max_score` moved into
 * `extra_data` — Gradescope documents no top-level max_score (the assignment's total is the sum of
 * the tests' max_score), and an undocumented key would be silently ignored.
 */
export type AutograderResults = Omit<GradescopeResults, 'max_score'>;

function forUpload(results: GradescopeResults): AutograderResults {
  const { max_score: maxScore, ...rest } = results;
  return { ...rest, extra_data: { max_score: maxScore, ...rest.extra_data } };
}

/** The course's total points (what a crash scores 0 of), or 0 when even the settings cannot be read. */
function courseMaximum(): number {
  try {
    const course = readCourseConfig(path.join(PROJECT_ROOT, COURSE_CONFIG_FILE), listExercises(PROJECT_ROOT).map((e) => e.name));
    return Object.values(course.exercises).reduce((s, e) => s + (e.points ?? 0), 0);
  } catch {
    return 0;
  }
}

/** Grades the submission of `root` and returns results.json's content. */
export async function runAutograder(root: string, started = Date.now()): Promise<AutograderResults> {
  const settings: GradescopeSettings = parseSettings(readJson(path.join(PROJECT_ROOT, SETTINGS_FILE)), 0, SETTINGS_FILE);
  const exercises = listExercises(PROJECT_ROOT);
  const course = readCourseConfig(path.join(PROJECT_ROOT, COURSE_CONFIG_FILE), exercises.map((e) => e.name));
  const manifest = parseManifest(fs.readFileSync(path.join(PROJECT_ROOT, MANIFEST_RELATIVE_PATH), 'utf8')) as Manifest;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-gradescope-'));
  try {
    const found = await findSubmission(path.join(root, 'submission'), scratch, exercises.map((e) => e.file));
    const outcome = await gradeStudent(found.folder, {
      root: PROJECT_ROOT,
      hidden: true,
      seed: settings.seed,
      wallMs: settings.studentTimeout * 1000,
      course,
      lang: settings.lang,
      expected: { files: manifest.files, protected: manifest.protected },
    });
    const extra = { status: outcome.status, detail: outcome.detail, problems: outcome.problems, found: found.notes };
    const output = summary(outcome, found.notes, settings.lang);
    if (outcome.run === null) {
      return forUpload({ ...gradescopeRefusal(output, courseMaximum(), extra), execution_time: elapsed(started) });
    }
    return forUpload({ ...gradescopeResults(outcome.run, extra, settings.hiddenVisibility), output, execution_time: elapsed(started) });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes results/results.json under `root` (results/ created; a link there is replaced, never followed). */
export function writeResults(root: string, results: AutograderResults): string {
  const dir = path.join(root, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'results.json');
  const temp = path.join(dir, `.results.${process.pid}.tmp`);
  fs.writeFileSync(temp, boundedJson(results));
  fs.renameSync(temp, file);
  return file;
}

async function main(): Promise<void> {
  const started = Date.now();
  const root = path.resolve(process.env[ROOT_ENV] || DEFAULT_ROOT);
  let results: AutograderResults;
  try {
    results = await runAutograder(root, started);
  } catch (error) {
    // The autograder itself failed (not the student's code, which cannot throw here): score 0, say so.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`autograder error: ${message}\n`);
    results = forUpload({ ...gradescopeRefusal(`The autograder could not grade this submission (${message}). Please tell your instructor.`, courseMaximum()), execution_time: elapsed(started) });
  }
  const file = writeResults(root, results);
  process.stdout.write(`${results.output}\n\nwrote ${file}\n`);
}

if (require.main === module) {
  main().then(
    // The grading children are gone; end even if a handle lingers.
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`autograder error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
