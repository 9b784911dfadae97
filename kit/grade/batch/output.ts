/**
 * How the batch writes: one Gradescope results.json per student, bounded in size whatever the
 * submission returned, and the grade sheet (report/csv.ts). Files are written to a temporary name
 * and renamed into place, so a link planted in the output folder is replaced, never followed.
 */
import fs from 'fs';
import path from 'path';

/** Largest results.json of one student, in bytes (a full report is about 60 kB). */
export const MAX_RESULTS_BYTES = 1_000_000;

/** Writes `content` to `dir/name` through a temporary file and a rename. */
export function writeFileAtomic(dir: string, name: string, content: string): void {
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content, { flag: 'w' });
  fs.renameSync(temp, target);
}

/** The JSON text of a results object, with test outputs shortened until it fits MAX_RESULTS_BYTES. */
export function boundedJson(results: { tests?: unknown }): string {
  let text = `${JSON.stringify(results, null, 2)}\n`;
  for (const keep of [1000, 200, 0]) {
    if (Buffer.byteLength(text, 'utf8') <= MAX_RESULTS_BYTES) return text;
    const tests = Array.isArray(results.tests) ? (results.tests as Array<Record<string, unknown>>) : [];
    const shortened = tests.map((t) => ({ ...t, output: typeof t.output === 'string' && t.output.length > keep ? `${t.output.slice(0, keep)}… (shortened: results.json is limited to ${MAX_RESULTS_BYTES / 1e6} MB)` : t.output }));
    text = `${JSON.stringify({ ...results, tests: shortened }, null, 2)}\n`;
  }
  return text;
}
