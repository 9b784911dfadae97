/** Where the project is, and how to show a path to the person who typed the command. */
import path from 'path';

/** The project root: the folder with package.json, `course/`, `exercises/`, `kit/` (kit/shared/../..). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** `file` relative to the working folder when it is inside it (`.` for the folder itself), else absolute. */
export function shownPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

/** A path with forward slashes (how the kit names files in manifests, releases and messages). */
export function posixPath(p: string): string {
  return p.split(path.sep).join('/');
}
