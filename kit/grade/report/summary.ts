/**
 * A run as GitHub-flavoured Markdown, for the job summary ($GITHUB_STEP_SUMMARY) of a student's CI
 * run. Every cell shows its text literally (markdownCell: no `|`, newline, HTML or Markdown syntax
 * gets through) and says its status in a word, not only with an emoji.
 */
import { markdownCell } from '../safe/text';
import type { GradeRun } from './model';
import { formatPoints } from './points';

export function summaryMarkdown(run: GradeRun, problem?: string): string {
  const lines = [`## ${markdownCell(run.meta.title)}: ${formatPoints(run.score)}/${formatPoints(run.maxScore)} points`, ''];
  if (problem !== undefined) lines.push('> [!CAUTION]', `> ${markdownCell(problem)}`, '');
  lines.push('| exercise | points | due |', '| --- | ---: | --- |');
  for (const e of run.exercises) {
    lines.push(`| \`${e.file}\` | ${formatPoints(e.score)}/${formatPoints(e.maxScore)} | ${markdownCell(e.due ?? '')} |`);
  }
  const typeErrors = run.exercises.flatMap((e) => e.typeErrors ?? []);
  if (typeErrors.length > 0) lines.push('', '**Type errors** (they cost no points; fix them first):', '', ...typeErrors.map((l) => `- ${markdownCell(l, 500)}`));
  lines.push('', `${run.passed}/${run.results.length} checks passed.`, '');
  lines.push('| exercise | test | status | points | feedback |', '| --- | --- | --- | ---: | --- |');
  for (const r of run.results) {
    const status = r.passed ? '✅ passed' : '❌ failed';
    const feedback = r.passed ? '' : `<pre>${markdownCell(r.feedback)}</pre>`;
    lines.push(`| \`${r.file}\` | ${r.hidden ? '[hidden] ' : ''}${markdownCell(r.name)} | ${status} | ${formatPoints(r.points)}/${formatPoints(r.maxPoints)} | ${feedback} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The job summary of a run that did not count (its lines may name the student's files: each is escaped). */
export function problemMarkdown(title: string, heading: string, lines: string[]): string {
  return [`## ${markdownCell(title)}: ${markdownCell(heading)}`, '', '> [!CAUTION]', ...lines.slice(0, 200).map((l) => `> ${markdownCell(l, 500)}`), ''].join('\n');
}
