/**
 * Text that came from a submission — thrown messages, returned strings and object keys, file and
 * folder names — on its way to a terminal, a CI log, a Markdown job summary, a JSON file or a
 * spreadsheet. Each destination has its own dangers:
 *
 *   - terminals obey escape sequences (colours, cursor moves, OSC 52 clipboard writes, hyperlinks)
 *     and a bare carriage return overwrites a line: `cleanText` removes every control character but
 *     the newline (a tab becomes a space) and every escape sequence, and the Unicode
 *     direction overrides that reorder what is shown;
 *   - a GitHub Actions runner obeys a log line that starts with `::` (after blanks) or contains `##[`
 *     (set an output, mask, annotate): `cleanText` breaks both (`: :`, `# #[`), and
 *     `stopCommands` wraps a whole output in `::stop-commands::<token>` … `::<token>::`;
 *   - a Markdown table cell ends at `|` or a newline and renders HTML: `markdownCell`;
 *   - a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return:
 *     `csvCell` (OWASP's rule: such a cell is prefixed with `'`).
 *
 * Every string is also capped (`cleanText(text, max)`), so that no answer can make a report huge.
 */
import crypto from 'crypto';

/** Longest piece of untrusted text kept anywhere, in characters (default cap of cleanText). */
export const MAX_TEXT = 2_000;

// ESC-initiated sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (… BEL or ESC \), two-character escapes.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|[ -/]*[0-~]?)/g;
// C0 controls but \t and \n, DEL, C1 controls, direction overrides and isolates, line/paragraph separators, BOM.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

/**
 * `text` made safe to print: no escape sequence or control character but the newline (CRLF becomes
 * a newline, another carriage return or a tab a space),
 * no line a CI runner would take for a command, at most `max` characters (then `…`).
 */
export function cleanText(text: unknown, max = MAX_TEXT): string {
  let s = typeof text === 'string' ? text : String(text);
  if (s.length > 4 * max + 1000) s = s.slice(0, 4 * max + 1000); // bounded work: cleaning only removes characters
  s = s
    .replace(ESCAPES, '')
    .replace(/\r\n/g, '\n')
    .replace(/[\r\t]/g, ' ')
    .replace(CONTROLS, '')
    .replace(/^(\s*):(?=:)/gm, '$1: ')
    .replace(/##\[/g, '# #[');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** `cleanText` on one line: newlines become spaces. */
export function cleanLine(text: unknown, max = 200): string {
  return cleanText(text, max).replace(/\n+/g, ' ').trim();
}

/** A Markdown (GitHub-flavoured) table cell showing `text` literally, newlines as `<br>`. */
export function markdownCell(text: unknown, max = MAX_TEXT): string {
  return cleanText(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/\n/g, '<br>');
}

/** A CSV field: cleaned to one line, a leading `= + - @` neutralised with `'`, quoted when needed. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let text = cleanLine(value, 500);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The lines that pause and resume the GitHub Actions runner's command processing around untrusted
 * output: between them no line is taken for a command. The token is random, so that the output it
 * encloses cannot guess it and resume processing early.
 */
export function stopCommands(): { stop: string; resume: string } {
  const token = `descent-${crypto.randomBytes(16).toString('hex')}`;
  return { stop: `::stop-commands::${token}\n`, resume: `::${token}::\n` };
}
