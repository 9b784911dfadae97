/**
 * The kit's sources a student could paste: every TypeScript file a student repository holds (the
 * library in src/, the grading tool, the notebook and book helpers, each exercise's public grader
 * and drivers), except the exercise stubs, which are every student's common starting point and are
 * subtracted instead; with the hidden graders too when they ran (never shipped, but an answer key
 * that leaks is worth catching). Read from the kit's own folder.
 */
import fs from 'fs';
import path from 'path';
import { listExercises } from '../../grade/course';
import { posixPath } from '../../shared/root';
import { listFiles } from '../../shared/walk';

/** Folders of the student repository copied whole (kit/release/tree.ts's COPIED_DIRS, the stubs' folder left out; a test keeps them the same). */
export const SHIPPED_DIRS = ['src', 'kit/grade', 'kit/notebooks', 'kit/book'];
/** The stubs' folder: never compared, subtracted. */
export const STUB_DIR = 'exercises/';

export interface KitSource {
  /** Path in the kit, `/`-separated. */
  path: string;
  source: string;
}

const isSource = (file: string): boolean => file.endsWith('.ts') && !file.endsWith('.d.ts');

/** The TypeScript sources of `files` (release paths), stubs excluded, as text. */
export function shippedSources(files: ReadonlyMap<string, Buffer | string>): KitSource[] {
  const out: KitSource[] = [];
  for (const [file, content] of files) {
    if (!isSource(file) || file.startsWith(STUB_DIR)) continue;
    out.push({ path: file, source: typeof content === 'string' ? content : content.toString('utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The kit in `root`: its shipped sources (SHIPPED_DIRS, public graders and drivers), plus the hidden graders' folders when `hidden`. */
export function kitSources(root: string, hidden: boolean): KitSource[] {
  const files = new Map<string, Buffer>();
  const add = (rel: string): void => {
    files.set(posixPath(rel), fs.readFileSync(path.join(root, rel)));
  };
  for (const dir of SHIPPED_DIRS) for (const file of listFiles(root, dir)) if (isSource(file)) add(file);
  for (const e of listExercises(root)) {
    for (const part of [e.grader, e.drivers]) if (part !== undefined) add(path.relative(root, part));
    if (hidden && e.hidden !== undefined) {
      const dir = path.relative(root, path.dirname(e.hidden));
      for (const file of listFiles(root, dir)) if (isSource(file)) add(file);
    }
  }
  return shippedSources(files);
}
