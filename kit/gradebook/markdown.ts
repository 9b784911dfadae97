/**
 * Untrusted text inside a Markdown line that is not a table cell (a list item, a heading): the
 * table-cell sanitiser (markdownCell: HTML, emphasis, links, `|` and newlines escaped) plus the
 * characters that would start a block at the front of a line — `#` (heading), `>` (quote), `-`,
 * `+`, `=` (list, setext underline), `1.` (ordered list).
 */
import { markdownCell } from '../grade/safe/text';

export function markdownInline(text: unknown, max?: number): string {
  return markdownCell(text, max)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
