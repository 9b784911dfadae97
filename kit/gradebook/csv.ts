/**
 * CSV files for spreadsheets and gradebooks: a UTF-8 byte-order mark first (without it Excel on
 * Windows reads UTF-8 as the local code page and garbles Hangul), LF line ends (as the batch's own
 * CSV; Excel, Canvas, Moodle and csv-parse read them; no carriage return reaches a log), the rows
 * rendered by the batch's `csvText` (kit/grade/report/csv.ts): every cell through `csvCell`
 * (safe/text.ts: one line, a leading `= + - @` neutralised, quoted when needed).
 */
import { csvText } from '../grade/report/csv';

export const BOM = '\ufeff';

/** The text of a CSV file with a BOM: one line per row. */
export function csvFile(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${BOM}${csvText(rows)}`;
}
