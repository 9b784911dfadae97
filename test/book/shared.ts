/**
 * What the book's test files share: the course's notebooks executed once with the stub exercises
 * (the content-keyed cache of test/notebooks/executed.ts, also used by the notebook tests), and
 * where screenshots go.
 */
import { join } from 'path';
import { ROOT } from '../../kit/book/files';
import { courseNotebooks as editionNotebooks, editionDirs, executedCourse, EXECUTION_TIMEOUT_MS } from '../notebooks/executed';

export { EXECUTION_TIMEOUT_MS };
export const LOCK_DIR = editionDirs('en').lock;
/** Screenshots and other test artifacts. */
export const ARTIFACTS = join(ROOT, 'build', 'test-artifacts');

/** The committed (English) notebooks, in chapter order. */
export function courseNotebooks(): string[] {
  return editionNotebooks('en');
}

/**
 * Executes the notebooks whose copies are missing or stale, with the stubs: the English ones in
 * build/notebooks/ and, with `both` (the book's Korean pages), the Korean ones in
 * build/notebooks/ko/. Returns the English copies' folder.
 */
export async function executedWithStubs(editions: 'both' | 'english' = 'english'): Promise<string> {
  const english = await executedCourse('en');
  if (editions === 'both') await executedCourse('ko');
  return english;
}
