/**
 * Grading a whole class (`npm run grade -- --batch SUBMISSIONS`): every folder in SUBMISSIONS is
 * one student's submission — a clone of the student repository (graded: its exercises/) or just
 * the exercise files. Students are graded in parallel, `jobs` at a time (default: 2, or 1 on a
 * single core), each with the kit's own graders (plus the hidden ones), never the copy in the
 * submission, in the course's points (the instructor's course.config.json, never the student's
 * copy). A repository whose graders or grading tool differ from every version the kit shipped
 * (shipped.ts: a grader fixed after the release is not a modification) is graded all the same and
 * flagged "graders modified".
 *
 * Writes one Gradescope results.json per student (`<out>/<student>.json`, with `extra_data`:
 * status, detail and problems) and the class's gradebook in `<out>/gradebook/`, whose `scores.csv`
 * is the one grade sheet (kit/gradebook/export/scores.ts). Default out: `<SUBMISSIONS>-grades`
 * next to SUBMISSIONS.
 *
 * Submissions are hostile: each student is graded in isolation (student.ts) with a wall-clock
 * limit, and whatever happens to one becomes that student's row with a reason; the gradebook is
 * always written, with a row for every student (one never graded: status `error`); every name and message is cleaned before it is printed or written (safe/text.ts), and
 * results files get safe, unique names (names.ts).
 *
 * The class's gradebook (kit/gradebook: deadlines on git repositories, roster, LMS imports, feedback
 * pages, the similarity report) is made alongside, in `<out>/gradebook/`, by a GradebookSession:
 * `prepare` picks the folder to grade, `record` takes the student's row, `write` ends the batch.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { CourseConfig } from '../config';
import { exerciseNames, listExercises, loadGrader } from '../course';
import { GRADING_FOLDERS } from '../integrity';
import { MANIFEST_RELATIVE_PATH, parseManifest, verifyManifest } from '../manifest';
import { gradescopeRefusal, gradescopeResults } from '../report/gradescope';
import type { GradeRun } from '../report/model';
import { kindOf } from '../safe/paths';
import { shippedVersions } from '../shipped';
import { cleanLine } from '../safe/text';
import { forEachLimited } from '../../shared/pool';
import { DEFAULT_GRADEBOOK_OPTIONS, type GradebookOptions } from '../../gradebook/options';
import { GradebookSession } from '../../gradebook/session';
import type { GradebookWritten } from '../../gradebook/write';
import { resultNames } from './names';
import { boundedJson, writeFileAtomic } from './output';
import { gradeStudent, StudentOutcome, StudentStatus } from './student';

/** Students graded at once by default: the machine has 2 cores, and each grading runs one sandbox. */
export const DEFAULT_JOBS = Math.max(1, Math.min(2, os.cpus().length));
/** Wall-clock limit per student by default, in seconds (a whole grading takes seconds; the per-file limits add up to less). */
export const DEFAULT_STUDENT_TIMEOUT_S = 600;
/** Most entries of SUBMISSIONS looked at. */
const MAX_STUDENTS = 10_000;

export interface BatchOptions {
  submissions: string;
  /** The kit whose graders grade the class. */
  root: string;
  /** The course's points and due texts. */
  course: CourseConfig;
  out?: string;
  hidden?: boolean;
  jobs?: number;
  seed?: number;
  timeoutMs?: number;
  budgetMs?: number;
  /** Wall-clock limit per student, in ms (default DEFAULT_STUDENT_TIMEOUT_S). */
  studentTimeoutMs?: number;
  /** Called as each student finishes. */
  onStudent?: (row: BatchRow) => void;
  /** Deadlines, roster, similarity threshold, LMS column (kit/gradebook; default: none, default threshold). */
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
  /** The student's run in the course's points; null when nothing was graded. */
  run: GradeRun | null;
  score: number;
  maxScore: number;
  ms: number;
  resultsFile: string;
}

