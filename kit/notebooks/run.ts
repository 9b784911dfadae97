/**
 * Executes notebooks on the tslab kernel from Node alone (no Jupyter needed) and writes the
 * executed copies: `npm run notebooks`, and `runNotebooks()` for the book builder.
 */
import { mkdirSync } from 'fs';
import { basename, dirname, join, relative, resolve } from 'path';
import type { ICodeCell, INotebookContent } from '@jupyterlab/nbformat';
import { DEFAULT_CELL_TIMEOUT_MS, Kernel } from './kernel';
import { EXERCISES_ENV } from './live';
import { addPngFallbacks } from './png';
import { listNotebooks, readNotebook, sourceText, TSLAB_LANGUAGE_INFO, writeNotebook } from './notebook';
import { EXECUTED_DIR, NOTEBOOKS_DIR, ROOT } from './resolve';

export interface RunOptions {
  /** Notebooks to run; default: every `*.ipynb` of `dir`, by name. */
  files?: string[];
  /** The folder of notebooks (default `notebooks/`). */
  dir?: string;
  /** Where executed copies go, under the same names (default `build/notebooks/`). */
  outDir?: string;
  /** Seconds one cell may run. */
  cellTimeoutMs?: number;
  /** The exercise folder the notebooks' `descent/exercises` reads (default `exercises/`). */
  exercises?: string;
  /** Add a static PNG to every figure (needs Chromium; see png.ts). */
  png?: boolean;
  /** Receives the progress lines (default: none). */
  log?: (line: string) => void;
}

export interface NotebookResult {
  notebook: string;
  output: string;
  cells: number;
  seconds: number;
}

/** A cell failed: names the notebook, the cell (index in the notebook's cells, from 0) and the error. */
export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    readonly cellIndex: number,
    readonly source: string,
    readonly detail: string,
    readonly output: string,
  ) {
    const excerpt = source.split('\n').slice(0, 6).map((l) => `    ${l}`).join('\n');
    super(`${notebook}: cell ${cellIndex} failed (index in the notebook's cells, from 0):\n${excerpt}\n${detail.trimEnd() || '(the kernel reported an error without a message)'}\nPartly executed copy: ${output}`);
    this.name = 'NotebookError';
  }
}

function shown(file: string): string {
  return relative(ROOT, file).split('\\').join('/') || file;
}

/**
 * Executes one notebook top to bottom in a fresh kernel started in the notebook's folder and
 * writes the executed copy to `outDir`. Stops at the first failing cell.
 * @throws NotebookError for a failing cell (the partial copy is written first).
 */
export async function executeNotebook(file: string, options: RunOptions = {}): Promise<NotebookResult> {
  const started = Date.now();
  const path = resolve(file);
  const outDir = resolve(options.outDir ?? EXECUTED_DIR);
  const output = join(outDir, basename(path));
  const nb = readNotebook(path);
  const env: Record<string, string> = options.exercises ? { [EXERCISES_ENV]: resolve(options.exercises) } : {};
  const kernel = await Kernel.start(dirname(path), { env });
  const executed: INotebookContent = {
    ...nb,
    metadata: { ...nb.metadata, language_info: { ...TSLAB_LANGUAGE_INFO, ...(kernel.info.language_info as object ?? {}) } },
    cells: nb.cells.map((c) => (c.cell_type === 'code' ? { ...c, outputs: [], execution_count: null } : c)),
  };
  mkdirSync(outDir, { recursive: true });
  let count = 0;
  try {
    for (let i = 0; i < executed.cells.length; i++) {
      const cell = executed.cells[i] as ICodeCell;
      if (cell.cell_type !== 'code') continue;
      const code = sourceText(cell.source);
      if (code.trim() === '') continue;
      const result = await kernel.execute(code, options.cellTimeoutMs ?? DEFAULT_CELL_TIMEOUT_MS).catch((e: Error) => ({
        status: 'error' as const, executionCount: null, outputs: [], stderr: e.message,
      }));
      cell.outputs = result.outputs;
      cell.execution_count = result.executionCount;
      count++;
      if (result.status !== 'ok') {
        writeNotebook(output, executed);
        const detail = result.stderr || (result.status === 'abort' ? 'the kernel aborted the cell' : '');
        throw new NotebookError(shown(path), i, code, detail, shown(output));
      }
    }
  } finally {
    await kernel.shutdown();
  }
  if (options.png) await addPngFallbacks(executed);
  writeNotebook(output, executed);
  return { notebook: shown(path), output: shown(output), cells: count, seconds: (Date.now() - started) / 1000 };
}

/** Executes every notebook in order, one progress line each; stops at the first failure. */
export async function runNotebooks(options: RunOptions = {}): Promise<NotebookResult[]> {
  const files = options.files?.map((f) => resolve(f)) ?? listNotebooks(resolve(options.dir ?? NOTEBOOKS_DIR));
  const log = options.log ?? (() => undefined);
  const results: NotebookResult[] = [];
  const started = Date.now();
  for (const [k, file] of files.entries()) {
    const tag = `[${k + 1}/${files.length}] ${shown(file)}`;
    try {
      const r = await executeNotebook(file, options);
      results.push(r);
      log(`${tag}  ${r.cells} cells  ${r.seconds.toFixed(1)} s`);
    } catch (e) {
      log(`${tag}  FAILED`);
      throw e;
    }
  }
  log(`${files.length} notebook(s) executed in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${shown(resolve(options.outDir ?? EXECUTED_DIR))}`);
  return results;
}
