/**
 * Which exercise file belongs to which chapter: each file of `exercises/` names its chapter in its
 * header comment (`Exercise — chapter 01-mse: …`). Only the exercise folder is read (the stubs in
 * a student release), never `solutions/`.
 */
import { join } from 'path';
import { assertNotSolution, listDir, readText } from './files';

export interface Exercise {
  /** The file's name without `.ts`, also the grader's name for it (`check('mse')`). */
  name: string;
  /** The chapter slug named in the header (`01-mse`). */
  chapter: string;
  /** The file's path. */
  file: string;
  /** The file's text. */
  source: string;
}

/** The header line that names the chapter. */
export const CHAPTER_LINE = /Exercise\s*[—–-]+\s*chapter\s+([0-9]{2}-[\w-]+)/i;

/** The exercises of a folder (`*.ts`, not `.d.ts`/tests), each with its chapter; files without one are skipped. */
export function findExercises(dir: string): Exercise[] {
  assertNotSolution(dir);
  const found: Exercise[] = [];
  for (const f of listDir(dir)) {
    if (!f.endsWith('.ts') || f.endsWith('.d.ts') || /\.test\.ts$/.test(f)) continue;
    const file = join(dir, f);
    const source = readText(file);
    const chapter = CHAPTER_LINE.exec(source.slice(0, 2000))?.[1];
    if (chapter) found.push({ name: f.replace(/\.ts$/, ''), chapter, file, source });
  }
  return found;
}

/** The exercises of each chapter slug. */
export function exercisesByChapter(exercises: readonly Exercise[]): Map<string, Exercise[]> {
  const map = new Map<string, Exercise[]>();
  for (const e of exercises) map.set(e.chapter, [...(map.get(e.chapter) ?? []), e]);
  return map;
}
