/**
 * `npm test` / `npm run grade -- [DIR] [--json FILE] [--only NAMES] [--seed N] [--classroom]` in a
 * student repository: grades exercises/ (or DIR) with the graders in test/graders/, rescaled to
 * the course's points (course.json), under a header with each exercise's points and due text.
 * First checks that the graders are the ones the course shipped (kit/course/checksums.json).
 *
 * --classroom (the CI workflow): also writes GitHub Classroom's result and the job summary; when
 * the graders were modified, reports "graders modified" with no points and exits 1. In CI, workflow
 * commands are paused while it prints (`::stop-commands::<random token>`), so no thrown message
 * can set an output or mask the log.
 * Exits 0 whenever grading ran, whatever the score.
 */
import { Command, InvalidArgumentError } from 'commander';
import fs from 'fs';
import path from 'path';
import { grade, knownExercises } from '../../grade/engine';
import { stopCommands } from '../../grade/safe/text';
import { classroomError, classroomResult, problemMarkdown, writeClassroomOutputs } from './classroom';
import { CourseConfig, DEFAULT_TITLE, readCourseConfig, STUDENT_COURSE_FILE } from './course';
import { findRoot, verifyRepository } from './integrity';
import { scaleReport, toGradescope } from './scale';
import { formatPoints, headerText, tableMarkdown, tableText } from './table';

interface Options {
  json?: string;
  only?: string;
  seed?: number;
  timeout?: number;
  budget?: number;
  color: boolean;
  classroom?: boolean;
}

function integer(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be an integer >= 0, received ${JSON.stringify(value)}`);
    return n;
  };
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
}

/** course.json as shipped, read without the graders (which may be the modified part). */
function readShippedCourse(root: string): CourseConfig {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(root, STUDENT_COURSE_FILE), 'utf8')) as Partial<CourseConfig>;
    return { title: typeof raw.title === 'string' ? raw.title : DEFAULT_TITLE, exercises: raw.exercises ?? {} };
  } catch {
    return { title: DEFAULT_TITLE, exercises: {} };
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('grade')
    .description('Grade your exercise files (exercises/ by default) with the course graders.')
    .argument('[dir]', 'folder with the exercise files', 'exercises')
    .option('--json <file>', "also write Gradescope's results.json to FILE")
    .option('--only <names>', 'grade only these exercises, comma-separated (e.g. mse,autograd)')
    .option('--seed <n>', 'seed of randomized cases', integer('--seed'))
    .option('--timeout <ms>', 'time limit of one call, in ms', integer('--timeout'))
    .option('--budget <ms>', 'time budget of one exercise file, in ms', integer('--budget'))
    .option('--classroom', 'CI: report to GitHub Classroom ($GITHUB_OUTPUT) and the job summary')
    .option('--no-color', 'plain output')
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<Options>();
  // In CI, what the table quotes (the student's thrown messages) must not command the runner: pause
  // command processing around everything printed, with a token nothing printed can know.
  const guard = options.classroom === true || process.env.GITHUB_ACTIONS === 'true' ? stopCommands() : undefined;
  if (guard !== undefined) process.stdout.write(guard.stop);
  try {
    return await gradeAndReport(options, program.args[0]);
  } finally {
    if (guard !== undefined) process.stdout.write(guard.resume);
  }
}

async function gradeAndReport(options: Options, dirArgument: string | undefined): Promise<number> {
  const root = findRoot();
  const dir = path.resolve(dirArgument ?? path.join(root, 'exercises'));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write(`grade: DIR must be a folder with exercise files, received ${JSON.stringify(dir)}\n`);
    return 1;
  }
  const modified = verifyRepository(root);
  if (modified.length > 0) {
    const lines = [
      'The graders, the grading tools or the workflow differ from the ones the course shipped:',
      ...modified.map((m) => `  ${m}`),
      'Restore them (e.g. `git checkout <first commit> -- test kit .github package.json course.json`).',
    ];
    process.stdout.write(`graders modified — this run counts for no points\n${lines.join('\n')}\n\n`);
    if (options.classroom === true) {
      const shipped = readShippedCourse(root);
      const maxScore = Object.values(shipped.exercises).reduce((s, e) => s + (e.points ?? 0), 0);
      writeClassroomOutputs(classroomError('graders modified', lines.join('\n'), maxScore), problemMarkdown(shipped.title, 'graders modified', lines));
      return 1;
    }
  }
  const course = readCourseConfig(path.join(root, STUDENT_COURSE_FILE), knownExercises());
  const report = scaleReport(
    await grade({
      dir,
      only: options.only?.split(',').map((s) => s.trim()).filter((s) => s !== ''),
      seed: options.seed,
      limits: options.timeout === undefined ? undefined : { callTimeoutMs: options.timeout },
      budgetMs: options.budget,
    }),
    course,
  );
  const color = options.color && process.stdout.isTTY === true;
  process.stdout.write(`${headerText(report)}\n\nGrading ${shown(dir)}\n\n${tableText(report, { color })}\n\n`);
  if (modified.length > 0) {
    process.stdout.write('graders modified: the score above does not count until the graders are restored.\n');
  } else if (report.score === 0) {
    process.stdout.write('Nothing passes yet: that is where everyone starts. Open a chapter (npm run lab), fill in the\nmatching exercises/*.ts (replace each TODO), and run npm test again.\n');
  } else if (report.score === report.maxScore) {
    process.stdout.write(`All ${report.results.length} checks pass: ${formatPoints(report.score)}/${formatPoints(report.maxScore)} points. Commit and push to submit.\n`);
  } else {
    process.stdout.write('Read the feedback of the failing checks above, fix, and run npm test again. Commit and push to submit.\n');
  }
  if (options.json !== undefined) {
    const file = path.resolve(options.json);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(toGradescope(report), null, 2)}\n`);
    process.stdout.write(`wrote ${shown(file)}\n`);
  }
  if (options.classroom === true) {
    const written = writeClassroomOutputs(classroomResult(report), tableMarkdown(report));
    process.stdout.write(written.length > 0 ? `reported to ${written.join(', ')}\n` : 'GITHUB_OUTPUT is not set: nothing reported\n');
  }
  return 0;
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
