/** Shared paths and temp-folder helpers for the grading tool's own tests. */
import fs from 'fs';
import os from 'os';
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SOLUTIONS = path.join(ROOT, 'solutions');
export const EXERCISES = path.join(ROOT, 'exercises');
export const HIDDEN = path.join(ROOT, 'test', 'hidden');
export const GRADERS = path.join(ROOT, 'test', 'graders');
export const MUTANTS = path.join(ROOT, 'test', 'mutants');
export const ALTERNATIVES = path.join(__dirname, 'alternatives');
export const EXERCISE_FILES = ['mse.ts', 'cross-entropy.ts', 'gradient-descent.ts', 'minibatch.ts', 'autograd.ts', 'optimizers.ts'];

/** A fresh temp folder holding a copy of solutions/, with `overrides` (file → source) written over it. */
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

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A snapshot (path → size:mtime) of the tracked project folders, to prove grading changes nothing. */
export function snapshot(dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const st = fs.statSync(full);
        out.set(full, `${st.size}:${st.mtimeMs}`);
      }
    }
  };
  for (const d of dirs) walk(d);
  return out;
}
