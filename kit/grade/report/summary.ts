/**
 * A run as GitHub-flavoured Markdown, for the job summary ($GITHUB_STEP_SUMMARY) of a student's CI
 * run. Every cell shows its text literally (markdownCell: no `|`, newline, HTML or Markdown syntax
 * gets through) and says its status in a word, not only with an emoji.
 */
import { markdownCell } from '../safe/text';
import type { GradeRun } from './model';
import { formatPoints } from './points';
import { messages } from '../i18n/catalogue';

export function summaryMarkdown(run: GradeRun, problem?: string): string {
  const t = messages(run.meta.lang).report;
  const lines = [`## ${markdownCell(run.meta.title)}: ${t.score(formatPoints(run.score), formatPoints(run.maxScore))}`, ''];
  if (problem !== undefined) lines.push('> [!CAUTION]', `> ${markdownCell(problem)}`, '');
  lines.push(`| ${t.exercise} | ${t.points} | ${t.due('').trim()} |`, '| --- | ---: | --- |');
  for (const e of run.exercises) {
    lines.push(`| \`${e.file}\` | ${formatPoints(e.score)}/${formatPoints(e.maxScore)} | ${markdownCell(e.due ?? '')} |`);
  }
  const typeErrors = run.exercises.flatMap((e) => e.typeErrors ?? []);
  if (typeErrors.length > 0) lines.push('', t.typeErrorsHeading, '', ...typeErrors.map((l) => `- ${markdownCell(l, 500)}`));
  lines.push('', t.checksPassed(run.passed, run.results.length), '');
  lines.push(`| ${t.exercise} | ${t.test} | ${t.status} | ${t.points} | ${t.feedback} |`, '| --- | --- | --- | ---: | --- |');
  for (const r of run.results) {
    const status = r.passed ? `✅ ${t.passed}` : `❌ ${t.failed}`;
    const feedback = r.passed ? '' : `<pre>${markdownCell(r.feedback)}</pre>`;
    lines.push(`| \`${r.file}\` | ${r.hidden ? `${t.hidden} ` : ''}${markdownCell(r.name)} | ${status} | ${formatPoints(r.points)}/${formatPoints(r.maxPoints)} | ${feedback} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The job summary of a run that did not count (its lines may name the student's files: each is escaped). */
export function problemMarkdown(title: string, heading: string, lines: string[]): string {
  return [`## ${markdownCell(title)}: ${markdownCell(heading)}`, '', '> [!CAUTION]', ...lines.slice(0, 200).map((l) => `> ${markdownCell(l, 500)}`), ''].join('\n');
}
