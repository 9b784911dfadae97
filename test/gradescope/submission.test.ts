/**
 * The autograder's reading of a Gradescope submission, on hostile input: zips with path
 * traversal, links, lying sizes (a zip bomb), too many entries or too big files, and submission
 * folders laid out every way a student uploads (files, a repository, a zip of it, links).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findSubmission } from '../../kit/gradescope/runtime/find';
import { parseSettings } from '../../kit/gradescope/runtime/settings';
import { UNZIP_LIMITS, unzipSafely } from '../../kit/gradescope/runtime/unzip';
import { writeZip, ZipEntry } from '../../kit/gradescope/zip';

const KIT = path.resolve(__dirname, '..', '..');
const EXPECTED = ['mse.ts', 'cross-entropy.ts', 'autograd.ts'];
let work: string;
let n = 0;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-gradescope-sub-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function fresh(): string {
  const dir = path.join(work, `case-${n++}`);
  fs.mkdirSync(dir);
  return dir;
}

async function zipOf(entries: ZipEntry[], patch?: (zip: Buffer) => Buffer): Promise<string> {
  const file = path.join(fresh(), 'upload.zip');
  await writeZip(file, entries);
  if (patch !== undefined) fs.writeFileSync(file, patch(fs.readFileSync(file)));
  return file;
}

const text = (s: string): Buffer => Buffer.from(s);

/** Every occurrence of `from` in `zip` replaced by `to` (same length: names in headers). */
function rename(from: string, to: string): (zip: Buffer) => Buffer {
  return (zip) => Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1');
}

/** The uncompressed size the central directory declares for every entry, set to `size`. */
function declare(size: number): (zip: Buffer) => Buffer {
  return (zip) => {
    for (let i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) zip.writeUInt32LE(size, i + 24);
    return zip;
  };
}

describe('unzipSafely', () => {
  test('unpacks regular files and folders', async () => {
    const zip = await zipOf([{ name: 'repo/exercises/mse.ts', content: text('export const a = 1;\n') }, { name: 'repo/README.md', content: text('# hi\n') }]);
    const into = path.join(fresh(), 'out');
    const r = await unzipSafely(zip, into);
    expect(r.files.sort()).toEqual(['repo/README.md', 'repo/exercises/mse.ts']);
    expect(fs.readFileSync(path.join(into, 'repo/exercises/mse.ts'), 'utf8')).toBe('export const a = 1;\n');
  });

  test.each([
    ['a parent folder', 'xx/evil.ts', '../evil.ts'],
    ['an absolute path', 'xetc/passwd', '/etc/passwd'],
    ['a Windows path', 'xx\\evil.ts'.replace('\\', '_'), '..\\evil.ts'],
  ])('refuses the whole zip when an entry points outside it (%s)', async (_what, placeholder, evil) => {
    const zip = await zipOf([{ name: placeholder, content: text('pwned') }], rename(placeholder, evil));
    const parent = fresh();
    await expect(unzipSafely(zip, path.join(parent, 'out'))).rejects.toThrow(/outside its folder/);
    expect(fs.existsSync(path.join(parent, 'evil.ts'))).toBe(false);
  });

  test('skips links and files over the size limit, with a note each', async () => {
    const zip = await zipOf([
      { name: 'mse.ts', content: text('/etc/passwd'), mode: 0o120777 },
      { name: 'big.ts', content: Buffer.alloc(UNZIP_LIMITS.maxFileBytes + 1, 0x20) },
      { name: 'ok.ts', content: text('export {};\n') },
    ]);
    const into = path.join(fresh(), 'out');
    const r = await unzipSafely(zip, into);
    expect(r.files).toEqual(['ok.ts']);
    expect(r.skipped).toEqual([expect.stringMatching(/^mse\.ts: not a regular file/), expect.stringMatching(/^big\.ts: larger than 1 MB/)]);
    expect(fs.existsSync(path.join(into, 'mse.ts'))).toBe(false);
  });

  test('stops a zip bomb that declares less than it inflates to', async () => {
    const zip = await zipOf([{ name: 'bomb.ts', content: Buffer.alloc(20_000_000) }], declare(100));
    expect(fs.statSync(zip).size).toBeLessThan(100_000);
    const into = path.join(fresh(), 'out');
    await expect(unzipSafely(zip, into)).rejects.toThrow(/too many bytes|more than 100 bytes/);
    expect(fs.existsSync(path.join(into, 'bomb.ts')) ? fs.statSync(path.join(into, 'bomb.ts')).size : 0).toBeLessThanOrEqual(100_000);
  });

  test('refuses too many entries and too many bytes in all', async () => {
    const many = await zipOf(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.ts`, content: text('x') })));
    await expect(unzipSafely(many, path.join(fresh(), 'out'), { ...UNZIP_LIMITS, maxEntries: 10 })).rejects.toThrow(/more than 10 entries/);
    const heavy = await zipOf(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.ts`, content: Buffer.alloc(1000) })));
    await expect(unzipSafely(heavy, path.join(fresh(), 'out'), { ...UNZIP_LIMITS, maxTotalBytes: 3000 })).rejects.toThrow(/more than 0\.003 MB/);
  });
});

