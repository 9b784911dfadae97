/**
 * The autograder Gradescope runs for each submission (started by run_autograder):
 *
 *   $DESCENT_AUTOGRADER_ROOT (default /autograder)
 *     source/       the zip: this kit's grading, public and hidden graders, gradescope.json
 *     submission/   what the student uploaded (hostile)
 *     results/      results.json, written here
 *
 * Finds the exercise files in the submission (find.ts), grades them as the instructor's batch
 * grades one student (kit/release/batch/student.ts: the sandbox, the public and hidden graders,
 * the course's points, a wall-clock limit, a flag when a repository's graders were changed) and
 * writes Gradescope's results.json: one test per check (score, max_score, name, output,
 * visibility — hidden checks as gradescope.json says), the total score and execution_time.
 * Whatever happens, a results.json is written (a crash scores 0 and says so).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { HIDDEN_GRADERS_DIR, PROJECT_ROOT } from '../../grade/paths';
import { cleanLine, cleanText } from '../../grade/safe/text';
import { boundedJson } from '../../release/batch/output';
import { gradeStudent, StudentOutcome } from '../../release/batch/student';
import { parseCourseConfig, STUDENT_COURSE_FILE } from '../../release/course/course';
import { Checksums, CHECKSUMS_FILE } from '../../release/course/integrity';
import { formatPoints } from '../../release/course/table';
import { findSubmission } from './find';
import { GradescopeSettings, parseSettings, SETTINGS_FILE } from './settings';

/** Environment variable with Gradescope's root folder (default /autograder). */
export const ROOT_ENV = 'DESCENT_AUTOGRADER_ROOT';
export const DEFAULT_ROOT = '/autograder';

interface Results {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  stdout_visibility: 'hidden';
  tests: Array<{ name: string; score: number; max_score: number; status: 'passed' | 'failed'; output: string; visibility: string }>;
  extra_data?: Record<string, unknown>;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The results' `output` for the student: points per exercise, where the files were found, what went wrong. */
function summary(outcome: StudentOutcome, notes: string[]): string {
  const lines: string[] = [];
  const scaled = outcome.scaled;
  if (scaled !== null) {
    lines.push(`${formatPoints(scaled.score)}/${formatPoints(scaled.maxScore)} points (${scaled.passed}/${scaled.results.length} checks passed)`);
    for (const e of scaled.exercises) lines.push(`  ${e.file}: ${formatPoints(e.score)}/${formatPoints(e.maxScore)}`);
  }
  lines.push('', ...notes);
  if (outcome.status === 'graders modified') lines.push('the graders in your repository differ from the course\'s; your work was graded with the course\'s own graders');
  if (outcome.status === 'timed out' || outcome.status === 'refused') lines.push(...outcome.detail);
  if (outcome.problems.length > 0) lines.push('', 'problems:', ...outcome.problems.map((p) => `  ${p}`));
  return cleanText(lines.join('\n').trim());
}

/** Grades the submission of `root` and returns results.json's content. */
export async function runAutograder(root: string, started = Date.now()): Promise<Results> {
  const settings: GradescopeSettings = parseSettings((readJson(path.join(PROJECT_ROOT, SETTINGS_FILE)) as Record<string, unknown>), 0, SETTINGS_FILE);
  const rawCourse = readJson(path.join(PROJECT_ROOT, STUDENT_COURSE_FILE)) as { exercises: Record<string, unknown> };
  const course = parseCourseConfig(rawCourse, Object.keys(rawCourse.exercises), STUDENT_COURSE_FILE);
  const expectedFiles = Object.keys(course.exercises).map((e) => `${e}.ts`);
  const checksums = readJson(path.join(PROJECT_ROOT, CHECKSUMS_FILE)) as Checksums;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-gradescope-'));
  try {
    const found = await findSubmission(path.join(root, 'submission'), scratch, expectedFiles);
    const outcome = await gradeStudent(found.folder, {
      hidden: HIDDEN_GRADERS_DIR,
      seed: settings.seed,
      wallMs: settings.studentTimeout * 1000,
      course,
      expected: checksums,
    });
    const scaled = outcome.scaled;
    const maxScore = Object.values(course.exercises).reduce((s, e) => s + (e.points ?? 0), 0);
    return {
      score: scaled?.score ?? 0,
      execution_time: Math.round((Date.now() - started) / 100) / 10,
      output: summary(outcome, found.notes),
      output_format: 'text',
      stdout_visibility: 'hidden',
      tests: (scaled?.results ?? []).map((r) => ({
        name: cleanLine(`${r.file} › ${r.name}`, 300),
        score: r.points,
        max_score: r.maxPoints,
        status: r.passed ? 'passed' : 'failed',
        output: r.passed ? 'ok' : r.feedback,
        visibility: r.hidden ? settings.hiddenVisibility : 'visible',
      })),
      extra_data: { max_score: scaled?.maxScore ?? maxScore, status: outcome.status, detail: outcome.detail, problems: outcome.problems, found: found.notes },
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes results/results.json under `root` (results/ created; a link there is replaced, never followed). */
export function writeResults(root: string, results: Results): string {
  const dir = path.join(root, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'results.json');
  const temp = path.join(dir, `.results.${process.pid}.tmp`);
  fs.writeFileSync(temp, boundedJson(results as unknown as Record<string, unknown>));
  fs.renameSync(temp, file);
  return file;
}

async function main(): Promise<void> {
  const started = Date.now();
  const root = path.resolve(process.env[ROOT_ENV] || DEFAULT_ROOT);
  let results: Results;
  try {
    results = await runAutograder(root, started);
  } catch (error) {
    // The autograder itself failed (not the student's code, which cannot throw here): score 0, say so.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`autograder error: ${message}\n`);
    results = {
      score: 0,
      execution_time: Math.round((Date.now() - started) / 100) / 10,
      output: cleanText(`The autograder could not grade this submission (${message}). Please tell your instructor.`),
      output_format: 'text',
      stdout_visibility: 'hidden',
      tests: [],
    };
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
