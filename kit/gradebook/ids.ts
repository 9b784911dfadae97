/**
 * A safe, unique id per student, for file names (`feedback/<id>.md`) and every column that needs a
 * key: a readable slug of the original name plus a short hash of it, `kim-minji-3f9a1c2b`.
 *
 *   - The slug keeps ASCII letters and digits (lower case), and turns every other run into one `-`;
 *     a name with no ASCII letter at all (이서준, 김민지) has an empty slug and becomes `student-<hash>`.
 *   - The hash is the first 8 hex digits of SHA-256 of the name's UTF-8 bytes as given (two folders
 *     spelled in NFC and NFD are two folders, and keep two ids), so two different names collide
 *     only if their hashes do (probability ~ n²/2³³: about 5 in a million for 200
 *     students) — and `safeIds` checks for that too and lengthens the hash until every id differs.
 *   - Ids are lower case (macOS and Windows compare file names without case), at most 48 + 9
 *     characters, never a dot file, never a Windows device name (the hash suffix sees to that).
 *
 * The original name is kept in every CSV and report; only files are named by the id.
 */
import crypto from 'crypto';

const MAX_SLUG = 48;

function hashOf(name: string, digits: number): string {
  return crypto.createHash('sha256').update(name, 'utf8').digest('hex').slice(0, digits);
}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug === '' ? 'student' : slug;
}

/** The id of one name, with `digits` hex digits of hash (default 8). */
export function safeId(name: string, digits = 8): string {
  if (typeof name !== 'string') throw new TypeError(`safeId: name must be a string, received ${typeof name}`);
  return `${slugOf(name)}-${hashOf(name, digits)}`;
}

/** A distinct id for every distinct name. */
export function safeIds(names: readonly string[]): Map<string, string> {
  for (let digits = 8; digits <= 64; digits += 4) {
    const ids = new Map(names.map((n) => [n, safeId(n, digits)]));
    const byId = new Map<string, string>();
    let clash = false;
    for (const [name, id] of ids) {
      const other = byId.get(id);
      if (other !== undefined && other !== name) clash = true;
      byId.set(id, name);
    }
    if (!clash) return ids;
  }
  throw new Error('safeIds: two names have the same SHA-256');
}
