/** The command-line options `npm run book` and `npm start` share, and the failure report. */
import { Command, Option } from 'commander';
import { NotebookError } from '../notebooks/run';
import type { BookOptions, BookResult } from './build';
import type { ExecuteMode } from './execute';
import { BOOK_DIR, EXECUTED_DIR, EXERCISES_DIR, NOTEBOOKS_DIR, shown } from './files';
import { duration } from './progress';

export interface BookFlags {
  out: string;
  notebooks: string;
  executed: string;
  exercises?: string;
  student?: boolean;
  execute: ExecuteMode;
  timeout: string;
}

/** Adds the build options to a command. */
export function withBuildOptions(cmd: Command, defaultExecute: ExecuteMode): Command {
  return cmd
    .option('--student', 'the student book: notebooks executed with the stub exercises, no cells tagged "solution" (never reads solutions/)')
    .option('--out <dir>', 'where the book goes', shown(BOOK_DIR))
    .option('--notebooks <dir>', 'the notebooks, in chapter order by file name', shown(NOTEBOOKS_DIR))
    .option('--executed <dir>', 'where the executed notebooks are (and go)', shown(EXECUTED_DIR))
    .option('--exercises <dir>', `the exercise folder (default ${shown(EXERCISES_DIR)}; never solutions/)`)
    .addOption(new Option('--execute <which>', 'notebooks to execute first: the missing or stale ones, all, or none')
      .choices(['stale', 'all', 'never']).default(defaultExecute))
    .option('--timeout <seconds>', 'time limit per cell', '300');
}

/** The flags as buildBook options, or an error message. */
export function bookOptions(flags: BookFlags): BookOptions | string {
  const timeout = Number(flags.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) return `--timeout must be a positive number of seconds, received ${JSON.stringify(flags.timeout)}`;
  return {
    out: flags.out,
    notebooksDir: flags.notebooks,
    executedDir: flags.executed,
    exercisesDir: flags.exercises,
    student: flags.student === true,
    execute: flags.execute,
    cellTimeoutMs: timeout * 1000,
  };
}

/** The lines after a build: time, pages, warnings. */
export function reportBuild(result: BookResult, log: (line: string) => void, warn: (line: string) => void): void {
  const ran = result.executed.reduce((s, r) => s + r.seconds, 0);
  if (result.executed.length > 0) log(`Executed ${result.executed.length} notebook(s) in ${duration(ran)}.`);
  log(`Book built in ${duration(result.buildSeconds)}: ${result.chapters.length} chapter(s), ${result.pages.length} page(s) -> ${shown(result.out)}/index.html`);
  for (const e of result.editions.slice(1)) log(`  ${e.lang}: ${e.chapters.length} chapter(s), ${e.pages.length} page(s) -> ${shown(result.out)}/${e.dir}index.html`);
  for (const w of result.warnings) warn(`warning: ${w}`);
}

/** The message for a build that stopped: a failing cell names the notebook, the cell and the error. */
export function failureMessage(e: unknown): string {
  if (e instanceof NotebookError) {
    return `\nThe book was not built: cell ${e.cellIndex} of ${e.notebook} failed.\n\n${e.message}`;
  }
  return `\nThe book was not built: ${e instanceof Error ? e.message : String(e)}`;
}
