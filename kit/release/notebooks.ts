/**
 * A chapter as a student receives it: no outputs, no execution counts, the tslab kernelspec, and
 * every worked answer that is also an exercise replaced by a stub, as nbgrader does:
 *
 * - a cell tagged `solution` → a stub cell (code: `// YOUR CODE HERE`; Markdown: `YOUR ANSWER HERE`),
 *   the tag removed;
 * - a region between `BEGIN SOLUTION` and `END SOLUTION` marker lines (`// BEGIN SOLUTION` in
 *   code, nbgrader's `### BEGIN SOLUTION` anywhere) → one stub line with the region's indentation;
 *   an indented region (inside a function) also gets `throw new Error('TODO: …')`, so the function
 *   still type-checks and says what to do.
 */
import type { ICell, INotebookContent } from '@jupyterlab/nbformat';
import { sourceText, stripNotebook, toLines } from '../notebooks/notebook';

/** The tag that marks a worked answer (also the book's: dropped from the student book). */
export const SOLUTION_TAG = 'solution';
export const CODE_STUB = '// YOUR CODE HERE';
export const THROW_STUB = "throw new Error('TODO: your code here');";
export const MARKDOWN_STUB = 'YOUR ANSWER HERE';

const BEGIN = /^(\s*)(?:\/\/|#+|<!--)?\s*BEGIN SOLUTION\b/;
const END = /^\s*(?:\/\/|#+|<!--)?\s*END SOLUTION\b/;

/** The cell's text with its solution regions stubbed. @throws Error on an unclosed or stray marker. */
export function stubRegions(text: string, kind: 'code' | 'markdown', where: string): string {
  const out: string[] = [];
  let inside: string | null = null;
  text.split('\n').forEach((line, i) => {
    const begin = BEGIN.exec(line);
    if (begin !== null) {
      if (inside !== null) throw new Error(`${where}: BEGIN SOLUTION at line ${i + 1} inside another solution region`);
      inside = begin[1];
      if (kind === 'markdown') out.push(`${inside}${MARKDOWN_STUB}`);
      else {
        out.push(`${inside}${CODE_STUB}`);
        if (inside.length > 0) out.push(`${inside}${THROW_STUB}`);
      }
      return;
    }
    if (END.test(line)) {
      if (inside === null) throw new Error(`${where}: END SOLUTION at line ${i + 1} without a BEGIN SOLUTION`);
      inside = null;
      return;
    }
    if (inside === null) out.push(line);
  });
  if (inside !== null) throw new Error(`${where}: BEGIN SOLUTION without an END SOLUTION`);
  return out.join('\n');
}

function tagsOf(cell: ICell): string[] {
  const tags = (cell.metadata as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** The student's copy of a notebook (a new object; `name` is for error messages). */
export function studentNotebook(nb: INotebookContent, name: string): INotebookContent {
  const stripped = stripNotebook(nb);
  const cells = stripped.cells.map((cell, index): ICell => {
    const where = `${name} cell ${index}`;
    const kind = cell.cell_type === 'code' ? 'code' : 'markdown';
    const metadata: Record<string, unknown> = { ...(cell.metadata ?? {}) };
    delete metadata.execution;
    const tags = tagsOf(cell);
    let text = sourceText(cell.source);
    if (tags.includes(SOLUTION_TAG)) {
      text = kind === 'code' ? CODE_STUB : MARKDOWN_STUB;
      const rest = tags.filter((t) => t !== SOLUTION_TAG);
      if (rest.length > 0) metadata.tags = rest;
      else delete metadata.tags;
    } else if (cell.cell_type !== 'raw') {
      text = stubRegions(text, kind, where);
    }
    return { ...cell, metadata, source: toLines(text) } as ICell;
  });
  return { ...stripped, cells };
}

/** The file content of a notebook, as Jupyter writes it (1-space indent, trailing newline). */
export function notebookJson(nb: INotebookContent): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
