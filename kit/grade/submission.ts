/**
 * The files of a submission folder, read only when an exercise needs them (its file, then the files
 * it imports) and only as safe/paths.ts allows: plain files inside the folder, no links, no special
 * files, nothing larger than an exercise file can be. Only names a sibling import can reach are
 * read (letters, digits, `_`, `.`, `-`, ending in `.ts`; not `.d.ts` or `.test.ts`), so thousands of
 * extra files — or files named with control characters — cost nothing. Each file is read at most
 * once per grading, and one exercise with everything it imports may read at most MAX_FOLDER_BYTES.
 */
import { readFileInside } from './safe/paths';
import type { SourceFiles } from './sandbox/compiler';

/** Largest exercise file read, in bytes (a real one is a few kB). */
export const MAX_FILE_BYTES = 1_000_000;
/** Largest total of the files one exercise reads (itself and its imports), in bytes. */
export const MAX_FOLDER_BYTES = 4_000_000;

const FILE_NAME = /^[A-Za-z0-9_.-]+\.ts$/;

type Read = ReturnType<SourceFiles['read']>;

export class SubmissionFolder {
  private readonly cache = new Map<string, Read>();

  constructor(readonly dir: string) {}

  /** A file of the folder: its source, why it is refused, or undefined when there is no such file. */
  read(name: string): Read {
    if (!FILE_NAME.test(name) || name.endsWith('.d.ts') || name.endsWith('.test.ts')) return undefined;
    if (!this.cache.has(name)) {
      const read = readFileInside(this.dir, name, MAX_FILE_BYTES, 'an exercise file');
      this.cache.set(name, read.ok ? { ok: true, source: read.data.toString('utf8') } : read.missing ? undefined : { ok: false, problem: read.problem });
    }
    return this.cache.get(name);
  }

  /** The files as one exercise sees them: at most MAX_FOLDER_BYTES in all, in the order it reads them. */
  forExercise(): SourceFiles {
    let total = 0;
    const seen = new Map<string, Read>();
    return {
      read: (name) => {
        if (!seen.has(name)) {
          let read = this.read(name);
          if (read !== undefined && read.ok) {
            total += Buffer.byteLength(read.source, 'utf8');
            if (total > MAX_FOLDER_BYTES) read = { ok: false, problem: `${name} was not read: an exercise and the files it imports may have ${MAX_FOLDER_BYTES / 1e6} MB in all` };
          }
          seen.set(name, read);
        }
        return seen.get(name);
      },
    };
  }
}
