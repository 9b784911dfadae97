/**
 * Makes sure every notebook has an up-to-date executed copy before the book is built: runs the
 * missing or stale ones (older than their source) on tslab with the kit's runner, one at a time,
 * reporting progress. A stamp next to the copies records which exercise folder each run used,
 * so a student book is only ever built from notebooks executed with the stubs.
 */
import { writeFileSync } from 'fs';
import { basename, join, resolve } from 'path';
import { executeNotebook, type NotebookResult } from '../notebooks/run';
import { exercisesDir } from '../notebooks/live';
import { assertNotSolution, modifiedMs, readJson, shown } from './files';

/** The stamp file in the folder of executed copies. */
export const STAMP_FILE = '.book-executions.json';

/** Which notebooks to execute: the missing or stale ones, all of them, or none. */
export type ExecuteMode = 'stale' | 'all' | 'never';

export type Progress =
  | { kind: 'start'; index: number; total: number; notebook: string }
  | { kind: 'done'; index: number; total: number; notebook: string; cells: number; seconds: number }
  | { kind: 'failed'; index: number; total: number; notebook: string };

export interface ExecuteOptions {
  /** Where the executed copies are (and go). */
  executedDir: string;
  mode: ExecuteMode;
  /**
   * The exercise folder the notebooks must have run with. When given, a copy executed with
   * another folder (or by someone else, unknown) counts as stale. Never inside solutions/.
   */
  exercisesDir?: string;
  cellTimeoutMs?: number;
  progress?: (event: Progress) => void;
}

interface Stamp { [notebook: string]: { exercises: string; mtimeMs: number } }

function readStamp(dir: string): Stamp {
  try {
    const s = readJson<Stamp>(join(dir, STAMP_FILE));
    return s !== null && typeof s === 'object' ? s : {};
  } catch {
    return {};
  }
}

/** The exercise folder a run without an explicit folder uses (the runner's rule: $DESCENT_EXERCISES, else exercises/). */
export function defaultExercises(): string {
  return exercisesDir();
}

/** True when every non-empty code cell of an executed copy has run (a failing cell leaves the rest unrun). */
export function completeRun(copy: string): boolean {
  try {
    const nb = readJson<{ cells?: Array<{ cell_type?: string; source?: string | string[]; execution_count?: unknown }> }>(copy);
    return Array.isArray(nb.cells) && nb.cells.every((c) => c.cell_type !== 'code'
      || (Array.isArray(c.source) ? c.source.join('') : String(c.source ?? '')).trim() === ''
      || typeof c.execution_count === 'number');
  } catch {
    return false;
  }
}

/** Why `source` must be executed again, or null when its copy in `executedDir` can be used. */
export function staleReason(source: string, options: Pick<ExecuteOptions, 'executedDir' | 'exercisesDir'>, stamp = readStamp(options.executedDir)): string | null {
  const name = basename(source);
  const copy = join(options.executedDir, name);
  const copyTime = modifiedMs(copy);
  if (copyTime === null) return 'not executed yet';
  if ((modifiedMs(source) ?? 0) > copyTime) return 'changed since it was executed';
  if (!completeRun(copy)) return 'its last run stopped at a failing cell';
  if (options.exercisesDir !== undefined) {
    const entry = stamp[name];
    if (!entry || entry.mtimeMs !== copyTime) return 'executed outside the book builder (exercise folder unknown)';
    if (resolve(entry.exercises) !== resolve(options.exercisesDir)) return `executed with ${shown(entry.exercises)}`;
  }
  return null;
}

/**
 * Executes what `mode` asks for, in order; resolves to the runs made.
 * @throws NotebookError (from the runner) at the first failing cell: notebook, cell index, error.
 */
export async function executeNotebooks(sources: readonly string[], options: ExecuteOptions): Promise<NotebookResult[]> {
  if (options.exercisesDir !== undefined) assertNotSolution(options.exercisesDir);
  const stamp = readStamp(options.executedDir);
  const todo = options.mode === 'never' ? []
    : options.mode === 'all' ? [...sources]
      : sources.filter((s) => staleReason(s, options, stamp) !== null);
  const results: NotebookResult[] = [];
  const exercises = options.exercisesDir !== undefined ? resolve(options.exercisesDir) : defaultExercises();
  for (const [k, source] of todo.entries()) {
    const event = { index: k + 1, total: todo.length, notebook: shown(source) };
    options.progress?.({ kind: 'start', ...event });
    let result: NotebookResult;
    try {
      result = await executeNotebook(source, {
        outDir: options.executedDir,
        exercises: options.exercisesDir !== undefined ? exercises : undefined,
        cellTimeoutMs: options.cellTimeoutMs,
      });
    } catch (e) {
      options.progress?.({ kind: 'failed', ...event });
      throw e;
    }
    results.push(result);
    stamp[basename(source)] = { exercises, mtimeMs: modifiedMs(join(options.executedDir, basename(source))) ?? 0 };
    writeFileSync(join(options.executedDir, STAMP_FILE), `${JSON.stringify(stamp, null, 1)}\n`);
    options.progress?.({ kind: 'done', ...event, cells: result.cells, seconds: result.seconds });
  }
  return results;
}
