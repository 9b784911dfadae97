/**
 * `npm run grade` — in the kit and, as `npm test`, in a student repository (the same file, shipped
 * as is):
 *
 *   npm run grade -- [DIR] [--json FILE] [--classroom] [--hidden] [--only NAMES] [--config FILE] [--lang ko] …
 *   npm run grade -- --batch SUBMISSIONS [--hidden] [--out DIR] [--jobs N] [--config FILE] …
 *
 * One folder: grades the exercise files in DIR (default exercises/) with the graders in course/,
 * in the course's points (course.config.json), and prints the course's header and the check
 * table; `--json` also writes Gradescope's results.json, `--classroom` (a student's CI) GitHub
 * Classroom's result and the job summary. Exits 0 whenever grading ran, whatever the score.
 * First checks the graders against their manifest: in the kit a modified grader stops grading
 * (exit 1); in a student repository the run is graded but flagged "graders modified", and in CI
 * reported as one failing test with no points (exit 1).
 *
 * A class (`--batch`): see batch/index.ts. In CI, everything printed is wrapped in
 * `::stop-commands::<random token>` so that nothing a submission wrote can command the runner.
 */
import { Command, Option } from 'commander';
import fs from 'fs';
import path from 'path';
import { gradeBatch, DEFAULT_JOBS, DEFAULT_STUDENT_TIMEOUT_S, type BatchRow } from './batch';
import { COURSE_CONFIG_FILE, readProjectConfig, type CourseConfig } from './config';
import { grade, DEFAULT_SEED } from './engine';
import { verifyGrading } from './integrity';
import { classroomError, classroomResult, writeClassroomOutputs } from './report/classroom';
import { gradescopeRefusal } from './report/gradescope';
import { formatPoints } from './report/points';
import type { GradeReport } from './report/report';
import { problemMarkdown, summaryMarkdown } from './report/summary';
import { briefText, nothingAttempted } from './report/brief';
import { cleanLine, stopCommands } from './safe/text';
import { messages, parseLang, type Lang } from './i18n/catalogue';
import { integerOption, listOption } from '../shared/options';
import { PROJECT_ROOT, shownPath } from '../shared/root';
import { fill } from '../shared/fill';
import { seconds } from '../shared/time';
import { addGradebookOptions, readGradebookOptions, type GradebookOptions } from '../gradebook/options';
import { fromRun } from '../gradebook/adapter';
import { feedbackMarkdown } from '../gradebook/export/feedback';

/** What `--out DIR` holds after grading one folder. */
export const RESULTS_FILE = 'results.json';
export const FEEDBACK_FILE = 'feedback.md';

function runFeedbackMarkdown(report: GradeReport, name: string, modified: readonly string[]): string {
  return feedbackMarkdown(fromRun(report, name, modified), report.exercises.map((e) => e.exercise), report.meta.title);
}

interface Options {
  json?: string;
  classroom?: boolean;
  hidden?: boolean;
  only?: string[];
  config?: string;
  seed: number;
  timeout?: number;
  budget?: number;
  color: boolean;
  lang?: Lang;
  verbose?: boolean;
  typecheck: boolean;
  batch?: string;
  out?: string;
  jobs?: number;
  studentTimeout?: number;
  /** The gradebook's (kit/gradebook/options.ts), with --batch. */
  before?: string;
  extensions?: string;
  roster?: string;
  similarityThreshold?: number;
  lmsAssignment?: string;
}

