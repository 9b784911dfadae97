/**
 * The grade table a student sees — in the terminal (`npm test`) and as Markdown in the GitHub job
 * summary — with the course's header: the title, then each exercise's points and due text.
 */
import { cleanLine, cleanText, markdownCell } from '../../grade/safe/text';
import type { ScaledReport } from './scale';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** 9, 1.5, 1.25 — at most two decimals, no noise. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The header: title, then one line per exercise with its points and due text. */
export function headerText(report: ScaledReport): string {
  const width = Math.max(8, ...report.exercises.map((e) => e.file.length));
  const lines = [cleanLine(report.title), ''];
  for (const e of report.exercises) {
    const due = e.due === undefined ? '' : `  due ${cleanLine(e.due)}`;
    lines.push(`${pad(e.file, width)}  ${pad(`${formatPoints(e.maxScore)} points`, 11)}${due}`.trimEnd());
  }
  return lines.join('\n');
}

/** A plain-text table: exercise, test, points, feedback (extra feedback lines indented below). */
export function tableText(report: ScaledReport, options: { color?: boolean } = {}): string {
  const color = options.color === true;
  const green = (s: string): string => (color ? `\u001b[32m${s}\u001b[39m` : s);
  const red = (s: string): string => (color ? `\u001b[31m${s}\u001b[39m` : s);
  const fileWidth = Math.max(8, ...report.results.map((r) => r.file.length));
  const nameWidth = Math.min(60, Math.max(4, ...report.results.map((r) => r.name.length + (r.hidden ? 9 : 0))));
  const pointsWidth = Math.max(6, ...report.results.map((r) => `${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`.length));
  const lines: string[] = [];
  lines.push(`${pad('exercise', fileWidth)}  ${pad('test', nameWidth)}  ${pad('points', pointsWidth)}  feedback`);
  lines.push(`${'-'.repeat(fileWidth)}  ${'-'.repeat(nameWidth)}  ${'-'.repeat(pointsWidth)}  ${'-'.repeat(30)}`);
  for (const r of report.results) {
    const name = cut(`${r.hidden ? '[hidden] ' : ''}${r.name}`, nameWidth);
    const points = pad(`${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`, pointsWidth);
    const text = cleanText(r.feedback);
    const feedback = r.passed ? green('ok') : red(text.split('\n')[0]);
    lines.push(`${pad(r.file, fileWidth)}  ${pad(name, nameWidth)}  ${points}  ${feedback}`);
    if (!r.passed) {
      const indent = ' '.repeat(fileWidth + nameWidth + pointsWidth + 6);
      for (const extra of text.split('\n').slice(1)) lines.push(`${indent}${extra}`);
    }
  }
  lines.push('');
  for (const e of report.exercises) lines.push(`${pad(e.file, fileWidth)}  ${formatPoints(e.score)}/${formatPoints(e.maxScore)}`);
  lines.push(
    `${pad('total', fileWidth)}  ${formatPoints(report.score)}/${formatPoints(report.maxScore)} points ` +
      `(${report.passed}/${report.results.length} checks passed, ${(report.ms / 1000).toFixed(1)} s)`,
  );
  return lines.join('\n');
}

/** A table cell: safe/text.ts's markdownCell (no `|`, newline, carriage return, HTML or Markdown syntax gets through). */
const cell = (text: string): string => markdownCell(text);

/** The same report as GitHub-flavoured Markdown (for $GITHUB_STEP_SUMMARY); every cell shows its text literally. */
export function tableMarkdown(report: ScaledReport, problem?: string): string {
  const lines = [`## ${cell(report.title)}: ${formatPoints(report.score)}/${formatPoints(report.maxScore)} points`, ''];
  if (problem !== undefined) lines.push(`> [!CAUTION]`, `> ${cell(problem)}`, '');
  lines.push('| exercise | points | due |', '| --- | ---: | --- |');
  for (const e of report.exercises) {
    lines.push(`| \`${e.file}\` | ${formatPoints(e.score)}/${formatPoints(e.maxScore)} | ${cell(e.due ?? '')} |`);
  }
  lines.push('', `${report.passed}/${report.results.length} checks passed.`, '');
  lines.push('| exercise | test | points | feedback |', '| --- | --- | ---: | --- |');
  for (const r of report.results) {
    const mark = r.passed ? '✅' : '❌';
    const feedback = r.passed ? 'ok' : `<pre>${cell(r.feedback)}</pre>`;
    lines.push(`| \`${r.file}\` | ${cell(r.name)} | ${mark} ${formatPoints(r.points)}/${formatPoints(r.maxPoints)} | ${feedback} |`);
  }
  return `${lines.join('\n')}\n`;
}
