/**
 * npm run grade -- --batch SUBMISSIONS [--hidden DIR] [--out DIR] [--jobs N] [--config FILE] [--seed N]
 *
 * Grades a whole class: every folder in SUBMISSIONS is one student's submission — a clone of the
 * student repository (graded: its exercises/) or just the exercise files. Students are graded in
 * parallel, `--jobs` at a time (default: 2, or 1 on a single core), each with the kit's own graders
 * (plus the hidden ones with --hidden), never the copy in the submission, and rescaled to the
 * course's points. A submission whose graders, grading tools or workflow differ from this kit's
 * release is graded all the same and flagged "graders modified".
 *
 * Writes one Gradescope results.json per student (`<out>/<student>.json`, with `extra_data`:
 * status, detail and problems) and `<out>/scores.csv` (student, status, one column per exercise,
 * total, max). Default out: `<SUBMISSIONS>-grades` next to SUBMISSIONS. Exit 0 when grading ran.
 *
 * Submissions are hostile: each student is graded in isolation (batch/student.ts) with a
 * wall-clock limit, and whatever happens to one becomes that student's row with a reason; the
 * sheet is always written; every name and message is cleaned before it is printed or written
 * (safe/text.ts), and results files get safe, unique names (batch/names.ts).
 */
import { Command, InvalidArgumentError } from 'commander';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { cleanLine, stopCommands } from '../grade/safe/text';
import { kindOf } from '../grade/safe/paths';
import { resultNames } from './batch/names';
import { boundedJson, csvText, writeFileAtomic } from './batch/output';
import { gradeStudent, StudentOutcome, StudentStatus } from './batch/student';
import { COURSE_CONFIG_FILE, CourseConfig } from './course/course';
import { Checksums, CHECKSUMS_FILE } from './course/integrity';
import { toGradescope } from './course/scale';
import { formatPoints } from './course/table';
import { buildReleaseTree, KIT_ROOT } from './tree';
import { addGradebookOptions, DEFAULT_GRADEBOOK_OPTIONS, GradebookOptions, readGradebookOptions } from '../gradebook/options';
import { GradebookSession } from '../gradebook/session';

/** Students graded at once by default: the machine has 2 cores, and each grading runs one sandbox. */
export const DEFAULT_JOBS = Math.max(1, Math.min(2, os.cpus().length));
/** Wall-clock limit per student by default, in seconds (a whole grading takes seconds; the per-file limits add up to less). */
export const DEFAULT_STUDENT_TIMEOUT_S = 600;
/** Most entries of SUBMISSIONS looked at. */
const MAX_STUDENTS = 10_000;

export interface BatchOptions {
  submissions: string;
  out?: string;
  hidden?: string;
  jobs?: number;
  config?: string;
  seed?: number;
  timeoutMs?: number;
  budgetMs?: number;
  /** Wall-clock limit per student, in ms (default DEFAULT_STUDENT_TIMEOUT_S). */
  studentTimeoutMs?: number;
  /** Called as each student finishes. */
  onStudent?: (row: BatchRow) => void;
  /** Deadlines, roster, similarity threshold (kit/gradebook; default: none, default threshold). */
  gradebook?: GradebookOptions;
}

export interface BatchRow {
  /** The student's folder name, cleaned for printing. */
  student: string;
  status: StudentStatus;
  /** Why the status is not 'ok' (one line each). */
  detail: string[];
  /** The first problem of each exercise file that lost points to one. */
  problems: string[];
  scores: Record<string, number>;
  score: number;
  maxScore: number;
  ms: number;
  resultsFile: string;
}

export interface BatchSummary {
  rows: BatchRow[];
  csv: string;
  out: string;
  exercises: string[];
  /** The gradebook folder (`<out>/gradebook`) and its files. */
  gradebook: ReturnType<GradebookSession['write']>;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}

