/**
 * Readable renderings of a check for a notebook: plain text, Markdown with `$$…$$` display math
 * (JupyterLab, VS Code and the book render it), and HTML with the same math plus a table of the
 * compared values.
 */
import { formatNumber, formatPoint } from './math';
import type { Point } from './points';

/** What the renderers need from a check. */
export interface ReportData {
  title: string;
  ok: boolean;
  /** Display-math lines (LaTeX without delimiters), with a short caption each. */
  equations: { caption: string; tex: string }[];
  /** Plain-text lines for `toString`. */
  lines: string[];
  /** Column names of the two compared values, e.g. ['mathjs', 'expected']. */
  columns: [string, string];
  points: { at: Point; a: number; b: number; ok: boolean }[];
  maxAbsError: number;
}

/** Points shown in a report: the failing ones first, at most this many. */
export const REPORT_POINTS = 5;

function shownPoints(data: ReportData): ReportData['points'] {
  const bad = data.points.filter((p) => !p.ok);
  return (bad.length > 0 ? bad : data.points).slice(0, REPORT_POINTS);
}

function verdict(data: ReportData): string {
  const n = data.points.length;
  const bad = data.points.filter((p) => !p.ok).length;
  const where = `${n} point${n === 1 ? '' : 's'}, max |error| ${formatNumber(data.maxAbsError)}`;
  return data.ok ? `OK (${where})` : `FAILED at ${bad} of ${where}`;
}

export function reportText(data: ReportData): string {
  const out = [`${data.title} — ${verdict(data)}`, ...data.lines.map((l) => `  ${l}`)];
  const [a, b] = data.columns;
  for (const p of shownPoints(data)) {
    out.push(`  ${p.ok ? '✓' : '✗'} ${formatPoint(p.at)}: ${a} ${formatNumber(p.a)}, ${b} ${formatNumber(p.b)}`);
  }
  return out.join('\n');
}

export function reportMarkdown(data: ReportData): string {
  const head = `**${data.title}: ${data.ok ? '✓' : '✗'} ${verdict(data)}**`;
  const math = data.equations.map((e) => `${e.caption}\n\n$$${e.tex}$$`);
  return [head, ...math].join('\n\n');
}

export function reportHtml(data: ReportData): string {
  const colour = data.ok ? '#009E73' : '#D55E00';
  const [a, b] = data.columns;
  const rows = shownPoints(data)
    .map(
      (p) =>
        `<tr><td>${p.ok ? '✓' : '✗'}</td><td>${escapeHtml(formatPoint(p.at))}</td>` +
        `<td>${formatNumber(p.a)}</td><td>${formatNumber(p.b)}</td></tr>`,
    )
    .join('');
  return (
    `<div class="descent-check">` +
    `<p><b style="color:${colour}">${data.ok ? '✓' : '✗'} ${escapeHtml(data.title)}</b>: ${escapeHtml(verdict(data))}</p>` +
    data.equations.map((e) => `<p>${escapeHtml(e.caption)}</p><p>$$${escapeHtml(e.tex)}$$</p>`).join('') +
    `<table><thead><tr><th></th><th>at</th><th>${escapeHtml(a)}</th><th>${escapeHtml(b)}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div>`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A check that prints itself as text, Markdown or HTML from its report data. */
export abstract class Reported {
  protected abstract report(): ReportData;

  toString(): string {
    return reportText(this.report());
  }

  /** Markdown with the expressions as `$$…$$` display math. */
  toMarkdown(): string {
    return reportMarkdown(this.report());
  }

  /** HTML with the expressions as `$$…$$` display math and a table of compared values. */
  toHtml(): string {
    return reportHtml(this.report());
  }
}
