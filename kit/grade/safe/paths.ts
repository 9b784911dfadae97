/**
 * Reading what a student submitted without being led anywhere by it. Every path is checked one
 * component at a time with `lstat`, from a root the caller trusts: a symbolic link (to a folder or a
 * file, anywhere on the path), something that resolves outside the root, a folder where a file is
 * expected (or the reverse), a FIFO, a socket or a device is refused with one line that says so
 * ("exercises/ is a symbolic link; submit real files"), before anything is opened. A file is read
 * only if it is a regular file with a single hard link, no larger than the caller's cap, opened
 * without following links and without blocking, and checked again once open.
 *
 * Hard links: a second name for a file elsewhere on the grading machine cannot be told from the file
 * by its path, so any file with more than one hard link is refused (a clone, a copy or an unpacked
 * archive has one).
 */
import fs from 'fs';
import path from 'path';

export type Checked = { ok: true; full: string; stats: fs.Stats } | { ok: false; problem: string; missing: boolean };
export type ReadResult = { ok: true; data: Buffer } | { ok: false; problem: string; missing: boolean };

/** What a directory entry is, for messages: "a symbolic link", "a folder", "a FIFO (named pipe)", … */
export function kindOf(stats: fs.Stats | fs.Dirent): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFile()) return 'a file';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** `1.0 MB` */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

const refused = (problem: string, missing = false): { ok: false; problem: string; missing: boolean } => ({ ok: false, problem, missing });

/**
 * Checks `rel` (forward slashes, inside `root`): every component must exist and be a real folder,
 * the last one a regular file (`kind` 'file') or a folder; no component may be a link, and the
 * real path must stay inside the real root. `root` itself is the caller's to trust.
 */
export function checkPath(root: string, rel: string, kind: 'file' | 'folder'): Checked {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return refused(`${JSON.stringify(rel)} is not a path inside the submission`);
  let full = root;
  let stats: fs.Stats | undefined;
  for (let i = 0; i < parts.length; i++) {
    full = path.join(full, parts[i]);
    const shown = parts.slice(0, i + 1).join('/');
    const last = i === parts.length - 1;
    try {
      stats = fs.lstatSync(full);
    } catch {
      return refused(`${shown} was not found`, true);
    }
    const wantFolder = !last || kind === 'folder';
    if (stats.isSymbolicLink()) return refused(`${shown}${wantFolder ? '/' : ''} is a symbolic link; submit real files`);
    if (wantFolder && !stats.isDirectory()) return refused(`${shown} is ${kindOf(stats)}, not a folder`);
    if (!wantFolder && !stats.isFile()) return refused(`${shown} is ${kindOf(stats)}, not a file`);
  }
  try {
    const inside = path.relative(fs.realpathSync(root), fs.realpathSync(full));
    if (inside.startsWith('..') || path.isAbsolute(inside)) return refused(`${rel} resolves outside the submission`);
  } catch {
    return refused(`${rel} cannot be resolved`);
  }
  return { ok: true, full, stats: stats! };
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * The bytes of the regular file `rel` inside `root`, at most `maxBytes` of them (`what` names the
 * limit in the message: "an exercise file"); refused as `checkPath` refuses, and when it has more
 * than one hard link or is larger than the cap.
 */
export function readFileInside(root: string, rel: string, maxBytes: number, what = 'a file'): ReadResult {
  const checked = checkPath(root, rel, 'file');
  if (!checked.ok) return checked;
  const { full, stats } = checked;
  if (stats.nlink > 1) return refused(`${rel} has ${stats.nlink} hard links (another name for a file elsewhere?); submit a plain file`);
  const tooLarge = (size: number): ReadResult => refused(`${rel} is ${megabytes(size)}, more than the ${maxBytes / 1e6} MB ${what} may have`);
  if (stats.size > maxBytes) return tooLarge(stats.size);
  let fd: number;
  try {
    fd = fs.openSync(full, OPEN_FLAGS);
  } catch (error) {
    return refused(`${rel} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) return refused(`${rel} changed while it was being read`);
    const buffer = Buffer.alloc(Math.min(maxBytes, Math.max(0, opened.size)) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return tooLarge(length);
    if (length === buffer.length) return refused(`${rel} changed while it was being read`);
    return { ok: true, data: buffer.subarray(0, length) };
  } catch (error) {
    return refused(`${rel} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The entries of the folder `rel` inside `root` (checked as `checkPath` checks), at most `max` of
 * them: `truncated` says that there were more. Entries are lstat-typed (links are not followed).
 */
export function listFolder(root: string, rel: string, max: number): { ok: true; entries: fs.Dirent[]; truncated: boolean } | { ok: false; problem: string; missing: boolean } {
  const checked = rel === '' ? { ok: true as const, full: root } : checkPath(root, rel, 'folder');
  if (!checked.ok) return checked;
  let dir: fs.Dir;
  try {
    dir = fs.opendirSync(checked.full);
  } catch (error) {
    return refused(`${rel || '.'} cannot be listed (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const entries: fs.Dirent[] = [];
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (entries.length >= max) return { ok: true, entries, truncated: true };
      entries.push(entry);
    }
  } finally {
    dir.closeSync();
  }
  return { ok: true, entries, truncated: false };
}