/** The entries of SUBMISSIONS that are students: folders, and links or special files (refused), not hidden ones. */
function listStudents(submissions: string, out: string): Array<{ name: string; refused?: string }> {
  const students: Array<{ name: string; refused?: string }> = [];
  const dir = fs.opendirSync(submissions);
  try {
    for (let e = dir.readSync(); e !== null && students.length < MAX_STUDENTS; e = dir.readSync()) {
      if (e.name.startsWith('.') || path.join(submissions, e.name) === out) continue;
      if (e.isDirectory()) students.push({ name: e.name });
      else if (!e.isFile()) students.push({ name: e.name, refused: `the submission is ${kindOf(e)}${e.isSymbolicLink() ? '; submit real files' : ', not a folder'}` });
    }
  } finally {
    dir.closeSync();
  }
  return students.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function failed(status: StudentStatus, why: string): StudentOutcome {
  return { status, detail: [cleanLine(why, 300)], problems: [], scaled: null };
}

export async function gradeBatch(options: BatchOptions): Promise<BatchSummary> {
  const submissions = path.resolve(options.submissions);
  if (!fs.existsSync(submissions) || !fs.statSync(submissions).isDirectory()) {
    throw new RangeError(`grade: --batch must be a folder with one folder per student, received ${JSON.stringify(options.submissions)}`);
  }
  const out = path.resolve(options.out ?? `${submissions}-grades`);
  const tree = buildReleaseTree({ config: options.config });
  const course: CourseConfig = tree.course;
  const exercises = Object.keys(tree.points);
  const expected = JSON.parse((tree.files.get(CHECKSUMS_FILE) as Buffer).toString('utf8')) as Checksums;
  const students = listStudents(submissions, out);
  const names = resultNames(students.map((s) => s.name));
  fs.mkdirSync(out, { recursive: true });
  const rows = new Map<string, BatchRow>();
  const wallMs = options.studentTimeoutMs ?? DEFAULT_STUDENT_TIMEOUT_S * 1000;
  const maxPoints = Object.values(tree.points).reduce((s, p) => s + p, 0);
  const book = new GradebookSession(options.gradebook ?? DEFAULT_GRADEBOOK_OPTIONS, { title: course.title, points: tree.points, files: tree.files, hiddenDir: options.hidden, seed: options.seed });
  const gradeOne = async (entry: { name: string; refused?: string }): Promise<void> => {
    const start = Date.now();
    const { stem, note } = names.get(entry.name)!;
    const display = cleanLine(entry.name, 200);
    let outcome: StudentOutcome;
    const at = entry.refused === undefined ? book.prepare(path.join(submissions, entry.name), entry.name) : undefined;
    try {
      outcome =
        entry.refused !== undefined || at?.refused !== undefined
          ? failed('refused', (entry.refused ?? at?.refused) as string)
          : await gradeStudent(at?.folder as string, {
              hidden: options.hidden, seed: options.seed, timeoutMs: options.timeoutMs, budgetMs: options.budgetMs, wallMs, course, expected,
            });
    } catch (error) {
      outcome = failed('error', `grading failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const scaled = outcome.scaled;
    const row: BatchRow = {
      student: display,
      status: outcome.status,
      detail: note === undefined ? outcome.detail : [...outcome.detail, note],
      problems: outcome.problems,
      scores: {},
      score: scaled?.score ?? 0,
      maxScore: scaled?.maxScore ?? maxPoints,
      ms: 0,
      resultsFile: path.join(out, `${stem}.json`),
    };
    for (const e of scaled?.exercises ?? []) row.scores[e.exercise] = e.score;
    const extra = { student: display, status: row.status, detail: row.detail, problems: row.problems };
    const json = scaled === null ? { score: 0, max_score: maxPoints, output: `not graded: ${row.detail.join('; ')}`, tests: [], extra_data: extra } : toGradescope(scaled, extra);
    try {
      writeFileAtomic(out, `${stem}.json`, boundedJson(json));
    } catch (error) {
      row.status = 'error';
      row.detail.push(cleanLine(`could not write ${stem}.json: ${error instanceof Error ? error.message : String(error)}`, 300));
    }
    row.ms = Date.now() - start;
    book.record(entry.name, row, at ?? { notes: [], cleanup: () => undefined });
    rows.set(entry.name, row);
    options.onStudent?.(row);
  };
  try {
    await pool(students, options.jobs ?? DEFAULT_JOBS, gradeOne);
  } finally {
    // Whatever happened, the grade sheet is written (a student without a row was not graded).
    const lines: Array<Array<string | number>> = [['student', 'status', ...exercises, 'total', 'max']];
    for (const s of students) {
      const r = rows.get(s.name);
      const status = r?.status ?? 'error';
      lines.push([cleanLine(s.name, 200), status, ...exercises.map((e) => formatPoints(r?.scores[e] ?? 0)), formatPoints(r?.score ?? 0), formatPoints(r?.maxScore || maxPoints)]);
    }
    writeFileAtomic(out, 'scores.csv', csvText(lines));
  }
  const ordered = students.map((s) => rows.get(s.name) as BatchRow);
  const gradebook = book.write(path.join(out, 'gradebook'), students.map((s) => s.name));
  return { rows: ordered, csv: fs.readFileSync(path.join(out, 'scores.csv'), 'utf8'), out, exercises, gradebook };
}

function integer(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}, received ${JSON.stringify(value)}`);
    return n;
  };
}

/** The command line (argv as in process.argv). Resolves to the exit code. */
export async function batchMain(argv: string[]): Promise<number> {
  const program = new Command()
    .name('grade --batch')
    .description('Grade every student folder in SUBMISSIONS with the kit\'s graders.')
    .requiredOption('--batch <submissions>', 'folder with one folder per student')
    .option('--hidden <dir>', 'also run the hidden graders in DIR (e.g. test/hidden)')
    .option('--out <dir>', 'where to write <student>.json and scores.csv (default: <SUBMISSIONS>-grades)')
    .option('--jobs <n>', `students graded at once (default ${DEFAULT_JOBS})`, integer('--jobs', 1))
    .option('--config <file>', `points and due dates (default: ${COURSE_CONFIG_FILE} in the kit)`)
    .option('--seed <n>', 'seed of randomized cases', integer('--seed', 0))
    .option('--timeout <ms>', 'time limit of one call, in ms', integer('--timeout', 1))
    .option('--budget <ms>', 'time budget of one exercise file, in ms', integer('--budget', 1))
    .option('--student-timeout <s>', `wall-clock limit per student, in seconds (default ${DEFAULT_STUDENT_TIMEOUT_S})`, integer('--student-timeout', 1))
    .showHelpAfterError();
  addGradebookOptions(program);
  program.parse(argv);
  const o = program.opts<{ batch: string; hidden?: string; out?: string; jobs?: number; config?: string; seed?: number; timeout?: number; budget?: number; studentTimeout?: number }>();
  if (o.hidden !== undefined && !fs.existsSync(o.hidden)) {
    process.stderr.write(`grade: --hidden must be a folder of graders, received ${JSON.stringify(o.hidden)}\n`);
    return 1;
  }
  const gradebook = readGradebookOptions(program.opts());
  const start = Date.now();
  // In CI, student names and messages are printed with workflow commands paused.
  const guard = process.env.GITHUB_ACTIONS === 'true' ? stopCommands() : undefined;
  if (guard !== undefined) process.stdout.write(guard.stop);
  let summary: BatchSummary;
  try {
    summary = await gradeBatch({
      submissions: o.batch,
      out: o.out,
      hidden: o.hidden === undefined ? undefined : path.resolve(o.hidden),
      jobs: o.jobs,
      config: o.config === undefined ? path.join(KIT_ROOT, COURSE_CONFIG_FILE) : path.resolve(o.config),
      seed: o.seed,
      timeoutMs: o.timeout,
      budgetMs: o.budget,
      studentTimeoutMs: o.studentTimeout === undefined ? undefined : o.studentTimeout * 1000,
      gradebook,
      onStudent: (r) => {
        // Every string here is cleaned (student, detail): nothing a submission names reaches the terminal raw.
        const flag = r.status === 'ok' && r.detail.length === 0 ? '' : `  ${r.status}${r.detail.length > 0 ? `: ${r.detail.slice(0, 3).join(', ')}${r.detail.length > 3 ? ', …' : ''}` : ''}`;
        process.stdout.write(`${r.student}  ${formatPoints(r.score)}/${formatPoints(r.maxScore)}  (${(r.ms / 1000).toFixed(1)} s)${flag}\n`);
      },
    });
  } finally {
    if (guard !== undefined) process.stdout.write(guard.resume);
  }
  const shown = path.relative(process.cwd(), summary.out);
  process.stdout.write(
    `\ngraded ${summary.rows.length} submission(s) in ${((Date.now() - start) / 1000).toFixed(1)} s: ` +
      `${shown.startsWith('..') ? summary.out : shown}/scores.csv and one <student>.json each\n`,
  );
  const g = summary.gradebook;
  const flagged = g.flagged === undefined ? 'similarity report off' : `similarity.md: ${g.flagged.pairs} pair(s) and ${g.flagged.kit} kit match(es) flagged`;
  const shownBook = path.relative(process.cwd(), g.dir);
  process.stdout.write(`gradebook: ${shownBook.startsWith('..') ? g.dir : shownBook}/ (scores.csv, canvas.csv, moodle.csv, feedback/; ${flagged})\n`);
  if (g.roster !== undefined) {
    process.stdout.write(`roster: ${g.roster.matched.size} matched, ${g.roster.unmatchedFolders.length} folder(s) without a roster row, ${g.roster.unmatchedRoster.length} roster row(s) without a folder (see roster.md)\n`);
  }
  return 0;
}

if (require.main === module) {
  batchMain(process.argv).then(
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
