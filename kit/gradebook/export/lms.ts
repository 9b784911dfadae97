/**
 * Gradebook imports for two learning-management systems, one grade column each (the homework as
 * one assignment: its total in the course's points). A flagged student's grade is left blank, so
 * that importing the file never sets a grade somebody has still to look at (read scores.csv's
 * `flagged` column, then enter that grade by hand).
 *
 * Canvas — "How do I import grades in the Gradebook?" (Canvas Instructor Guide,
 * https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807)
 * and Ohio State's summary of it (https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades):
 * columns `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`, then one column per assignment
 * (a new name creates a new assignment; to update an existing one use its exported header,
 * `Name (12345)`); the student is found by `ID`, `SIS User ID` or `SIS Login ID`; an optional
 * second row `Points Possible` gives the assignment's points.
 *
 * Moodle — "Grade import" (MoodleDocs, https://docs.moodle.org/311/en/Grade_import): a CSV file with
 * a header row; at upload the instructor maps one column to the user ("Email address" → useremail
 * or "ID number" → useridnumber) and each grade column to a grade item; grades above the item's
 * maximum are refused unless allowed.
 */
import { csvFile } from '../csv';
import { GradebookRow, isFlagged, totals } from '../model';
import type { RosterEntry } from './roster';
import { points } from './scores';

/** The assignment's column name in the LMS files (default: 'Descent homework'). */
export const DEFAULT_ASSIGNMENT = 'Descent homework';

export interface LmsOptions {
  /** Folder name → roster entry (without it, only the folder name identifies a student). */
  roster?: ReadonlyMap<string, RosterEntry>;
  /** The assignment's column name (default: DEFAULT_ASSIGNMENT). */
  assignment?: string;
}

const grade = (row: GradebookRow): string => (isFlagged(row) ? '' : points(totals(row).points));

/** Canvas's gradebook import CSV. */
export function canvasCsv(rows: readonly GradebookRow[], options: LmsOptions = {}): string {
  const assignment = options.assignment ?? DEFAULT_ASSIGNMENT;
  const possible = rows.length === 0 ? 0 : totals(rows[0]).possible;
  const lines: Array<Array<string | number>> = [
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', assignment],
    ['Points Possible', '', '', '', '', points(possible)],
  ];
  for (const row of rows) {
    const r = options.roster?.get(row.name);
    lines.push([r?.name ?? row.name, '', r?.studentId ?? '', r?.login ?? '', '', grade(row)]);
  }
  return csvFile(lines);
}

/** Moodle's grade import CSV. */
export function moodleCsv(rows: readonly GradebookRow[], options: LmsOptions = {}): string {
  const lines: Array<Array<string | number>> = [['ID number', 'Email address', 'Full name', options.assignment ?? DEFAULT_ASSIGNMENT]];
  for (const row of rows) {
    const r = options.roster?.get(row.name);
    lines.push([r?.studentId ?? '', r?.email ?? '', r?.name ?? row.name, grade(row)]);
  }
  return csvFile(lines);
}
