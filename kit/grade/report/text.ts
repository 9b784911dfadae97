/**
 * A run as text for a terminal or a CI log: the course's header (the title, then each exercise's
 * points and due text) and the check table. Each row says its status in a word — `passed` or
 * `failed` — so the table reads the same without colour (colour, when asked for, only repeats it).
 * Every text a submission may have put there (feedback) goes through cleanText.
 */
import { cleanLine, cleanText } from '../safe/text';
import { seconds } from '../../shared/time';
import type { GradeRun } from './model';
import { formatPoints } from './points';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The header: the title, then one line per exercise with its points and due text. */
export function headerText(run: GradeRun): string {
  const width = Math.max(8, ...run.exercises.map((e) => e.file.length));
  const lines = [cleanLine(run.meta.title), ''];
  for (const e of run.exercises) {
    const due = e.due === undefined ? '' : `  due ${cleanLine(e.due)}`;
    lines.push(`${pad(e.file, width)}  ${pad(`${formatPoints(e.maxScore)} points`, 11)}${due}`.trimEnd());
  }
  return lines.join('\n');
}

/** The check table: exercise, test, status, points, feedback (further feedback lines indented below), then the totals. */
export function tableText(run: GradeRun, options: { color?: boolean } = {}): string {
  const paint = (code: number, s: string): string => (options.color === true ? `\u001b[${code}m${s}\u001b[39m` : s);
  const fileWidth = Math.max(8, ...run.results.map((r) => r.file.length));
  const nameWidth = Math.min(60, Math.max(4, ...run.results.map((r) => r.name.length + (r.hidden ? 9 : 0))));
  const pointsWidth = Math.max(6, ...run.results.map((r) => `${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`.length));
  const lines = [
    `${pad('exercise', fileWidth)}  ${pad('test', nameWidth)}  status  ${pad('points', pointsWidth)}  feedback`,
    `${'-'.repeat(fileWidth)}  ${'-'.repeat(nameWidth)}  ------  ${'-'.repeat(pointsWidth)}  ${'-'.repeat(30)}`,
  ];
  const indent = ' '.repeat(fileWidth + nameWidth + pointsWidth + 14);
  for (const r of run.results) {
    const name = cut(`${r.hidden ? '[hidden] ' : ''}${r.name}`, nameWidth);
    const status = r.passed ? paint(32, 'passed') : paint(31, 'failed');
    const [first, ...more] = r.passed ? [''] : cleanText(r.feedback).split('\n');
    lines.push(`${pad(r.file, fileWidth)}  ${pad(name, nameWidth)}  ${status}  ${pad(`${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`, pointsWidth)}  ${first}`.trimEnd());
    for (const line of more) lines.push(`${indent}${line}`);
  }
  lines.push('');
  for (const e of run.exercises) lines.push(`${pad(e.file, fileWidth)}  ${formatPoints(e.score)}/${formatPoints(e.maxScore)}`);
  lines.push(
    `${pad('total', fileWidth)}  ${formatPoints(run.score)}/${formatPoints(run.maxScore)} points ` +
      `(${run.passed}/${run.results.length} checks passed, ${seconds(run.meta.ms)})`,
  );
  return lines.join('\n');
}
