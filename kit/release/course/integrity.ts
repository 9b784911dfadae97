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
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { verifyManifest } from '../../grade/manifest';

/** Where the checksums live, relative to the repository root. */
export const CHECKSUMS_FILE = 'kit/course/checksums.json';
/** Folders never walked (installed or generated). */
export const IGNORED_DIRS = ['node_modules', '.git', 'build', 'dist'];

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

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.includes(entry.name)) walk(root, child, out);
    } else {
      out.push(child);
    }
  }
}

/** What differs from the checksums: "test/graders/mse.test.ts (changed)", "… (missing)", "… (added)". */
export function checkIntegrity(root: string, checksums: Checksums): string[] {
  const problems: string[] = [];
  for (const [file, expected] of Object.entries(checksums.files)) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) problems.push(`${file} (missing)`);
    else if (digest(fs.readFileSync(full)) !== expected) problems.push(`${file} (changed)`);
  }
  for (const dir of checksums.protected) {
    const found: string[] = [];
    walk(root, dir.replace(/\/$/, ''), found);
    for (const file of found.sort()) {
      if (file !== CHECKSUMS_FILE && !Object.prototype.hasOwnProperty.call(checksums.files, file)) problems.push(`${file} (added)`);
    }
  }
  return problems;
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
  const file = path.join(root, CHECKSUMS_FILE);
  if (!fs.existsSync(file)) return `${CHECKSUMS_FILE} (missing)`;
  try {
    const checksums = JSON.parse(fs.readFileSync(file, 'utf8')) as Checksums;
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
