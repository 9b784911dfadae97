/** Shared paths and temp-folder helpers for the grading tool's own tests. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { listExercises } from '../../kit/grade/course';
import { PROJECT_ROOT } from '../../kit/shared/root';
import { listFiles } from '../../kit/shared/walk';

export const ROOT = PROJECT_ROOT;
export const SOLUTIONS = path.join(ROOT, 'solutions');
export const EXERCISES = path.join(ROOT, 'exercises');
/** The course's exercises, in chapter order (from course/). */
export const COURSE = listExercises(ROOT);
export const EXERCISE_FILES = COURSE.map((e) => e.file);

/** A fresh temp folder holding a copy of solutions/, with `overrides` (file → source, or null to delete) written over it. */
export function solutionsCopy(overrides: Record<string, string | null> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-grade-'));
  for (const name of fs.readdirSync(SOLUTIONS).filter((n) => n.endsWith('.ts'))) fs.copyFileSync(path.join(SOLUTIONS, name), path.join(dir, name));
  for (const [name, source] of Object.entries(overrides)) {
    const file = path.join(dir, name);
    if (source === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, source);
  }
  return dir;
}

/** The sets of alternative correct implementations (course/<exercise>/alternatives/<set>.ts), by set name. */
export function alternativeSets(): Map<string, Record<string, string>> {
  const sets = new Map<string, Record<string, string>>();
  for (const e of COURSE) {
    const dir = path.join(e.dir, 'alternatives');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const set = f.replace(/\.ts$/, '');
      sets.set(set, { ...(sets.get(set) ?? {}), [e.file]: fs.readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return sets;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A snapshot (path → size:mtime) of the files of `dirs`, to prove grading changes nothing. */
export function snapshot(dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of listFiles(dir, '', { skip: () => false })) {
      const st = fs.statSync(path.join(dir, file));
      out.set(path.join(dir, file), `${st.size}:${st.mtimeMs}`);
    }
  }
  return out;
}
