/**
 * `feedback/<id>.md`: what one student reads about their grade — the table of points per exercise,
 * how it was graded (hidden tests, commit, time), the flags, and every feedback line. Everything
 * that came from the submission (the name, the feedback lines) goes through the Markdown sanitiser
 * (markdownCell): a name or a returned string never becomes a link, an image or HTML.
 */
import { markdownCell } from '../../grade/safe/text';
import { markdownInline } from '../markdown';
import { GradebookRow, totals } from '../model';
import { percentage, points } from './scores';

/** Most feedback lines shown per exercise. */
export const MAX_FEEDBACK_LINES = 20;

export function feedbackMarkdown(row: GradebookRow, exercises: readonly string[], title = 'Descent'): string {
  const t = totals(row);
  const lines = [
    `# ${markdownInline(title, 200)}: feedback for ${markdownCell(row.name, 200)}`,
    '',
    `**${points(t.points)} / ${points(t.possible)} points (${percentage(t.points, t.possible)} %)**`,
    '',
    '| exercise | points | possible |',
    '|---|---:|---:|',
    ...exercises.map((e) => `| ${markdownCell(e)} | ${row.exercises[e] === undefined ? '–' : points(row.exercises[e].points)} | ${row.exercises[e] === undefined ? '–' : points(row.exercises[e].possible)} |`),
    '',
    `Graded ${markdownCell(row.gradedAt)}${row.hidden ? ', with the hidden tests' : ', with the public tests only'}${row.commit === undefined ? '' : `, commit \`${markdownCell(row.commit.slice(0, 40))}\``}.`,
  ];
  for (const note of row.notes ?? []) lines.push('', markdownInline(note, 500));
  if (row.status !== 'ok' || row.flags.length > 0) {
    lines.push('', '## To look at', '', ...(row.status === 'ok' ? [] : [`- status: ${markdownInline(row.status)}`]), ...row.flags.map((f) => `- ${markdownInline(f, 500)}`));
  }
  for (const e of exercises) {
    const said = row.feedback?.[e] ?? [];
    if (said.length === 0) continue;
    lines.push('', `## ${markdownInline(e)}`, '');
    for (const l of said.slice(0, MAX_FEEDBACK_LINES)) lines.push(`- ${markdownInline(l, 1000)}`);
    if (said.length > MAX_FEEDBACK_LINES) lines.push(`- … and ${said.length - MAX_FEEDBACK_LINES} more`);
  }
  return `${lines.join('\n')}\n`;
}
