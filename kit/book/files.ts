/**
 * Every file the book builder reads or copies goes through this module, which refuses anything
 * under `solutions/`: a book built for students (`--student`) can never contain solution code,
 * whichever options it was given. (A test checks that no other file in kit/book touches `fs` reads.)
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { ROOT } from '../notebooks/resolve';

export { ROOT };
/** The reference solutions: never read by the book builder. */
export const SOLUTIONS_DIR = join(ROOT, 'solutions');
/** The course's committed notebooks (the chapter order is their file names' order). */
export const NOTEBOOKS_DIR = join(ROOT, 'notebooks');
/** The student's exercise files (stubs in the release). */
export const EXERCISES_DIR = join(ROOT, 'exercises');
/** Where the executed notebooks are (the runner's default output). */
export const EXECUTED_DIR = join(ROOT, 'build', 'notebooks');
/** Where `npm run book` writes the site. */
export const BOOK_DIR = join(ROOT, 'build', 'book');

const caseless = process.platform === 'win32' || process.platform === 'darwin';

function real(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    // A path that does not exist yet: resolve its closest existing parent.
    const parent = dirname(abs);
    return parent === abs ? abs : join(real(parent), abs.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/** True when `path` is `dir` or inside it (symlinks resolved). */
export function isInside(path: string, dir: string): boolean {
  let d = real(dir);
  let p = real(path);
  if (caseless) {
    d = d.toLowerCase();
    p = p.toLowerCase();
  }
  const rel = relative(d, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Throws when `path` is inside `solutions/`.
 * @throws Error naming the path.
 */
export function assertNotSolution(path: string, solutionsDir = SOLUTIONS_DIR): void {
  if (isInside(path, solutionsDir)) {
    throw new Error(`the book builder never reads the solutions: refused ${JSON.stringify(path)} (inside ${JSON.stringify(solutionsDir)})`);
  }
}

/** Reads a UTF-8 file (never from solutions/). */
export function readText(path: string): string {
  assertNotSolution(path);
  return readFileSync(path, 'utf8');
}

/** Reads and parses a JSON file (never from solutions/). */
export function readJson<T>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

/** A read stream of a file (never from solutions/): the server's responses. */
export function readStream(path: string): ReturnType<typeof createReadStream> {
  assertNotSolution(path);
  return createReadStream(path);
}

/** Copies a file, creating the target folder (never from solutions/). */
export function copyFile(from: string, to: string): void {
  assertNotSolution(from);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** The names in a folder, sorted (never solutions/); [] when it does not exist. */
export function listDir(dir: string): string[] {
  assertNotSolution(dir);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Modification time in ms, or null when the file does not exist. */
export function modifiedMs(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** A path relative to the project, with forward slashes (for messages and hints). */
export function shown(path: string): string {
  const rel = relative(ROOT, resolve(path)).split(sep).join('/');
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(path) : rel;
}
