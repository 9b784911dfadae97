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
import { cutDisplay, displayWidth, messages, padDisplay } from '../i18n/catalogue';

const pad = padDisplay;

const cut = cutDisplay;

/** The header: the title, then one line per exercise with its points and due text. */
export function headerText(run: GradeRun): string {
  const m = messages(run.meta.lang);
  const width = Math.max(8, ...run.exercises.map((e) => e.file.length));
  const lines = [cleanLine(run.meta.title), ''];
  for (const e of run.exercises) {
    const due = e.due === undefined ? '' : `  ${m.report.due(cleanLine(e.due))}`;
    lines.push(`${pad(e.file, width)}  ${pad(m.report.pointsOf(formatPoints(e.maxScore)), 11)}${due}`.trimEnd());
  }
  return lines.join('\n');
}

/** The check table: exercise, test, status, points, feedback (further feedback lines indented below), then the totals. */
export function tableText(run: GradeRun, options: { color?: boolean } = {}): string {
  const m = messages(run.meta.lang);
  const t = m.report;
  const paint = (code: number, s: string): string => (options.color === true ? `\u001b[${code}m${s}\u001b[39m` : s);
  const fileWidth = Math.max(8, ...run.results.map((r) => r.file.length));
  const nameWidth = Math.min(60, Math.max(displayWidth(t.test), ...run.results.map((r) => displayWidth(r.name) + (r.hidden ? displayWidth(t.hidden) + 1 : 0))));
  const statusWidth = Math.max(6, ...[t.status, t.passed, t.failed].map(displayWidth));
  const pointsWidth = Math.max(6, ...run.results.map((r) => `${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`.length));
  const lines = [
    `${pad(t.exercise, fileWidth)}  ${pad(t.test, nameWidth)}  ${pad(t.status, statusWidth)}  ${pad(t.points, pointsWidth)}  ${t.feedback}`,
    `${'-'.repeat(fileWidth)}  ${'-'.repeat(nameWidth)}  ${'-'.repeat(statusWidth)}  ${'-'.repeat(pointsWidth)}  ${'-'.repeat(30)}`,
  ];
  const indent = ' '.repeat(fileWidth + nameWidth + statusWidth + pointsWidth + 8);
  for (const r of run.results) {
    const name = cut(`${r.hidden ? `${t.hidden} ` : ''}${r.name}`, nameWidth);
    const status = r.passed ? paint(32, pad(t.passed, statusWidth)) : paint(31, pad(t.failed, statusWidth));
    const [first, ...more] = r.passed ? [''] : cleanText(r.feedback).split('\n');
    lines.push(`${pad(r.file, fileWidth)}  ${pad(name, nameWidth)}  ${status}  ${pad(`${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`, pointsWidth)}  ${first}`.trimEnd());
    for (const line of more) lines.push(`${indent}${line}`);
  }
  lines.push('');
  for (const e of run.exercises) lines.push(`${pad(e.file, fileWidth)}  ${formatPoints(e.score)}/${formatPoints(e.maxScore)}`);
  lines.push(
    `${pad(t.total, fileWidth)}  ${t.totals(formatPoints(run.score), formatPoints(run.maxScore), run.passed, run.results.length).replace(/\)$/, `, ${seconds(run.meta.ms)})`)}`,
  );
  return lines.join('\n');
}
