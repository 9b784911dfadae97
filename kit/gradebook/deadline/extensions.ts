/**
 * Extensions: a later deadline for some students. A JSON object (`{ "kim-minji": "2026-03-03T23:59+09:00" }`)
 * or a CSV file with a header naming the student column (`student`, `folder` or `login`) and the
 * deadline column (`deadline`, `due` or `before`), parsed with `csv-parse`. A key matches a
 * submission folder as a roster login does (roster.ts: the folder itself, or `<assignment>-<key>`).
 */
import { parse } from 'csv-parse/sync';
import { folderMatches } from '../export/roster';
import { parseDeadline } from './time';

export type Extensions = Map<string, Date>;

/** The extensions in `text` (`file` names it in errors; `.json` is read as JSON, anything else as CSV). */
export function parseExtensions(text: string, file: string): Extensions {
  const out: Extensions = new Map();
  const add = (student: unknown, deadline: unknown, where: string): void => {
    if (typeof student !== 'string' || student.trim() === '') throw new RangeError(`--extensions: ${where} has no student`);
    if (typeof deadline !== 'string') throw new RangeError(`--extensions: ${where} must give the deadline as text, received ${JSON.stringify(deadline)}`);
    if (out.has(student.trim())) throw new RangeError(`--extensions: ${where} repeats ${JSON.stringify(student.trim())}`);
    out.set(student.trim(), parseDeadline(deadline, `--extensions (${where})`));
  };
  if (file.toLowerCase().endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (error) {
      throw new RangeError(`--extensions: ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new RangeError(`--extensions: ${file} must be a JSON object { "student": "2026-03-03T23:59+09:00" }`);
    for (const [student, deadline] of Object.entries(data)) add(student, deadline, `${file}, key ${JSON.stringify(student)}`);
    return out;
  }
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { bom: true, columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new RangeError(`--extensions: ${file} is not a CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  records.forEach((r, i) => {
    const student = r.student ?? r.folder ?? r.login;
    const deadline = r.deadline ?? r.due ?? r.before;
    add(student, deadline, `${file}, line ${i + 2}`);
  });
  return out;
}

/** The deadline of the student in `folder`: their extension, or the course's. Two matching extensions are an error. */
export function deadlineFor(folder: string, deadline: Date, extensions: Extensions): { deadline: Date; extended: boolean } {
  const found = [...extensions].filter(([key]) => folderMatches(folder, key));
  if (found.length > 1) throw new RangeError(`--extensions: ${found.map(([k]) => JSON.stringify(k)).join(' and ')} all match the folder ${JSON.stringify(folder)}`);
  return found.length === 1 ? { deadline: found[0][1], extended: true } : { deadline, extended: false };
}
