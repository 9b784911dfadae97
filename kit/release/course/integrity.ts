/**
 * Is this student repository still grading with the graders it was given? `npm run release` writes
 * `kit/course/checksums.json`: the SHA-256 of every protected file (the graders and what they
 * import, the grading engine, this folder, package.json, course.json and the CI workflow) and the
 * protected folders, where no file may be added. Line endings are normalised (CRLF → LF) before
 * hashing, so a Windows checkout verifies too.
 *
 * This check is tamper-evident, not tamper-proof: everything in a student's repository can be
 * edited, this file and the checksums included. It turns an edited test or workflow into a visible
 * "graders modified" failure in CI; the instructor's `npm run grade -- --batch` compares each
 * submission with the kit itself and grades with the kit's own graders.
 *
 * The batch runs it on repositories it does not trust: files are read as safe/paths.ts reads them
 * (no links followed — `test` → `/` is reported, not walked —, no FIFOs or devices opened, at most
 * MAX_PROTECTED_BYTES each), and the protected folders are walked to at most MAX_WALKED entries.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { verifyManifest } from '../../grade/manifest';
import { listFolder, readFileInside } from '../../grade/safe/paths';

/** Where the checksums live, relative to the repository root. */
export const CHECKSUMS_FILE = 'kit/course/checksums.json';
/** Folders never walked (installed or generated). */
export const IGNORED_DIRS = ['node_modules', '.git', 'build', 'dist'];
/** Largest protected file read, in bytes (the largest shipped is about 50 kB). */
export const MAX_PROTECTED_BYTES = 5_000_000;
/** Most entries walked in the protected folders of one repository. */
export const MAX_WALKED = 5_000;
/** Deepest folder walked in them. */
const MAX_WALK_DEPTH = 16;

export interface Checksums {
  algorithm: 'sha256';
  /** Folders (with a trailing /) in which every file must be listed. */
  protected: string[];
  /** Repository-relative path (forward slashes) → hex digest. */
  files: Record<string, string>;
}

/** SHA-256 of a file's content with CRLF normalised to LF. */
export function digest(content: Buffer | string): string {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const text = buffer.includes(0) ? buffer : Buffer.from(buffer.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** The repository root: the nearest folder above `from` with a package.json (kit/course → root). */
export function findRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'kit'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no project root (a folder with package.json and kit/) above ${from}`);
    dir = up;
  }
}

/** Every entry under the folder `rel` (links and special files listed, never followed), or why it cannot be walked. */
function walk(root: string, rel: string, out: string[], problems: string[], budget: { left: number }, depth = 0): void {
  const listed = listFolder(root, rel, budget.left);
  if (!listed.ok) {
    if (!listed.missing) problems.push(listed.problem);
    return;
  }
  budget.left -= listed.entries.length;
  if (listed.truncated || budget.left <= 0) {
    problems.push(`${rel}/ has too many files (more than ${MAX_WALKED} in the protected folders)`);
    budget.left = 0;
  }
  for (const entry of listed.entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (IGNORED_DIRS.includes(entry.name)) continue;
      if (depth >= MAX_WALK_DEPTH) problems.push(`${child}/ is nested too deeply`);
      else if (budget.left > 0) walk(root, child, out, problems, budget, depth + 1);
    } else {
      out.push(child);
    }
  }
}

/**
 * What differs from the checksums: "test/graders/mse.test.ts (changed)", "… (missing)", "… (added)",
 * or why a file cannot be read ("package.json is a symbolic link; submit real files").
 */
export function checkIntegrity(root: string, checksums: Checksums): string[] {
  const problems: string[] = [];
  for (const [file, expected] of Object.entries(checksums.files)) {
    const read = readFileInside(root, file, MAX_PROTECTED_BYTES, 'a protected file');
    if (!read.ok) problems.push(read.missing ? `${file} (missing)` : read.problem);
    else if (digest(read.data) !== expected) problems.push(`${file} (changed)`);
  }
  const budget = { left: MAX_WALKED };
  for (const dir of checksums.protected) {
    const found: string[] = [];
    walk(root, dir.replace(/\/$/, ''), found, problems, budget);
    for (const file of found.sort()) {
      if (file !== CHECKSUMS_FILE && !Object.prototype.hasOwnProperty.call(checksums.files, file)) problems.push(`${file} (added)`);
    }
  }
  return [...new Set(problems)];
}

/** The grading manifest's verdict (kit/grade/manifest.json, the kit's), in the same words. */
export function manifestProblems(root: string): string[] {
  const check = verifyManifest(root);
  if (check.ok) return [];
  const listed = [
    ...check.changed.map((f) => `${f} (changed)`),
    ...check.missing.map((f) => `${f} (missing)`),
    ...check.added.map((f) => `${f} (added)`),
  ];
  return listed.length > 0 ? listed : [check.message];
}

function readChecksums(root: string): Checksums | string {
  const read = readFileInside(root, CHECKSUMS_FILE, MAX_PROTECTED_BYTES, 'a protected file');
  if (!read.ok) return read.missing ? `${CHECKSUMS_FILE} (missing)` : read.problem;
  try {
    const checksums = JSON.parse(read.data.toString('utf8')) as Checksums;
    if (checksums === null || typeof checksums.files !== 'object' || !Array.isArray(checksums.protected)) return `${CHECKSUMS_FILE} (not a checksums file)`;
    return checksums;
  } catch {
    return `${CHECKSUMS_FILE} (not valid JSON)`;
  }
}

/**
 * Everything that differs from what the course shipped: the graders against the kit's grading
 * manifest, and every protected file against kit/course/checksums.json. Empty when intact.
 */
export function verifyRepository(root: string = findRoot()): string[] {
  const checksums = readChecksums(root);
  const problems = typeof checksums === 'string' ? [checksums] : checkIntegrity(root, checksums);
  const seen = new Set(problems.map((p) => p.replace(/ \([^)]*\)$/, '')));
  for (const p of manifestProblems(root)) if (!seen.has(p.replace(/ \([^)]*\)$/, ''))) problems.push(p);
  return problems;
}
