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

/** Executes the notebooks whose copies in build/notebooks are missing or stale, with the stubs. */
export async function executedWithStubs(): Promise<string> {
  return executedCourse('en');
}
