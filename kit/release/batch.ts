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
 * status and modified files) and `<out>/scores.csv` (student, status, one column per exercise,
 * total, max). Default out: `<SUBMISSIONS>-grades` next to SUBMISSIONS. Exit 0 when grading ran.
 */
import { Command, InvalidArgumentError } from 'commander';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { grade } from '../grade/engine';
import { COURSE_CONFIG_FILE, CourseConfig } from './course/course';
import { checkIntegrity, Checksums, CHECKSUMS_FILE } from './course/integrity';
import { scaleReport, ScaledReport, toGradescope } from './course/scale';
import { formatPoints } from './course/table';
import { buildReleaseTree, KIT_ROOT } from './tree';

/** Students graded at once by default: the machine has 2 cores, and each grading runs one sandbox. */
export const DEFAULT_JOBS = Math.max(1, Math.min(2, os.cpus().length));

export interface BatchOptions {
  submissions: string;
  out?: string;
  hidden?: string;
  jobs?: number;
  config?: string;
  seed?: number;
  timeoutMs?: number;
  budgetMs?: number;
  /** Called as each student finishes. */
  onStudent?: (row: BatchRow) => void;
}

export interface BatchRow {
  student: string;
  status: 'ok' | 'graders modified' | 'no exercises' | 'error';
  detail: string[];
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
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The folder with a submission's exercise files: its exercises/, or itself when it holds .ts files. */
export function exercisesOf(folder: string): string | null {
  const nested = path.join(folder, 'exercises');
  if (fs.existsSync(nested) && fs.statSync(nested).isDirectory()) return nested;
  return fs.readdirSync(folder).some((f) => f.endsWith('.ts')) ? folder : null;
}

/** Does a submission carry the repository's tooling (then it is checked against the release)? */
function isRepository(folder: string): boolean {
  return ['package.json', 'test', 'kit', '.github'].some((f) => fs.existsSync(path.join(folder, f)));
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
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
  const students = fs
    .readdirSync(submissions, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  fs.mkdirSync(out, { recursive: true });
  const rows = new Map<string, BatchRow>();
  await pool(students, options.jobs ?? DEFAULT_JOBS, async (student) => {
    const start = Date.now();
    const folder = path.join(submissions, student);
    const resultsFile = path.join(out, `${safeName(student)}.json`);
    const row: BatchRow = { student, status: 'ok', detail: [], scores: {}, score: 0, maxScore: 0, ms: 0, resultsFile };
    const dir = exercisesOf(folder);
    if (isRepository(folder)) {
      row.detail = checkIntegrity(folder, expected);
      if (row.detail.length > 0) row.status = 'graders modified';
    }
    let scaled: ScaledReport | null = null;
    try {
      const report = await grade({
        dir: dir ?? path.join(folder, 'exercises'),
        hidden: options.hidden,
        seed: options.seed,
        limits: options.timeoutMs === undefined ? undefined : { callTimeoutMs: options.timeoutMs },
        budgetMs: options.budgetMs,
        concurrency: 1,
      });
      scaled = scaleReport(report, course);
      if (dir === null) {
        row.status = 'no exercises';
        row.detail = [`no exercises/ folder and no .ts file in ${folder}`];
      }
    } catch (error) {
      row.status = 'error';
      row.detail = [error instanceof Error ? error.message : String(error)];
    }
    if (scaled !== null) {
      for (const e of scaled.exercises) row.scores[e.exercise] = e.score;
      row.score = scaled.score;
      row.maxScore = scaled.maxScore;
    }
    const extra = { student, status: row.status, detail: row.detail };
    const json = scaled === null ? { score: 0, output: `not graded: ${row.detail.join('; ')}`, extra_data: extra } : toGradescope(scaled, extra);
    fs.writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
    row.ms = Date.now() - start;
    rows.set(student, row);
    options.onStudent?.(row);
  });
  const ordered = students.map((s) => rows.get(s) as BatchRow);
  const max = ordered.find((r) => r.maxScore > 0)?.maxScore ?? Object.values(tree.points).reduce((s, p) => s + p, 0);
  const lines = [['student', 'status', ...exercises, 'total', 'max'].map(csvField).join(',')];
  for (const r of ordered) {
    lines.push([r.student, r.status, ...exercises.map((e) => formatPoints(r.scores[e] ?? 0)), formatPoints(r.score), formatPoints(max)].map(csvField).join(','));
  }
  const csv = `${lines.join('\n')}\n`;
  fs.writeFileSync(path.join(out, 'scores.csv'), csv);
  return { rows: ordered, csv, out, exercises };
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
    .showHelpAfterError();
  program.parse(argv);
  const o = program.opts<{ batch: string; hidden?: string; out?: string; jobs?: number; config?: string; seed?: number; timeout?: number; budget?: number }>();
  if (o.hidden !== undefined && !fs.existsSync(o.hidden)) {
    process.stderr.write(`grade: --hidden must be a folder of graders, received ${JSON.stringify(o.hidden)}\n`);
    return 1;
  }
  const start = Date.now();
  const summary = await gradeBatch({
    submissions: o.batch,
    out: o.out,
    hidden: o.hidden === undefined ? undefined : path.resolve(o.hidden),
    jobs: o.jobs,
    config: o.config === undefined ? path.join(KIT_ROOT, COURSE_CONFIG_FILE) : path.resolve(o.config),
    seed: o.seed,
    timeoutMs: o.timeout,
    budgetMs: o.budget,
    onStudent: (r) => {
      const flag = r.status === 'ok' ? '' : `  ${r.status}${r.detail.length > 0 ? `: ${r.detail.slice(0, 3).join(', ')}${r.detail.length > 3 ? ', …' : ''}` : ''}`;
      process.stdout.write(`${r.student}  ${formatPoints(r.score)}/${formatPoints(r.maxScore)}  (${(r.ms / 1000).toFixed(1)} s)${flag}\n`);
    },
  });
  const shown = path.relative(process.cwd(), summary.out);
  process.stdout.write(
    `\ngraded ${summary.rows.length} submission(s) in ${((Date.now() - start) / 1000).toFixed(1)} s: ` +
      `${shown.startsWith('..') ? summary.out : shown}/scores.csv and one <student>.json each\n`,
  );
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
