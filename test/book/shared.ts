/**
 * One execution of the course's notebooks shared by the book's test files (and by later runs):
 * the stale or missing ones are executed into build/notebooks/ with the stub exercises, under a
 * lock so that test files running in parallel wait for each other instead of running twice.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { executeNotebooks } from '../../kit/book/execute';
import { EXECUTED_DIR, EXERCISES_DIR, NOTEBOOKS_DIR, ROOT } from '../../kit/book/files';
import { listNotebooks } from '../../kit/notebooks/notebook';

export const LOCK_DIR = join(ROOT, 'build', '.book-tests.lock');
/** Screenshots and other test artifacts. */
export const ARTIFACTS = join(ROOT, 'build', 'test-artifacts');
/** Long enough to execute every chapter once. */
export const EXECUTION_TIMEOUT_MS = 900_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
      } catch { /* being created */ }
      if (Number.isInteger(owner) && !alive(owner)) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK_DIR} (held by pid ${owner})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** The committed notebooks, in chapter order. */
export function courseNotebooks(): string[] {
  return listNotebooks(NOTEBOOKS_DIR);
}

/** Executes the notebooks whose copies in build/notebooks are missing or stale, with the stubs. */
export async function executedWithStubs(): Promise<string> {
  await withLock(() => executeNotebooks(courseNotebooks(), {
    executedDir: EXECUTED_DIR,
    mode: 'stale',
    exercisesDir: EXERCISES_DIR,
    progress: (e) => { if (e.kind !== 'start') console.log(`[book tests] ${e.notebook} ${e.kind === 'done' ? `${e.seconds.toFixed(1)} s` : 'FAILED'}`); },
  }));
  return EXECUTED_DIR;
}
