/**
 * File names for the students' results (`<out>/<stem>.json`). A student folder may be named
 * anything — spaces, control characters, `../`, `CON`, hundreds of characters — so each name is
 * made safe for every file system (letters, digits, `_`, `.`, `-`; no leading dot or dash; not a
 * Windows device name; at most 80 characters), and two names that become the same file name
 * (compared without case, as macOS and Windows do) never share a file: the later ones get `~2`,
 * `~3`, … and a note that says why.
 */
import crypto from 'crypto';

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_STEM = 80;

/** `name` as a file name stem (without the .json). */
export function safeStem(name: string): string {
  let stem = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.-]/, '_');
  if (stem === '' || WINDOWS_DEVICES.test(stem)) stem = `_${stem}`;
  if (stem.length > MAX_STEM) stem = `${stem.slice(0, MAX_STEM - 9)}~${crypto.createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  return stem;
}

export interface ResultName {
  stem: string;
  /** Set when the stem had to be made unique: why. */
  note?: string;
}

/** A unique stem per student (in the order given; `reserved` stems are taken already, e.g. 'scores'). */
export function resultNames(students: readonly string[], reserved: readonly string[] = []): Map<string, ResultName> {
  const taken = new Map<string, string>(reserved.map((r) => [r.toLowerCase(), '']));
  const out = new Map<string, ResultName>();
  for (const student of students) {
    const base = safeStem(student);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}~${n}`;
    const first = taken.get(base.toLowerCase());
    taken.set(stem.toLowerCase(), student);
    out.set(student, stem === base ? { stem } : { stem, note: `results in ${stem}.json: this folder's name, made safe for a file name, is the same as ${first === '' || first === undefined ? `a file the batch writes` : `another student's`} (${base}.json)` });
  }
  return out;
}
