/** Reading, checking and writing the course's `.ipynb` files (nbformat 4). */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { ICell, INotebookContent, MultilineString } from '@jupyterlab/nbformat';

/** The kernelspec every committed notebook carries (what `tslab install` registers). */
export const TSLAB_KERNELSPEC = { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } as const;

/** The language_info the runner records when the kernel does not say. */
export const TSLAB_LANGUAGE_INFO = { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' } as const;

/** A cell's source as one string. */
export function sourceText(source: MultilineString): string {
  return Array.isArray(source) ? source.join('') : source;
}

/** Splits text into nbformat's list of lines (each keeps its "\n"). */
export function toLines(text: string): string[] {
  const parts = text.split(/(?<=\n)/);
  return parts.length > 0 && parts[parts.length - 1] === '' ? parts.slice(0, -1) : parts;
}

/**
 * Reads a notebook.
 * @throws Error naming the file when it is not JSON or not nbformat 4.
 */
export function readNotebook(file: string): INotebookContent {
  let nb: INotebookContent;
  try {
    nb = JSON.parse(readFileSync(file, 'utf8')) as INotebookContent;
  } catch (e) {
    throw new Error(`${file}: not a JSON notebook (${(e as Error).message})`);
  }
  if (nb === null || typeof nb !== 'object' || nb.nbformat !== 4 || !Array.isArray(nb.cells)) {
    throw new Error(`${file}: expected an nbformat 4 notebook with a cells array, received nbformat ${JSON.stringify((nb as { nbformat?: unknown } | null)?.nbformat)}`);
  }
  return nb;
}

/** Writes a notebook the way Jupyter does (1-space indent, trailing newline). */
export function writeNotebook(file: string, nb: INotebookContent): void {
  writeFileSync(file, `${JSON.stringify(nb, null, 1)}\n`);
}

/** The `.ipynb` files of a folder, sorted by name (chapter order). */
export function listNotebooks(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ipynb') && !f.startsWith('.')).sort().map((f) => join(dir, f));
}

/** What is wrong with a notebook as committed: outputs, execution counts, a kernelspec other than tslab. */
export function lintNotebook(nb: INotebookContent): string[] {
  const problems: string[] = [];
  const spec = nb.metadata?.kernelspec;
  if (!spec || spec.name !== TSLAB_KERNELSPEC.name) {
    problems.push(`metadata.kernelspec.name must be "${TSLAB_KERNELSPEC.name}", received ${JSON.stringify(spec?.name)}`);
  }
  if (spec && spec.language !== undefined && spec.language !== TSLAB_KERNELSPEC.language) {
    problems.push(`metadata.kernelspec.language must be "${TSLAB_KERNELSPEC.language}", received ${JSON.stringify(spec.language)}`);
  }
  nb.cells.forEach((cell: ICell, i) => {
    if (cell.cell_type !== 'code') return;
    const outputs = (cell as { outputs?: unknown[] }).outputs;
    if (Array.isArray(outputs) && outputs.length > 0) problems.push(`cell ${i} has ${outputs.length} output(s): commit notebooks without outputs`);
    if (cell.execution_count !== null && cell.execution_count !== undefined) {
      problems.push(`cell ${i} has execution_count ${JSON.stringify(cell.execution_count)}: expected null`);
    }
  });
  return problems;
}

/** The notebook without outputs and execution counts, with the tslab kernelspec (what to commit). */
export function stripNotebook(nb: INotebookContent): INotebookContent {
  const cells = nb.cells.map((cell) => (cell.cell_type === 'code' ? { ...cell, outputs: [], execution_count: null } : cell));
  const metadata = { ...nb.metadata, kernelspec: { ...TSLAB_KERNELSPEC } };
  return { ...nb, metadata, cells };
}