describe('findSubmission', () => {
  const put = (dir: string, files: string[]): void => {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'export {};\n');
    }
  };

  test('files uploaded as they are', async () => {
    const sub = fresh();
    put(sub, ['mse.ts', 'autograd.ts', 'notes.txt']);
    const found = await findSubmission(sub, fresh(), EXPECTED);
    expect(found).toMatchObject({ folder: sub, matched: 2 });
    expect(found.notes.slice(0, 2)).toEqual(['graded the exercise files found in the submission (2 of 3 expected)', 'not found: cross-entropy.ts (each scores 0 until you upload it)']);
  });

  test('a repository, at the top or one folder down; the fullest folder wins', async () => {
    const sub = fresh();
    put(sub, ['old/mse.ts', 'descent-main/exercises/mse.ts', 'descent-main/exercises/cross-entropy.ts', 'descent-main/exercises/autograd.ts', 'descent-main/package.json']);
    const found = await findSubmission(sub, fresh(), EXPECTED);
    expect(found).toMatchObject({ folder: path.join(sub, 'descent-main'), matched: 3 });
  });

  test('a zip of the repository is unpacked into scratch space', async () => {
    const sub = fresh();
    await writeZip(path.join(sub, 'homework.zip'), EXPECTED.map((f) => ({ name: `hw/exercises/${f}`, content: text('export {};\n') })));
    const scratch = fresh();
    const found = await findSubmission(sub, scratch, EXPECTED);
    expect(found.matched).toBe(3);
    expect(found.folder.startsWith(scratch)).toBe(true);
    expect(found.notes[0]).toMatch(/homework\.zip\/hw\/ \(3 of 3 expected\)/);
  });

  test('links are never followed: a linked exercises/ or a linked zip finds nothing', async () => {
    const sub = fresh();
    fs.symlinkSync(path.join(KIT, 'solutions'), path.join(sub, 'exercises'));
    const zip = await zipOf(EXPECTED.map((f) => ({ name: f, content: text('export {};\n') })));
    fs.symlinkSync(zip, path.join(sub, 'upload.zip'));
    const found = await findSubmission(sub, fresh(), EXPECTED);
    expect(found.matched).toBe(0);
    expect(found.notes).toEqual([expect.stringMatching(/^no exercise file found: upload mse\.ts/)]);
  });

  test('a hostile zip is reported, not followed', async () => {
    const sub = fresh();
    const zip = await zipOf([{ name: 'xx/mse.ts', content: text('pwned') }], rename('xx/mse.ts', '../mse.ts'));
    fs.copyFileSync(zip, path.join(sub, 'upload.zip'));
    const found = await findSubmission(sub, fresh(), EXPECTED);
    expect(found.matched).toBe(0);
    expect(found.notes.join('\n')).toMatch(/upload\.zip: could not be unpacked \(the zip has an entry outside its folder/);
  });
});

describe('the gradescope settings of course.config.json', () => {
  test('defaults: hidden checks after publication, the seed drawn at build time', () => {
    expect(parseSettings(undefined, 42)).toEqual({ hiddenVisibility: 'after_published', seed: 42, studentTimeout: 600 });
    expect(parseSettings({ hiddenVisibility: 'hidden', seed: 7 }, 42)).toMatchObject({ hiddenVisibility: 'hidden', seed: 7 });
  });

  test('mistakes name the field, the expected and the received value', () => {
    expect(() => parseSettings({ hiddenVisibility: 'later' }, 1)).toThrow(/hiddenVisibility.*one of hidden, after_due_date, after_published, visible.*later/);
    expect(() => parseSettings({ seed: -1 }, 1)).toThrow(/seed.*integer >= 0/);
    expect(() => parseSettings({ hidden_visibility: 'hidden' }, 1)).toThrow(/hidden_visibility/);
  });
});
