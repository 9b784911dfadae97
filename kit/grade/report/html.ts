/**
 * A run as an HTML table, for a notebook cell (and later the book's Check button). Accessible
 * without colour or sight: a caption with the score, header cells with their scope (`th scope="col"`
 * for the columns, `th scope="row"` for each check), the status in words (`passed` / `failed`, the
 * ✓ / ✗ marks are decoration hidden from screen readers), feedback as preformatted text. Colours
 * meet WCAG AA contrast on white.
 */
import { escapeHtml } from '../../shared/html';
import { cleanText } from '../safe/text';
import type { GradeRun } from './model';
import { formatPoints } from './points';
import { messages } from '../i18n/catalogue';

const PASSED = '#116329';
const FAILED = '#a40e26';

export function htmlTable(run: GradeRun): string {
  const t = messages(run.meta.lang).report;
  const rows = run.results.map((r) => {
    const status = r.passed
      ? `<span style="color:${PASSED}"><span aria-hidden="true">✓ </span>${escapeHtml(t.passed)}</span>`
      : `<span style="color:${FAILED}"><span aria-hidden="true">✗ </span>${escapeHtml(t.failed)}</span>`;
    const feedback = r.passed ? '' : `<pre style="margin:0;white-space:pre-wrap">${escapeHtml(cleanText(r.feedback))}</pre>`;
    return (
      `<tr><td>${escapeHtml(r.file)}</td><th scope="row" style="font-weight:normal;text-align:left">${r.hidden ? `<em>${escapeHtml(t.hidden)}</em> ` : ''}${escapeHtml(r.name)}</th>` +
      `<td style="white-space:nowrap">${status}</td><td style="white-space:nowrap">${formatPoints(r.points)}/${formatPoints(r.maxPoints)}</td><td>${feedback}</td></tr>`
    );
  });
  const totals = run.exercises.map((e) => `${escapeHtml(e.file)} ${formatPoints(e.score)}/${formatPoints(e.maxScore)}`).join(' · ');
  const summary = escapeHtml(t.totals(formatPoints(run.score), formatPoints(run.maxScore), run.passed, run.results.length));
  return [
    `<div class="descent-grade"${run.meta.lang === undefined ? '' : ` lang="${run.meta.lang}"`}>`,
    '<table style="border-collapse:collapse;text-align:left;vertical-align:top">',
    `<caption style="text-align:left"><strong>${escapeHtml(cleanText(run.meta.title, 200))}: ${summary}</strong> — ${totals}</caption>`,
    `<thead><tr>${[t.exercise, t.test, t.status, t.points, t.feedback].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</div>',
  ].join('\n');
}