function program(): Command {
  const batchOnly = (flags: string, text: string): Option => new Option(flags, `${text} (with --batch)`);
  const command = new Command()
    .name('grade')
    .description('Grade the exercise files in DIR (default exercises/) with the graders in course/, or a whole class with --batch.')
    .argument('[dir]', 'folder with the exercise files (default: exercises/)')
    .option('--json <file>', "also write Gradescope's results.json to FILE")
    .option('--classroom', "CI: report to GitHub Classroom ($GITHUB_OUTPUT) and the job summary ($GITHUB_STEP_SUMMARY)")
    .option('--hidden', 'also run the hidden graders (course/<exercise>/hidden/grader.ts; the instructor\'s kit only)')
    .option('--only <names>', 'grade only these exercises, comma-separated (e.g. mse,autograd)', listOption)
    .option('--config <file>', `the course's points and due texts (default: ${COURSE_CONFIG_FILE})`)
    .option('--seed <n>', 'seed of randomized cases', integerOption('--seed', 0), DEFAULT_SEED)
    .option('--timeout <ms>', 'time limit of one call, in ms', integerOption('--timeout', 1))
    .option('--budget <ms>', 'time budget of one exercise file, in ms', integerOption('--budget', 1))
    .option('--no-color', 'plain output')
    .option('--lang <lang>', 'language of the report and feedback: en or ko (default: course.config.json\'s "language", else en)', (v: string) => parseLang(v, '--lang'))
    .option('--verbose', 'every check with its feedback (input, expected, received, hint), not only the summary')
    .option('--no-typecheck', 'skip type-checking the exercise files (type errors are shown as feedback lines, never cost points)')
    .option('--out <dir>', `one folder: write ${RESULTS_FILE} (Gradescope's format) and ${FEEDBACK_FILE} there; with --batch: the class's results (default: <SUBMISSIONS>-grades)`)
    .option('--batch <submissions>', 'grade a class: a folder with one folder per student')
    .addOption(batchOnly('--jobs <n>', `students graded at once (default ${DEFAULT_JOBS})`).argParser(integerOption('--jobs', 1)))
    .addOption(batchOnly('--student-timeout <s>', `wall-clock limit per student, in seconds (default ${DEFAULT_STUDENT_TIMEOUT_S})`).argParser(integerOption('--student-timeout', 1)))
    .showHelpAfterError();
  return addGradebookOptions(command);
}

function fail(message: string): number {
  process.stderr.write(`grade: ${message}\n`);
  return 1;
}

