/**
 * Unpacks a zip a student uploaded, as hostile input (yauzl reads it): an entry outside the
 * target folder (`../x`, `/etc/x`, `C:\x`) refuses the whole zip; links, devices and encrypted
 * entries are skipped with a note; sizes are capped before a byte is inflated — per file (the
 * grader reads at most 1 MB per file anyway), in total and in number of entries — and yauzl checks
 * that no entry inflates to more than it declared, so a zip bomb stops at the cap. Only regular
 * files are written, each created new (`wx`: never through an existing name or link).
 */
import fs from 'fs';
import path from 'path';
import { pipeline } from 'stream/promises';
import { Transform } from 'stream';
import yauzl from 'yauzl';

export interface UnzipLimits {
  /** Most entries (files and folders) read. */
  maxEntries: number;
  /** Largest file, in bytes (uncompressed). */
  maxFileBytes: number;
  /** Most bytes written in all. */
  maxTotalBytes: number;
  /** Deepest path, in components. */
  maxDepth: number;
}

/** The defaults: an exercise file is at most 1 MB and a submission needs a few dozen files. */
export const UNZIP_LIMITS: UnzipLimits = { maxEntries: 2_000, maxFileBytes: 1_000_000, maxTotalBytes: 16_000_000, maxDepth: 12 };

export interface UnzipResult {
  /** Files written (relative, with '/'). */
  files: string[];
  /** One line per entry skipped, and why. */
  skipped: string[];
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Unix file type of an entry, from its external attributes (0 when the zip did not record one). */
function unixType(entry: yauzl.Entry): number {
  return ((entry.externalFileAttributes >>> 16) & S_IFMT) >>> 0;
}

function open(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false, autoClose: false }, (error, zip) => {
      if (error !== null || zip === undefined) reject(error ?? new Error('unreadable zip'));
      else resolve(zip);
    });
  });
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null || stream === undefined) reject(error ?? new Error('unreadable entry'));
      else resolve(stream);
    });
  });
}

/** A pass-through that fails once more than `max` bytes went through (a second guard behind yauzl's). */
function capped(max: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > max ? new Error(`${name} inflates to more than ${max} bytes`) : null, chunk);
    },
  });
}

/**
 * Unpacks `zipFile` into the folder `into` (created, must not exist). @throws Error with one line
 * when the zip is unreadable, has an entry outside `into`, or exceeds a limit.
 */
export async function unzipSafely(zipFile: string, into: string, limits: UnzipLimits = UNZIP_LIMITS): Promise<UnzipResult> {
  fs.mkdirSync(into);
  const zip = await open(zipFile);
  const result: UnzipResult = { files: [], skipped: [] };
  let entries = 0;
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown): void => {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      // yauzl checks every name itself (absolute, '..', backslashes) and stops on the first bad one.
      zip.on('error', (error: Error) =>
        fail(/^(invalid relative path|absolute path|invalid characters in fileName)/.test(error.message) ? new Error(`the zip has an entry outside its folder (${error.message.slice(0, 200)})`) : error),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (failed) return;
        try {
          onEntry(entry);
        } catch (error) {
          fail(error);
        }
      });
      const onEntry = (entry: yauzl.Entry): void => {
        const name = entry.fileName;
        const next = (): void => zip.readEntry();
        entries += 1;
        if (entries > limits.maxEntries) return fail(new Error(`the zip has more than ${limits.maxEntries} entries`));
        // yauzl.validateFileName refuses absolute paths and '..'; backslashes are refused too (a Windows path).
        const invalid = yauzl.validateFileName(name) ?? (name.includes('\\') ? 'invalid characters in fileName' : null);
        if (invalid !== null) return fail(new Error(`the zip has an entry outside its folder (${JSON.stringify(name.slice(0, 200))}: ${invalid})`));
        const parts = name.split('/').filter((p) => p !== '' && p !== '.');
        if (parts.length === 0) return next();
        if (parts.length > limits.maxDepth) return fail(new Error(`the zip nests folders more than ${limits.maxDepth} deep`));
        const type = unixType(entry);
        const isFolder = name.endsWith('/') || type === S_IFDIR;
        const target = path.join(into, ...parts);
        if (isFolder) {
          fs.mkdirSync(target, { recursive: true });
          return next();
        }
        if (type !== 0 && type !== S_IFREG) {
          result.skipped.push(`${parts.join('/')}: not a regular file (a link or a special file); submit real files`);
          return next();
        }
        if (entry.isEncrypted()) {
          result.skipped.push(`${parts.join('/')}: encrypted`);
          return next();
        }
        if (entry.uncompressedSize > limits.maxFileBytes) {
          result.skipped.push(`${parts.join('/')}: larger than ${limits.maxFileBytes / 1e6} MB`);
          return next();
        }
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) return fail(new Error(`the zip holds more than ${limits.maxTotalBytes / 1e6} MB`));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        readStream(zip, entry)
          .then((stream) => pipeline(stream, capped(entry.uncompressedSize, parts.join('/')), fs.createWriteStream(target, { flags: 'wx', mode: 0o644 })))
          .then(() => {
            result.files.push(parts.join('/'));
            next();
          }, fail);
      };
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return result;
}
