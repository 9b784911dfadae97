/**
 * CSV text for every sheet the kit writes (the gradebook's scores.csv and LMS imports,
 * kit/gradebook/csv.ts, which adds the BOM): every text cell is neutralised for spreadsheets
 * (csvCell: a folder named `=HYPERLINK(…)` stays text).
 */
import { csvCell } from '../safe/text';

/** CSV text: one line per row, every cell through csvCell. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}
