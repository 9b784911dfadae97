/**
 * Reading a submission (kit/grade/safe/paths.ts, kit/grade/submission.ts): links to files and to
 * folders, anywhere on the path, things that resolve outside, special files, folders where a file is
 * expected, hard links and oversized files are refused with one line — and never opened, so a FIFO
 * cannot block the grader.
 */
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPath, listFolder, readFileInside } from '../../kit/grade/safe/paths';
import { MAX_FOLDER_BYTES, SubmissionFolder } from '../../kit/grade/submission';

/** Links, FIFOs and sockets are made with POSIX calls; on Windows these tests cannot run (under CI they must, and fail). */
const POSIX = process.platform !== 'win32' || process.env.CI === 'true';
let root = '';
let outside = '';
let socket: net.Server | undefined;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-paths-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.ts'), 'export const secret = 1;\n');
  fs.mkdirSync(path.join(root, 'sub', 'deeper'), { recursive: true });
  fs.writeFileSync(path.join(root, 'mse.ts'), 'export const mse = 1;\n');
  fs.writeFileSync(path.join(root, 'sub', 'deeper', 'file.ts'), 'x');
  fs.mkdirSync(path.join(root, 'folder.ts'));
  fs.writeFileSync(path.join(root, 'big.ts'), '');
  fs.truncateSync(path.join(root, 'big.ts'), 50_000_000); // 50 MB, sparse: nothing is written
  if (POSIX) {
    fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'file-link.ts'));
    fs.symlinkSync('mse.ts', path.join(root, 'inside-link.ts'));
    fs.symlinkSync(outside, path.join(root, 'folder-link'));
    fs.symlinkSync('/', path.join(root, 'to-root'));
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.ts'));
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling.ts'));
    fs.linkSync(path.join(outside, 'secret.ts'), path.join(root, 'hard.ts'));
    require('child_process').execFileSync('mkfifo', [path.join(root, 'fifo.ts')]);
    socket = net.createServer().listen(path.join(root, 'socket.ts'));
    await new Promise((r) => socket!.once('listening', r));
  }
});

afterAll(() => {
  socket?.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('checkPath and readFileInside', () => {
  test('a plain file inside is read; a missing one is reported as missing', () => {
    expect(readFileInside(root, 'mse.ts', 1000)).toMatchObject({ ok: true });
    expect(readFileInside(root, 'sub/deeper/file.ts', 1000)).toMatchObject({ ok: true });
    expect(readFileInside(root, 'nope.ts', 1000)).toEqual({ ok: false, problem: 'nope.ts was not found', missing: true });
    expect(checkPath(root, '../x', 'file')).toMatchObject({ ok: false, missing: false });
  });

  test('a folder where a file is expected, and a file where a folder is expected', () => {
    expect(readFileInside(root, 'folder.ts', 1000)).toMatchObject({ ok: false, problem: 'folder.ts is a folder, not a file' });
    expect(checkPath(root, 'mse.ts', 'folder')).toMatchObject({ ok: false, problem: 'mse.ts is a file, not a folder' });
    expect(checkPath(root, 'mse.ts/x', 'file')).toMatchObject({ ok: false, problem: 'mse.ts is a file, not a folder' });
  });

  test('a 50 MB file is refused by its size, without being read', () => {
    expect(readFileInside(root, 'big.ts', 1_000_000, 'an exercise file')).toMatchObject({ ok: false, problem: 'big.ts is 50.0 MB, more than the 1 MB an exercise file may have' });
  });

  test.skipIf(!POSIX)('links are refused, to files and to folders, inside or out, anywhere on the path (POSIX: no symlinks to make on Windows without rights)', () => {
    const link = (rel: string, kind: 'file' | 'folder' = 'file'): unknown => checkPath(root, rel, kind);
    expect(link('file-link.ts')).toMatchObject({ ok: false, problem: 'file-link.ts is a symbolic link; submit real files' });
    expect(link('inside-link.ts')).toMatchObject({ ok: false, problem: 'inside-link.ts is a symbolic link; submit real files' });
    expect(link('folder-link', 'folder')).toMatchObject({ ok: false, problem: 'folder-link/ is a symbolic link; submit real files' });
    expect(link('folder-link/secret.ts')).toMatchObject({ ok: false, problem: 'folder-link/ is a symbolic link; submit real files' });
    expect(link('to-root/etc/passwd')).toMatchObject({ ok: false, problem: 'to-root/ is a symbolic link; submit real files' });
    expect(link('zero.ts')).toMatchObject({ ok: false, problem: 'zero.ts is a symbolic link; submit real files' });
    expect(link('dangling.ts')).toMatchObject({ ok: false, problem: 'dangling.ts is a symbolic link; submit real files' });
  });

  test.skipIf(!POSIX)('a FIFO and a socket are refused without being opened (opening a FIFO would block); a hard link is refused', () => {
    expect(readFileInside(root, 'fifo.ts', 1000)).toMatchObject({ ok: false, problem: 'fifo.ts is a FIFO (named pipe), not a file' });
    expect(readFileInside(root, 'socket.ts', 1000)).toMatchObject({ ok: false, problem: 'socket.ts is a socket, not a file' });
    expect(readFileInside(root, 'hard.ts', 1000)).toMatchObject({ ok: false, problem: expect.stringMatching(/^hard\.ts has 2 hard links .*; submit a plain file$/) });
  });

  test('listFolder stops at its cap and says so; it lists links without following them', () => {
    const listed = listFolder(root, '', 3);
    expect(listed).toMatchObject({ ok: true, truncated: true });
    const all = listFolder(root, '', 1000) as { ok: true; entries: fs.Dirent[] };
    if (POSIX) expect(all.entries.find((e) => e.name === 'to-root')!.isSymbolicLink()).toBe(true);
    if (POSIX) expect(listFolder(root, 'to-root', 10)).toMatchObject({ ok: false, problem: 'to-root/ is a symbolic link; submit real files' });
  });
});

describe('SubmissionFolder', () => {
  test('reads only names an import can reach, each once, and refuses what safe/paths refuses', () => {
    const folder = new SubmissionFolder(root);
    expect(folder.read('mse.ts')).toEqual({ ok: true, source: 'export const mse = 1;\n' });
    expect(folder.read('../mse.ts')).toBeUndefined();
    expect(folder.read('x.d.ts')).toBeUndefined();
    expect(folder.read('nope.ts')).toBeUndefined();
    expect(folder.read('big.ts')).toMatchObject({ ok: false });
    if (POSIX) expect(folder.read('file-link.ts')).toEqual({ ok: false, problem: 'file-link.ts is a symbolic link; submit real files' });
  });

  test(`one exercise and its imports may read at most ${MAX_FOLDER_BYTES / 1e6} MB`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-total-'));
    try {
      for (const name of ['a', 'b', 'c', 'd', 'e']) fs.writeFileSync(path.join(dir, `${name}.ts`), 'x'.repeat(900_000));
      const files = new SubmissionFolder(dir).forExercise();
      expect(['a', 'b', 'c', 'd'].map((n) => files.read(`${n}.ts`)!.ok)).toEqual([true, true, true, true]);
      expect(files.read('e.ts')).toEqual({ ok: false, problem: 'e.ts was not read: an exercise and the files it imports may have 4 MB in all' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
