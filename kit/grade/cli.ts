/**
 * npm run grade -- [DIR] [--json FILE] [--hidden DIR] [--only NAMES] [--seed N]
 *
 * Grades the exercise files in DIR (default exercises/), prints a table (exercise, test, points,
 * feedback) and, with --json, writes Gradescope's results.json. Exits 0 whenever grading ran,
 * whatever the score; 1 when it could not run (e.g. DIR does not exist) or when the graders differ
 * from the checksum manifest (kit/grade/manifest.json): then it refuses to grade ("graders
 * modified: …") and results.json, if asked for, scores 0 with that message.
 */
import { Command, InvalidArgumentError } from 'commander';
import fs from 'fs';
import path from 'path';
import { grade } from './engine';
import { MANIFEST_PATH, verifyManifest } from './manifest';
import { cleanLine, stopCommands } from './safe/text';
import { DEFAULT_EXERCISES_DIR, DEFAULT_SEED, PROJECT_ROOT } from './paths';
import type { GradescopeResults } from './report';

function integer(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be an integer >= ${min}, received ${JSON.stringify(value)}`);
    }
    return n;
  };
}

interface CliOptions {
  json?: string;
  hidden?: string;
  only?: string;
  seed: number;
  timeout?: number;
  budget?: number;
  color: boolean;
}

function writeResults(file: string, results: GradescopeResults): void {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
  const shown = path.relative(process.cwd(), target);
  process.stdout.write(`\nwrote ${shown.startsWith('..') ? target : shown}\n`);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--batch')) return (require(path.join(__dirname, '..', 'release', 'batch')) as { batchMain(a: string[]): Promise<number> }).batchMain(argv); // instructor only (kit/release/batch.ts, not shipped)
  const program = new Command()
    .name('grade')
    .description('Grade the exercise files in DIR with the graders in test/graders/.')
    .argument('[dir]', 'folder with the exercise files', DEFAULT_EXERCISES_DIR)
    .option('--json <file>', "write Gradescope's results.json to FILE")
    .option('--hidden <dir>', 'also run the hidden graders in DIR (e.g. test/hidden)')
    .option('--only <names>', 'grade only these exercises, comma-separated (e.g. mse,autograd)')
    .option('--seed <n>', 'seed of randomized cases', integer('--seed', 0), DEFAULT_SEED)
    .option('--timeout <ms>', 'time limit of one call, in ms', integer('--timeout', 1))
    .option('--budget <ms>', 'time budget of one exercise file, in ms', integer('--budget', 1))
    .option('--no-color', 'plain output')
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<CliOptions>();
  const graders = verifyManifest(PROJECT_ROOT, MANIFEST_PATH);
  if (!graders.ok) {
    process.stderr.write(`grade: refusing to grade: ${graders.message}\n`);
    process.stderr.write('grade: reinstall the kit, or run `npm run manifest` if you changed the graders on purpose\n');
    if (options.json !== undefined) {
      writeResults(options.json, {
        score: 0, max_score: 0, execution_time: 0, output: `refused to grade: ${graders.message}`, stdout_visibility: 'hidden', tests: [],
      });
    }
    return 1;
  }
  const dir = path.resolve(program.args[0] ?? DEFAULT_EXERCISES_DIR);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write(`grade: DIR must be a folder with exercise files, received ${JSON.stringify(dir)}\n`);
    return 1;
  }
  if (options.hidden !== undefined && !fs.existsSync(options.hidden)) {
    process.stderr.write(`grade: --hidden must be a folder of graders, received ${JSON.stringify(options.hidden)}\n`);
    return 1;
  }
  const report = await grade({
    dir,
    hidden: options.hidden,
    only: options.only?.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    seed: options.seed,
    limits: options.timeout === undefined ? undefined : { callTimeoutMs: options.timeout },
    budgetMs: options.budget,
  });
  const shownDir = path.relative(process.cwd(), dir);
  // In CI, the table (which quotes the submission) is printed with workflow commands paused.
  const guard = process.env.GITHUB_ACTIONS === 'true' ? stopCommands() : undefined;
  process.stdout.write(`${guard?.stop ?? ''}Grading ${cleanLine(shownDir === '' ? '.' : shownDir.startsWith('..') ? dir : shownDir, 500)}\n\n`);
  process.stdout.write(`${report.toText({ color: options.color && process.stdout.isTTY === true })}\n${guard?.resume ?? ''}`);
  if (options.json !== undefined) writeResults(options.json, report.toGradescope());
  return 0;
}

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
