/**
 * The checksum manifest of the grading: the sha256 of every file a grade depends on — the grading
 * tool (kit/grade/**), each exercise's public grader, drivers and contract (course/<exercise>/:
 * exercise.json, grader.ts, drivers.ts), every project file they import (the cases, kit/shared,
 * …) and the `grade` script of package.json. Hidden graders, mutants and alternatives are the
 * instructor's and are not covered.
 *
 * `npm run manifest` regenerates kit/grade/manifest.json (kit/author/sync.ts). In the kit,
 * `npm run grade` refuses to grade when the tree differs from the committed manifest. A student
 * repository carries the same file, extended by the release with the repository's own protected
 * files and folders (integrity.ts checks those). Text files are hashed with CRLF turned
 * into LF, so a checkout on Windows verifies.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { listExercises } from './course';
import { posixPath, PROJECT_ROOT } from '../shared/root';
import { listFiles } from '../shared/walk';

/** The folder whose every file is part of the grading, relative to the project root. */
export const MANIFEST_FOLDER = 'kit/grade';
/** The package.json scripts that run the grading. */
export const MANIFEST_SCRIPTS = ['grade'];
/** Where the manifest lives, relative to the project root (it does not list itself). */
export const MANIFEST_RELATIVE_PATH = 'kit/grade/manifest.json';
/** The committed manifest of this tree. */
export const MANIFEST_PATH = path.join(PROJECT_ROOT, MANIFEST_RELATIVE_PATH);

export interface Manifest {
  about: string;
  algorithm: 'sha256';
  /** Project-relative POSIX path (or `package.json#scripts.<name>`) → sha256 hex. */
  files: Record<string, string>;
  /** In a student repository: folders (with a trailing /) where every file must be listed. */
  protected?: string[];
}

export interface ManifestCheck {
  ok: boolean;
  /** Every difference, one line each: "course/mse/grader.ts (changed)", "… (missing)", "… (added)". */
  modified: string[];
  /** "graders modified: …", or why the manifest could not be read; empty when ok. */
  message: string;
}

/** sha256 of a file's bytes; text (no NUL byte) with CRLF normalised to LF. */
export function hashContent(bytes: Buffer | string): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const data = buffer.includes(0) ? buffer : Buffer.from(buffer.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** The entry of a package.json script: `package.json#scripts.<name>` → the hash of its command (or of "(missing)"). */
export function scriptEntries(pkg: { scripts?: Record<string, unknown> } | null): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of MANIFEST_SCRIPTS) {
    const script = pkg?.scripts?.[name];
    entries[`package.json#scripts.${name}`] = hashContent(typeof script === 'string' ? script : '(missing)');
  }
  return entries;
}

/** Project files (outside node_modules) that a TypeScript file imports with a relative path. */
function relativeImports(file: string, root: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const found: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), fileName);
    const target = [base, `${base}.ts`, `${base}.json`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    const rel = target === undefined ? '..' : path.relative(root, target);
    if (!rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules')) found.push(target!);
  }
  return found;
}

/** The files the grading depends on, as absolute paths (sorted by their project-relative path). */
export function manifestFiles(root: string): string[] {
  const own = path.join(root, MANIFEST_RELATIVE_PATH);
  const start = listFiles(root, MANIFEST_FOLDER).map((f) => path.join(root, f));
  for (const e of listExercises(root)) start.push(path.join(e.dir, 'exercise.json'), e.grader, ...(e.drivers === undefined ? [] : [e.drivers]));
  const all = new Set(start.filter((f) => f !== own));
  const queue = [...all].filter((f) => f.endsWith('.ts'));
  while (queue.length > 0) {
    for (const dep of relativeImports(queue.pop()!, root)) {
      if (all.has(dep) || dep === own) continue;
      all.add(dep);
      if (dep.endsWith('.ts')) queue.push(dep);
    }
  }
  return [...all].sort((a, b) => posixPath(path.relative(root, a)).localeCompare(posixPath(path.relative(root, b))));
}

/** The manifest of the tree at `root`: sha256 of every grading file and of the grade scripts. */
export function computeManifest(root: string): Manifest {
  const files: Record<string, string> = {};
  for (const file of manifestFiles(root)) files[posixPath(path.relative(root, file))] = hashContent(fs.readFileSync(file));
  const pkgFile = path.join(root, 'package.json');
  Object.assign(files, scriptEntries(fs.existsSync(pkgFile) ? (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts?: Record<string, unknown> }) : null));
  return { about: 'sha256 of every file the grading depends on; regenerate with npm run manifest', algorithm: 'sha256', files };
}

/** Writes the manifest of the tree at `root` to `manifestPath`; returns it. */
export function writeManifest(root: string, manifestPath: string = path.join(root, MANIFEST_RELATIVE_PATH)): Manifest {
  const manifest = computeManifest(root);
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Parses a manifest's text; null when it is not one. */
export function parseManifest(text: string): Manifest | null {
  try {
    const parsed = JSON.parse(text) as Partial<Manifest> | null;
    if (parsed === null || parsed.algorithm !== 'sha256' || parsed.files === null || typeof parsed.files !== 'object') return null;
    if (parsed.protected !== undefined && !(Array.isArray(parsed.protected) && parsed.protected.every((p) => typeof p === 'string'))) return null;
    return parsed as Manifest;
  } catch {
    return null;
  }
}

/** The differences between what a manifest expects and what a tree has, one line each, sorted. */
export function differences(expected: Record<string, unknown>, actual: Record<string, string>): string[] {
  const lines = [
    ...Object.keys(expected).filter((f) => f in actual && actual[f] !== expected[f]).map((f) => `${f} (changed)`),
    ...Object.keys(expected).filter((f) => !(f in actual)).map((f) => `${f} (missing)`),
    ...Object.keys(actual).filter((f) => !(f in expected)).map((f) => `${f} (added)`),
  ];
  return lines.sort();
}

export function modifiedCheck(modified: string[]): ManifestCheck {
  return { ok: modified.length === 0, modified, message: modified.length === 0 ? '' : `graders modified: ${modified.join(', ')}` };
}

/** Compares the kit at `root` (a trusted tree) with the manifest at `manifestPath` (default: the root's kit/grade/manifest.json). */
export function verifyManifest(root: string, manifestPath: string = path.join(root, MANIFEST_RELATIVE_PATH)): ManifestCheck {
  const expected = fs.existsSync(manifestPath) ? parseManifest(fs.readFileSync(manifestPath, 'utf8')) : null;
  if (expected === null) {
    const shown = posixPath(path.relative(root, manifestPath));
    return { ok: false, modified: [], message: `cannot verify the graders: ${shown.startsWith('..') ? manifestPath : shown} is missing or not a manifest` };
  }
  return modifiedCheck(differences(expected.files, computeManifest(root).files));
}
