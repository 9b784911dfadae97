/** HTML and tables in notebook outputs (for the grader's reports and chapters' small tables). */
import { displayBundle, escapeHtml } from './display';

/** A table row: an object (keys are columns) or an array of cells. */
export type Row = Record<string, unknown> | unknown[];

export interface TableOptions {
  /** Column titles; default: the keys of the first object row, or 1, 2, 3… for array rows. */
  columns?: string[];
  /** A caption above the table. */
  caption?: string;
  /** Significant digits for numbers. */
  digits?: number;
}

/** Significant digits of numbers in tables. */
export const DEFAULT_TABLE_DIGITS = 6;

/** Shows `html` with `text` as the plain-text fallback (default: the HTML without tags). */
export function showHtml(html: string, text?: string): void {
  if (typeof html !== 'string') throw new TypeError(`showHtml: html must be a string, received ${typeof html}`);
  const plain = text ?? html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  displayBundle({ 'text/html': html, 'text/plain': plain });
}

function cellText(value: unknown, digits: number): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(digits)));
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The cells of a table as text, one array per row, with the column titles first. */
export function tableCells(rows: readonly Row[], options: TableOptions = {}): string[][] {
  if (!Array.isArray(rows)) throw new TypeError(`showTable: rows must be an array, received ${typeof rows}`);
  const digits = options.digits ?? DEFAULT_TABLE_DIGITS;
  const first = rows[0];
  const columns = options.columns
    ?? (first === undefined ? [] : Array.isArray(first) ? first.map((_, i) => String(i + 1)) : Object.keys(first));
  const body = rows.map((r) => (Array.isArray(r)
    ? columns.map((_, i) => cellText(r[i], digits))
    : columns.map((c) => cellText((r as Record<string, unknown>)[c], digits))));
  return [columns, ...body];
}

/** The table as HTML and as aligned text. */
export function tableBundle(rows: readonly Row[], options: TableOptions = {}): { 'text/html': string; 'text/plain': string } {
  const [head, ...body] = tableCells(rows, options);
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const html = `<table class="descent-table">${caption}<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const text = [...(options.caption ? [options.caption] : []), line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  return { 'text/html': html, 'text/plain': text };
}

/** Shows rows as a table (HTML in notebooks, aligned text elsewhere). */
export function showTable(rows: readonly Row[], options: TableOptions = {}): void {
  displayBundle(tableBundle(rows, options));
}
