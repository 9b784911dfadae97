/**
 * The result of a grading run and its three renderings: a text table (terminal, CI), an HTML table
 * (notebook) and Gradescope's results.json. Feedback quotes what a submission returned or threw,
 * so every rendering prints it through cleanText (safe/text.ts): no control characters, no CI
 * commands, capped.
 */
import { truncate } from './plain';
import { cleanText } from './safe/text';

export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';

export interface CheckResult {
  exercise: string;
  file: string;
  chapter: string;
  name: string;
  /** Points earned: maxPoints when passed, else 0. */
  points: number;
  maxPoints: number;
  passed: boolean;
  /** Empty when passed; otherwise input / expected / received / hint lines. */
  feedback: string;
  hidden: boolean;
  ms: number;
  /** When it failed because of what the submission did (a refusal, a time-out, a crash): the first such problem, one line. */
  problem?: string;
}

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  output: string;
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  stdout_visibility: Visibility;
  tests: GradescopeTest[];
}

export interface ExerciseTotal {
  exercise: string;
  file: string;
  score: number;
  maxScore: number;
}

/** Visibility of hidden checks in Gradescope: shown once grades are published. */
export const HIDDEN_VISIBILITY: Visibility = 'after_published';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export class GradeReport {
  constructor(
    /** The folder that was graded. */
    readonly dir: string,
    readonly results: CheckResult[],
    /** Wall time of the whole run, in ms. */
    readonly ms: number,
  ) {}

  get score(): number {
    return this.results.reduce((s, r) => s + r.points, 0);
  }

  get maxScore(): number {
    return this.results.reduce((s, r) => s + r.maxPoints, 0);
  }

  get passed(): number {
    return this.results.filter((r) => r.passed).length;
  }

  /** Score per exercise file, in report order. */
  totals(): ExerciseTotal[] {
    const byFile = new Map<string, ExerciseTotal>();
    for (const r of this.results) {
      const t = byFile.get(r.file) ?? { exercise: r.exercise, file: r.file, score: 0, maxScore: 0 };
      t.score += r.points;
      t.maxScore += r.maxPoints;
      byFile.set(r.file, t);
    }
    return [...byFile.values()];
  }

  /** A plain-text table: exercise, test, points, feedback (feedback lines indented below). */
  toText(options: { color?: boolean } = {}): string {
    const color = options.color === true;
    const green = (s: string): string => (color ? `\u001b[32m${s}\u001b[39m` : s);
    const red = (s: string): string => (color ? `\u001b[31m${s}\u001b[39m` : s);
    const fileWidth = Math.max(8, ...this.results.map((r) => r.file.length));
    const nameWidth = Math.min(60, Math.max(4, ...this.results.map((r) => r.name.length + (r.hidden ? 9 : 0))));
    const lines: string[] = [];
    lines.push(`${pad('exercise', fileWidth)}  ${pad('test', nameWidth)}  points  feedback`);
    lines.push(`${'-'.repeat(fileWidth)}  ${'-'.repeat(nameWidth)}  ------  ${'-'.repeat(30)}`);
    for (const r of this.results) {
      const name = truncate(`${r.hidden ? '[hidden] ' : ''}${r.name}`, nameWidth);
      const points = pad(`${r.points}/${r.maxPoints}`, 6);
      const text = cleanText(r.feedback);
      const feedback = r.passed ? green('ok') : red(text.split('\n')[0]);
      lines.push(`${pad(r.file, fileWidth)}  ${pad(name, nameWidth)}  ${points}  ${feedback}`);
      if (!r.passed) {
        const indent = ' '.repeat(fileWidth + nameWidth + 12);
        for (const extra of text.split('\n').slice(1)) lines.push(`${indent}${extra}`);
      }
    }
    lines.push('');
    for (const t of this.totals()) lines.push(`${pad(t.file, fileWidth)}  ${t.score}/${t.maxScore}`);
    lines.push(`${pad('total', fileWidth)}  ${this.score}/${this.maxScore} points (${this.passed}/${this.results.length} checks passed, ${(this.ms / 1000).toFixed(1)} s)`);
    return lines.join('\n');
  }

  /** The same table as HTML, for a notebook cell. */
  toHtml(): string {
    const rows = this.results
      .map((r) => {
        const status = r.passed ? '&#10003;' : '&#10007;';
        const colour = r.passed ? '#1a7f37' : '#cf222e';
        const feedback = r.passed ? 'ok' : `<pre style="margin:0;white-space:pre-wrap">${escapeHtml(cleanText(r.feedback))}</pre>`;
        return (
          `<tr><td>${escapeHtml(r.file)}</td><td>${r.hidden ? '<em>[hidden]</em> ' : ''}${escapeHtml(r.name)}</td>` +
          `<td style="color:${colour};white-space:nowrap">${status} ${r.points}/${r.maxPoints}</td><td>${feedback}</td></tr>`
        );
      })
      .join('\n');
    const totals = this.totals()
      .map((t) => `${escapeHtml(t.file)} ${t.score}/${t.maxScore}`)
      .join(' · ');
    return [
      '<div class="descent-grade">',
      `<p><strong>${this.score}/${this.maxScore} points</strong> (${this.passed}/${this.results.length} checks passed) — ${totals}</p>`,
      '<table style="border-collapse:collapse;text-align:left;vertical-align:top">',
      '<thead><tr><th>exercise</th><th>test</th><th>points</th><th>feedback</th></tr></thead>',
      `<tbody>\n${rows}\n</tbody>`,
      '</table>',
      '</div>',
    ].join('\n');
  }

  /** Gradescope's results.json. */
  toGradescope(): GradescopeResults {
    return {
      score: this.score,
      max_score: this.maxScore,
      execution_time: Math.round(this.ms) / 1000,
      output: `${this.score}/${this.maxScore} points (${this.passed}/${this.results.length} checks passed)`,
      stdout_visibility: 'hidden',
      tests: this.results.map((r) => ({
        name: `${r.file} › ${r.name}`,
        score: r.points,
        max_score: r.maxPoints,
        output: r.passed ? 'ok' : cleanText(r.feedback),
        visibility: r.hidden ? HIDDEN_VISIBILITY : 'visible',
      })),
    };
  }
}
