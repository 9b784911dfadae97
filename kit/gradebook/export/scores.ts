/**
 * `scores.csv`: the instructor's own sheet, one row per student, every column a demanding
 * instructor asks for. A UTF-8 BOM (Excel), the original Unicode name, the safe id, the roster's
 * student id, login, name and email when a roster was given, the status and a `flagged` column that
 * says why in words (a flagged row keeps its points, and says loudly that they need a look), the
 * points of every exercise, total, possible and percentage, and how the grade was made: hidden tests
 * or not, the seed, the commit graded and when.
 */
import { csvFile } from '../csv';
import { GradebookRow, isFlagged, totals } from '../model';
import type { RosterEntry } from './roster';

/** `12.5` → `12.5`; never `1.1100000000000001`. */
export function points(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Percentage with one decimal: `87.5`. */
export function percentage(score: number, possible: number): string {
  return possible > 0 ? (Math.round((score / possible) * 1000) / 10).toFixed(1) : '';
}

/** The text of scores.csv. `roster` (folder → entry) adds its columns. */
export function scoresCsv(rows: readonly GradebookRow[], exercises: readonly string[], roster?: ReadonlyMap<string, RosterEntry>): string {
  const header = ['id', 'student', ...(roster === undefined ? [] : ['student id', 'login', 'name', 'email']), 'status', 'flagged', ...exercises, 'total', 'possible', 'percent', 'hidden tests', 'seed', 'commit', 'graded at'];
  const lines: Array<Array<string | number>> = [header];
  for (const row of rows) {
    const t = totals(row);
    const r = roster?.get(row.name);
    lines.push([
      row.id,
      row.name,
      ...(roster === undefined ? [] : [r?.studentId ?? '', r?.login ?? '', r?.name ?? '', r?.email ?? '']),
      row.status,
      isFlagged(row) ? `FLAGGED: ${[row.status === 'ok' ? '' : row.status, ...row.flags].filter((s) => s !== '').join('; ')}` : '',
      ...exercises.map((e) => (row.exercises[e] === undefined ? '' : points(row.exercises[e].points))),
      points(t.points),
      points(t.possible),
      percentage(t.points, t.possible),
      row.hidden ? 'yes' : 'no',
      row.seed === undefined ? '' : row.seed,
      row.commit ?? '',
      row.gradedAt,
    ]);
  }
  return csvFile(lines);
}
