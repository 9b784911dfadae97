/**
 * The batch's grade sheet, `scores.csv`: one row per student — the folder's name, the batch status,
 * the points of each exercise, the total and the maximum — rendered from each student's run. Every
 * text cell is neutralised for spreadsheets (csvCell: a folder named `=HYPERLINK(…)` stays text).
 */
import { csvCell } from '../safe/text';
import type { GradeRun } from './model';
import { formatPoints } from './points';

export interface SheetRow {
  student: string;
  status: string;
  /** The student's run; null when nothing was graded (0 points). */
  run: GradeRun | null;
}

/** CSV text: one line per row, every cell through csvCell. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/** scores.csv for `rows`, with one column per exercise of the course (in chapter order) and `maxScore` when a row has no run. */
export function scoresCsv(exercises: readonly string[], rows: readonly SheetRow[], maxScore: number): string {
  const lines: Array<Array<string | number>> = [['student', 'status', ...exercises, 'total', 'max']];
  for (const { student, status, run } of rows) {
    const score = (e: string): number => run?.exercises.find((x) => x.exercise === e)?.score ?? 0;
    lines.push([student, status, ...exercises.map((e) => formatPoints(score(e))), formatPoints(run?.score ?? 0), formatPoints(run?.maxScore || maxScore)]);
  }
  return csvText(lines);
}