export interface BatchSummary {
  rows: BatchRow[];
  /** The text of `<out>/gradebook/scores.csv`. */
  csv: string;
  out: string;
  exercises: string[];
  /** The gradebook folder (`<out>/gradebook`) and what was written there. */
  gradebook: GradebookWritten;
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

/** Why a SUBMISSIONS folder with no student folder cannot be graded (e.g. an LMS's flat download of files). */
function noStudents(submissions: string): string {
  const loose = fs.readdirSync(submissions).filter((n) => !n.startsWith('.') && /\.(ts|zip)$/i.test(n));
  const why = loose.length === 0 ? 'it holds no student folder' : `it holds ${loose.length} file(s) such as ${JSON.stringify(cleanLine(loose[0], 80))} but no student folder (a flat download, as Canvas's "Download Submissions" gives)`;
  return `grade: --batch needs one folder per student in ${JSON.stringify(cleanLine(submissions, 300))}, and ${why}: put each student's files (or their repository) in a folder named after them`;
}

function failed(status: StudentStatus, why: string): StudentOutcome {
  return { status, detail: [cleanLine(why, 300)], problems: [], run: null };
}

/** The points of each exercise: its course points (or its graders' weights, when the course sets none). */
function coursePoints(course: CourseConfig, root: string, hidden: boolean): Record<string, number> {
  const weight = (file: string | undefined): number => (file === undefined ? 0 : loadGrader(file).checks.reduce((s, c) => s + c.points, 0));
  return Object.fromEntries(listExercises(root).map((e) => [e.name, course.exercises[e.name]?.points ?? weight(e.grader) + (hidden ? weight(e.hidden) : 0)]));
}

export async function gradeBatch(options: BatchOptions): Promise<BatchSummary> {
  const submissions = path.resolve(options.submissions);
  if (!fs.existsSync(submissions) || !fs.statSync(submissions).isDirectory()) {
    throw new RangeError(`grade: --batch must be a folder with one folder per student, received ${JSON.stringify(options.submissions)}`);
  }
  const kit = verifyManifest(options.root);
  if (!kit.ok) throw new Error(`grade: refusing to grade the class: the kit's own ${kit.message}`);
  const manifest = parseManifest(fs.readFileSync(path.join(options.root, MANIFEST_RELATIVE_PATH), 'utf8'))!;
  const expected = { files: manifest.files, protected: GRADING_FOLDERS };
  const shipped = shippedVersions(options.root, manifest.files);
  const out = path.resolve(options.out ?? `${submissions}-grades`);
  const exercises = exerciseNames(options.root);
  const students = listStudents(submissions, out);
  if (students.length === 0) throw new RangeError(noStudents(submissions));
  const names = resultNames(students.map((s) => s.name));
  fs.mkdirSync(out, { recursive: true });
  const rows = new Map<string, BatchRow>();
  const wallMs = options.studentTimeoutMs ?? DEFAULT_STUDENT_TIMEOUT_S * 1000;
  const possible = coursePoints(options.course, options.root, options.hidden === true);
  const maxPoints = Object.values(possible).reduce((s, p) => s + p, 0);
  const book = new GradebookSession(options.gradebook ?? DEFAULT_GRADEBOOK_OPTIONS, { title: options.course.title, points: possible, root: options.root, hidden: options.hidden === true, seed: options.seed });
  const gradeOne = async (entry: { name: string; refused?: string }): Promise<void> => {
    const start = Date.now();
    const { stem, note } = names.get(entry.name)!;
    const display = cleanLine(entry.name, 200);
    let outcome: StudentOutcome;
    // With --before: the student's commit at the deadline, copied out (or why it cannot be graded).
    const at = entry.refused === undefined ? book.prepare(path.join(submissions, entry.name), entry.name) : { refused: entry.refused, notes: [], cleanup: () => undefined };
    try {
      outcome =
        at.refused !== undefined
          ? failed('refused', at.refused)
          : await gradeStudent(at.folder!, {
              root: options.root, hidden: options.hidden, seed: options.seed, timeoutMs: options.timeoutMs, budgetMs: options.budgetMs, wallMs, course: options.course, expected, shipped,
            });
    } catch (error) {
      outcome = failed('error', `grading failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { run } = outcome;
    const row: BatchRow = {
      student: display,
      status: outcome.status,
      detail: note === undefined ? outcome.detail : [...outcome.detail, note],
      problems: outcome.problems,
      run,
      score: run?.score ?? 0,
      maxScore: run?.maxScore || maxPoints,
      ms: 0,
      resultsFile: path.join(out, `${stem}.json`),
    };
    const extra = { student: display, status: row.status, detail: row.detail, problems: row.problems };
    const json = run === null ? gradescopeRefusal(`not graded: ${row.detail.join('; ')}`, maxPoints, extra) : gradescopeResults(run, extra);
    try {
      writeFileAtomic(out, `${stem}.json`, boundedJson(json));
    } catch (error) {
      row.status = 'error';
      row.detail.push(cleanLine(`could not write ${stem}.json: ${error instanceof Error ? error.message : String(error)}`, 300));
    }
    row.ms = Date.now() - start;
    book.record(entry.name, row, at);
    rows.set(entry.name, row);
    options.onStudent?.(row);
  };
  let gradebook: GradebookWritten;
  try {
    await forEachLimited(students, options.jobs ?? DEFAULT_JOBS, gradeOne);
  } finally {
    // Whatever happened, the gradebook is written, with a row for every student (one without a row was not graded).
    for (const s of students) {
      if (rows.has(s.name)) continue;
      const row: BatchRow = {
        student: cleanLine(s.name, 200), status: 'error', detail: ['not graded: the batch stopped before this student'], problems: [], run: null,
        score: 0, maxScore: maxPoints, ms: 0, resultsFile: '',
      };
      book.record(s.name, row, { notes: [], cleanup: () => undefined });
    }
    gradebook = book.write(path.join(out, 'gradebook'), students.map((s) => s.name));
  }
  const ordered = students.map((s) => rows.get(s.name) as BatchRow);
  return { rows: ordered, csv: fs.readFileSync(path.join(gradebook.dir, 'scores.csv'), 'utf8'), out, exercises, gradebook };
}
