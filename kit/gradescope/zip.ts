/**
 * Writes a zip with yazl: entries in the order given, a fixed modification time (the same inputs
 * give the same bytes), scripts executable (Gradescope runs setup.sh and run_autograder as files).
 */
import fs from 'fs';
import yazl from 'yazl';

/** The modification time of every entry. */
export const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

export interface ZipEntry {
  name: string;
  content: Buffer;
  executable?: boolean;
  /** The full Unix mode instead (e.g. 0o120777 for a link, as tests craft hostile zips). */
  mode?: number;
}

/** Writes `entries` to the zip file `out` (replaced). Resolves to its size in bytes. */
export function writeZip(out: string, entries: readonly ZipEntry[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const stream = fs.createWriteStream(out);
    stream.on('error', reject);
    stream.on('close', () => resolve(fs.statSync(out).size));
    zip.outputStream.on('error', reject).pipe(stream);
    for (const e of entries) zip.addBuffer(e.content, e.name, { mtime: ZIP_MTIME, mode: e.mode ?? (e.executable === true ? 0o100755 : 0o100644), compress: true });
    zip.end();
  });
}
