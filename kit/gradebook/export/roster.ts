/**
 * The class roster: who a submission folder belongs to. A CSV file (parsed by `csv-parse`, a BOM
 * and quoted fields welcome) with a header row naming, in any order and case:
 *
 *   - `folder` or `login` (GitHub login; `github` is accepted too) — at least one: the key;
 *   - `id` (or `student id`, `student_id`, `sis id`) — the institution's student id;
 *   - `name`, `email` — optional.
 *
 * A folder matches a roster row when it is the row's folder, or its login, or ends with `-<login>`
 * (GitHub Classroom names each student's repository `<assignment>-<login>`), compared without case
 * and in Unicode NFC; a folder that matches two rows matches neither (and is reported). Folders
 * without a row and rows without a folder are both reported: a missing student is news.
 */
import { parse } from 'csv-parse/sync';

export interface RosterEntry {
  /** Line of the CSV file (1-based, the header is line 1). */
  line: number;
  folder?: string;
  login?: string;
  studentId?: string;
  name?: string;
  email?: string;
}

export interface RosterJoin {
  /** Folder name → its roster entry. */
  matched: Map<string, RosterEntry>;
  /** Folders with no roster row (or with two). */
  unmatchedFolders: Array<{ folder: string; why: string }>;
  /** Roster rows no folder matched. */
  unmatchedRoster: RosterEntry[];
}

const COLUMNS: Record<string, keyof Omit<RosterEntry, 'line'>> = {
  folder: 'folder', login: 'login', github: 'login', 'github login': 'login', 'github username': 'login',
  id: 'studentId', 'student id': 'studentId', student_id: 'studentId', 'sis id': 'studentId', 'sis user id': 'studentId',
  name: 'name', 'full name': 'name', email: 'email', 'email address': 'email',
};

/** The entries of a roster CSV text; throws a RangeError naming the problem (and `source`). */
export function parseRoster(text: string, source = 'roster'): RosterEntry[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new RangeError(`--roster: ${source} is not a CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (records.length === 0) throw new RangeError(`--roster: ${source} is empty; expected a header row such as "login,id,name,email"`);
  const header = records[0].map((h) => COLUMNS[h.toLowerCase().replace(/\s+/g, ' ')]);
  if (!header.includes('folder') && !header.includes('login')) {
    throw new RangeError(`--roster: ${source} needs a "folder" or "login" column, received the columns ${JSON.stringify(records[0])}`);
  }
  return records.slice(1).map((cells, i) => {
    const entry: RosterEntry = { line: i + 2 };
    cells.forEach((cell, c) => {
      const key = header[c];
      if (key !== undefined && cell !== '') entry[key] = cell;
    });
    return entry;
  });
}

const fold = (s: string): string => s.normalize('NFC').toLowerCase();

/** Is `key` (a folder name or a login) this folder's: the folder itself, or `<assignment>-<key>`? */
export function folderMatches(folder: string, key: string): boolean {
  const f = fold(folder);
  const k = fold(key);
  return f === k || f.endsWith(`-${k}`);
}

/** Matches every folder name with at most one roster entry. */
export function joinRoster(folders: readonly string[], roster: readonly RosterEntry[]): RosterJoin {
  const matched = new Map<string, RosterEntry>();
  const unmatchedFolders: RosterJoin['unmatchedFolders'] = [];
  const used = new Set<RosterEntry>();
  for (const folder of folders) {
    const f = fold(folder);
    const exact = roster.filter((r) => (r.folder !== undefined && fold(r.folder) === f) || (r.login !== undefined && fold(r.login) === f));
    const candidates = exact.length > 0 ? exact : roster.filter((r) => r.login !== undefined && f.endsWith(`-${fold(r.login)}`));
    if (candidates.length === 1) {
      matched.set(folder, candidates[0]);
      used.add(candidates[0]);
    } else {
      unmatchedFolders.push({ folder, why: candidates.length === 0 ? 'no roster row' : `matches roster lines ${candidates.map((c) => c.line).join(', ')}` });
    }
  }
  return { matched, unmatchedFolders, unmatchedRoster: roster.filter((r) => !used.has(r)) };
}
