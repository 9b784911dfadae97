/**
 * Writing a release to DIR, safely and reproducibly:
 *
 * - DIR must be missing, empty (a `.git` folder is fine) or a previous release, recognised by its
 *   marker `.descent-release.json`, the SHA-256 of every file that release wrote, and unchanged
 *   since (apart from `.git/`, `node_modules/` and `build/`). Anything else is refused, so a
 *   release never overwrites someone's work.
 * - Files of the previous release that the new one no longer has are removed.
 * - package-lock.json: the kit's own lock, pruned by `npm install --package-lock-only` to the
 *   student's package.json, so students get exactly the versions the kit is tested with. Kept
 *   as is when package.json did not change since the previous release.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { hashContent as digest } from '../grade/manifest';
import { listFiles as listTree } from '../shared/walk';

export const MARKER_FILE = '.descent-release.json';
export const MARKER_GENERATOR = 'descent: npm run release';
/** Entries of DIR a release neither owns nor minds. */
export const UNOWNED_DIRS = ['.git', 'node_modules', 'build'];

export interface Marker {
  generator: string;
  files: Record<string, string>;
}

/** Every file of DIR but the folders a release does not own. */
function listFiles(dir: string): string[] {
  return listTree(dir, '', { skip: (name, rel) => rel === name && UNOWNED_DIRS.includes(name), everything: true });
}

function readMarker(file: string): Marker | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
    return m !== null && m.generator === MARKER_GENERATOR && typeof m.files === 'object' ? m : null;
  } catch {
    return null;
  }
}

function listed(names: string[]): string {
  return `${names.slice(0, 5).join(', ')}${names.length > 5 ? `, … (${names.length} in all)` : ''}`;
}

/**
 * What DIR holds: null when it is missing or empty, the marker of the previous release otherwise.
 * @throws Error when DIR is not a folder, holds other files, or a previous release was changed.
 */
export function checkTarget(dir: string): Marker | null {
  if (!fs.existsSync(dir)) return null;
  if (!fs.statSync(dir).isDirectory()) throw new Error(`release: DIR must be a folder, received ${JSON.stringify(dir)}, which is a file`);
  const present = listFiles(dir);
  if (present.length === 0) return null;
  const marker = fs.existsSync(path.join(dir, MARKER_FILE)) ? readMarker(path.join(dir, MARKER_FILE)) : null;
  if (marker === null) {
    throw new Error(
      `release: DIR must be empty or a previous release (with ${MARKER_FILE}), received ${JSON.stringify(dir)}, ` +
        `which holds ${listed(present)}. Choose a new folder, or empty this one.`,
    );
  }
  const changed: string[] = [];
  for (const file of present) {
    if (file === MARKER_FILE) continue;
    const expected = marker.files[file];
    if (expected === undefined) changed.push(`${file} (added)`);
    else if (digest(fs.readFileSync(path.join(dir, file))) !== expected) changed.push(`${file} (changed)`);
  }
  for (const file of Object.keys(marker.files)) if (!present.includes(file)) changed.push(`${file} (deleted)`);
  if (changed.length > 0) {
    throw new Error(
      `release: DIR is a previous release that was changed since (${listed(changed)}); refusing to overwrite ${JSON.stringify(dir)}. ` +
        'Release into a new folder, or restore or delete these files first.',
    );
  }
  return marker;
}

export function runNpm(args: string[], cwd: string): void {
  const execPath = process.env.npm_execpath;
  const viaNode = execPath !== undefined && /npm-cli\.js$/.test(execPath);
  const result = viaNode
    ? spawnSync(process.execPath, [execPath as string, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    throw new Error(`release: npm ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stderr ?? ''}${result.error?.message ?? ''}`);
  }
}

export interface WriteResult {
  written: number;
  removed: number;
  lockfile: 'kept' | 'generated';
}

/** Writes `files` to `dir` (after checkTarget), the lockfile, then the marker. */
export function writeRelease(dir: string, files: ReadonlyMap<string, Buffer>, kitRoot: string): WriteResult {
  const previous = checkTarget(dir);
  fs.mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const [file, content] of files) {
    const full = path.join(dir, file);
    if (fs.existsSync(full) && fs.readFileSync(full).equals(content)) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    written += 1;
  }
  let removed = 0;
  for (const file of Object.keys(previous?.files ?? {})) {
    if (files.has(file) || file === 'package-lock.json') continue;
    fs.rmSync(path.join(dir, file), { force: true });
    removed += 1;
    for (let d = path.dirname(file); d !== '.' && fs.existsSync(path.join(dir, d)) && fs.readdirSync(path.join(dir, d)).length === 0; d = path.dirname(d)) {
      fs.rmdirSync(path.join(dir, d));
    }
  }
  const lock = path.join(dir, 'package-lock.json');
  const pkgDigest = digest(files.get('package.json') ?? '');
  const keep = previous !== null && previous.files['package.json'] === pkgDigest && fs.existsSync(lock);
  if (!keep) {
    fs.copyFileSync(path.join(kitRoot, 'package-lock.json'), lock);
    runNpm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  }
  const marker: Marker = { generator: MARKER_GENERATOR, files: {} };
  for (const file of [...files.keys(), 'package-lock.json'].sort()) marker.files[file] = digest(fs.readFileSync(path.join(dir, file)));
  fs.writeFileSync(path.join(dir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
  return { written, removed, lockfile: keep ? 'kept' : 'generated' };
}