function writeText(file: string, text: string): void {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${shownPath(target)}\n`);
}

function writeJson(file: string, value: unknown): void {
  writeText(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every sentence the one-folder run says, in English (each language's are its catalogue's `run`). `{…}` are filled in. */
export const TEXT = messages('en').run;

/** The line after the summary: what to do next (the encouraging one only when nothing was attempted). */
export function nextStep(report: GradeReport, again: string, lang?: Lang): string {
  const TEXT = messages(lang).run;
  if (report.score === report.maxScore) return fill(TEXT.allPass, { n: report.results.length, points: `${formatPoints(report.score)}/${formatPoints(report.maxScore)}` });
  if (report.score > 0) return fill(TEXT.somePass, { again });
  return fill(nothingAttempted(report) ? TEXT.notStarted : TEXT.startedNonePass, { again });
}

async function gradeFolder(options: Options, dirArgument: string | undefined, course: CourseConfig, lang: Lang): Promise<number> {
  const m = messages(lang);
  const TEXT = m.run;
  const dir = path.resolve(dirArgument ?? path.join(PROJECT_ROOT, 'exercises'));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return fail(m.cli.notAFolder(JSON.stringify(dir)));
  const graders = verifyGrading(PROJECT_ROOT);
  const maxScore = (): number => Object.values(course.exercises).reduce((s, e) => s + (e.points ?? 0), 0);
  if (!graders.ok && !graders.repository) {
    // The kit: a modified grader never produces a score.
    process.stderr.write(`grade: ${m.cli.refusing(graders.message)}\ngrade: ${m.cli.reinstall}\n`);
    if (options.json !== undefined) writeJson(options.json, gradescopeRefusal(m.cli.refused(graders.message), 0));
    return 1;
  }
  if (!graders.ok) {
    const lines = [TEXT.gradersModified, ...graders.modified.map((m) => `  ${cleanLine(m, 300)}`), TEXT.gradersRestore];
    process.stdout.write(`${TEXT.gradersModifiedHeading}\n${lines.join('\n')}\n\n`);
    if (options.classroom === true) {
      writeClassroomOutputs(classroomError(m.cli.modifiedHeading, lines.join('\n'), maxScore()), problemMarkdown(course.title, m.cli.modifiedHeading, lines));
      return 1;
    }
  }
  const report = await grade({
    dir, course, lang, hidden: options.hidden, only: options.only, seed: options.seed, budgetMs: options.budget, typecheck: options.typecheck,
    limits: options.timeout === undefined ? undefined : { callTimeoutMs: options.timeout },
  });
  const color = options.color && process.stdout.isTTY === true;
  const again = graders.repository ? 'npm test' : 'npm run grade';
  const verbose = options.verbose === true;
  const out = options.out === undefined ? undefined : path.resolve(options.out);
  const lines = [cleanLine(report.meta.title), '', fill(TEXT.grading, { dir: cleanLine(shownPath(dir), 500) }), ''];
  if (verbose) lines.push(report.toText({ color }), '');
  lines.push(briefText(report, { verbose }), '', graders.ok ? nextStep(report, again, lang) : TEXT.gradersModifiedAfter);
  if (!verbose && report.score < report.maxScore) {
    lines.push(out === undefined ? fill(TEXT.details, { again }) : fill(TEXT.detailsWritten, { again, file: shownPath(path.join(out, FEEDBACK_FILE)) }));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.json !== undefined) writeJson(options.json, report.toGradescope());
  if (out !== undefined) {
    writeJson(path.join(out, RESULTS_FILE), report.toGradescope());
    writeText(path.join(out, FEEDBACK_FILE), runFeedbackMarkdown(report, path.basename(dir), graders.ok ? [] : graders.modified));
  }
  if (options.classroom === true) {
    const written = writeClassroomOutputs(classroomResult(report), summaryMarkdown(report));
    process.stdout.write(written.length > 0 ? `${m.cli.reported(written.join(', '))}\n` : `${m.cli.notReported}\n`);
  }
  return 0;
}

async function gradeClass(options: Options, course: CourseConfig): Promise<number> {
  let gradebook: GradebookOptions;
  try {
    gradebook = readGradebookOptions(options);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const start = Date.now();
  const summary = await gradeBatch({
    submissions: options.batch!, root: PROJECT_ROOT, course, out: options.out, hidden: options.hidden, jobs: options.jobs, seed: options.seed,
    timeoutMs: options.timeout, budgetMs: options.budget, studentTimeoutMs: options.studentTimeout === undefined ? undefined : options.studentTimeout * 1000, gradebook,
    onStudent: (r: BatchRow) => {
      // Every string here is cleaned (student, detail): nothing a submission names reaches the terminal raw.
      const flag = r.status === 'ok' && r.detail.length === 0 ? '' : `  ${r.status}${r.detail.length > 0 ? `: ${r.detail.slice(0, 3).join(', ')}${r.detail.length > 3 ? ', …' : ''}` : ''}`;
      process.stdout.write(`${r.student}  ${formatPoints(r.score)}/${formatPoints(r.maxScore)}  (${seconds(r.ms)})${flag}\n`);
    },
  });
  process.stdout.write(`\ngraded ${summary.rows.length} submission(s) in ${seconds(Date.now() - start)}: one <student>.json each in ${shownPath(summary.out)}/\n`);
  const g = summary.gradebook;
  const flagged = g.flagged === undefined ? 'similarity report off' : `similarity.md: ${g.flagged.pairs} pair(s) and ${g.flagged.kit} kit match(es) flagged`;
  process.stdout.write(`gradebook: ${shownPath(g.dir)}/ (scores.csv, canvas.csv, moodle.csv, feedback/; ${flagged})\n`);
  if (g.roster !== undefined) {
    process.stdout.write(`roster: ${g.roster.matched.size} matched, ${g.roster.unmatchedFolders.length} folder(s) without a roster row, ${g.roster.unmatchedRoster.length} roster row(s) without a folder (see roster.md)\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const command = program();
  command.parse(argv);
  const options = command.opts<Options>();
  const batch = options.batch !== undefined;
  const batchFlags = [
    ['--jobs', options.jobs], ['--student-timeout', options.studentTimeout], ['--before', options.before], ['--extensions', options.extensions],
    ['--roster', options.roster], ['--similarity-threshold', options.similarityThreshold], ['--lms-assignment', options.lmsAssignment],
  ] as const;
  for (const [flag, given] of batchFlags) {
    if (!batch && given !== undefined) return fail(messages(options.lang).cli.batchOption(flag));
  }
  for (const [flag, given] of [['--json', options.json], ['--classroom', options.classroom], ['--only', options.only], ['--verbose', options.verbose], ['DIR', command.args[0]]] as const) {
    if (batch && given !== undefined) return fail(messages(options.lang).cli.notWithBatch(flag));
  }
  const course = readProjectConfig(PROJECT_ROOT, options.config === undefined ? undefined : path.resolve(options.config));
  const lang = options.lang ?? course.language ?? 'en';
  // In CI, what is printed quotes submissions (thrown messages, folder names): pause command
  // processing around all of it, with a token nothing printed can know.
  const guard = options.classroom === true || process.env.GITHUB_ACTIONS === 'true' ? stopCommands() : undefined;
  if (guard !== undefined) process.stdout.write(guard.stop);
  try {
    return await (batch ? gradeClass(options, course) : gradeFolder(options, command.args[0], course, lang));
  } finally {
    if (guard !== undefined) process.stdout.write(guard.resume);
  }
}

if (require.main === module) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${message.startsWith('grade:') ? message : `grade: ${message}`}\n`);
      process.exitCode = 1;
    },
  );
}
