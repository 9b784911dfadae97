/**
 * The checksum manifest of the grading: sha256 of every file a grade depends on — the graders
 * (test/graders/**), the grading tool (kit/grade/**), the project files they import (e.g.
 * test/fixtures/torch-cases.json) and the `grade` script of package.json. `npm run grade` refuses
 * to grade when the tree differs from the committed manifest (kit/grade/manifest.json), so a
 * modified grader cannot produce a score.
 *
 *   npm run manifest                       # regenerate kit/grade/manifest.json after changing a grader
 *   npx tsx kit/grade/manifest.ts          # verify (exit 1 and the differences when it does not match)
 *
 * Text files are hashed with CRLF line endings turned into LF, so a checkout on Windows verifies.
 */
import { Command } from 'commander';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { PROJECT_ROOT } from './paths';

/** Folders whose every file is part of the grading, relative to the project root. */
export const MANIFEST_FOLDERS = ['test/graders', 'kit/grade'];
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
}

export interface ManifestCheck {
  ok: boolean;
  /** Files whose content differs from the manifest. */
  changed: string[];
  /** Files the manifest lists that are gone. */
  missing: string[];
  /** Grading files the manifest does not list. */
  added: string[];
  /** Every difference, annotated: "test/graders/mse.test.ts", "… (missing)", "… (new)". */
  modified: string[];
  /** "graders modified: …", or why the manifest could not be read; empty when ok. */
  message: string;
}

const posix = (p: string): string => p.split(path.sep).join('/');

/** sha256 of a file's bytes; text (no NUL byte) with CRLF normalised to LF. */
export function hashContent(bytes: Buffer): string {
  const text = !bytes.includes(0);
  const data = text ? Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') : bytes;
  return crypto.createHash('sha256').update(data).digest('hex');
}

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/** Project files (outside node_modules) that a TypeScript file imports with a relative path. */
function relativeImports(file: string, root: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const found: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), fileName);
    const target = [base, `${base}.ts`, `${base}.json`, path.join(base, 'index.ts')].find(
      (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
    );
    const rel = target === undefined ? '..' : path.relative(root, target);
    if (!rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules')) found.push(target!);
  }
  return found;
}

/** The files the grading depends on, as absolute paths (sorted by their project-relative path). */
export function manifestFiles(root: string): string[] {
  const files: string[] = [];
  for (const folder of MANIFEST_FOLDERS) walk(path.join(root, folder), files);
  const own = path.join(root, MANIFEST_RELATIVE_PATH);
  const all = new Set(files.filter((f) => f !== own));
  const queue = [...all].filter((f) => f.endsWith('.ts'));
  while (queue.length > 0) {
    for (const dep of relativeImports(queue.pop()!, root)) {
      if (all.has(dep) || dep === own) continue;
      all.add(dep);
      if (dep.endsWith('.ts')) queue.push(dep);
    }
  }
  return [...all].sort((a, b) => posix(path.relative(root, a)).localeCompare(posix(path.relative(root, b))));
}

/** The manifest of the tree at `root`: sha256 of every grading file and of the grade scripts. */
export function computeManifest(root: string): Manifest {
  const files: Record<string, string> = {};
  for (const file of manifestFiles(root)) files[posix(path.relative(root, file))] = hashContent(fs.readFileSync(file));
  const pkgFile = path.join(root, 'package.json');
  const pkg = fs.existsSync(pkgFile) ? (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts?: Record<string, unknown> }) : {};
  for (const name of MANIFEST_SCRIPTS) {
    const script = pkg.scripts?.[name];
    files[`package.json#scripts.${name}`] = hashContent(Buffer.from(typeof script === 'string' ? script : '(missing)'));
  }
  return { about: 'sha256 of every file the grading depends on; regenerate with npm run manifest', algorithm: 'sha256', files };
}

/** Writes the manifest of the tree at `root` to `manifestPath`; returns it. */
export function writeManifest(root: string, manifestPath: string = path.join(root, MANIFEST_RELATIVE_PATH)): Manifest {
  const manifest = computeManifest(root);
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Compares the tree at `root` with the manifest at `manifestPath` (default: the root's kit/grade/manifest.json). */
export function verifyManifest(root: string, manifestPath: string = path.join(root, MANIFEST_RELATIVE_PATH)): ManifestCheck {
  let expected: Record<string, unknown>;
  try {
    const parsed = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Partial<Manifest>;
    if (parsed.algorithm !== 'sha256' || parsed.files === null || typeof parsed.files !== 'object') throw new Error('not a manifest');
    expected = parsed.files as Record<string, unknown>;
  } catch {
    const shown = posix(path.relative(root, manifestPath));
    const message = `cannot verify the graders: ${shown.startsWith('..') ? manifestPath : shown} is missing or not a manifest`;
    return { ok: false, changed: [], missing: [], added: [], modified: [], message };
  }
  const actual = computeManifest(root).files;
  const changed = Object.keys(expected).filter((f) => f in actual && actual[f] !== expected[f]);
  const missing = Object.keys(expected).filter((f) => !(f in actual));
  const added = Object.keys(actual).filter((f) => !(f in expected));
  const modified = [...changed, ...missing.map((f) => `${f} (missing)`), ...added.map((f) => `${f} (new)`)].sort();
  const ok = modified.length === 0;
  return { ok, changed, missing, added, modified, message: ok ? '' : `graders modified: ${modified.join(', ')}` };
}

function main(argv: string[]): number {
  const program = new Command()
    .name('manifest')
    .description(`Verify (or, with --write, regenerate) ${MANIFEST_RELATIVE_PATH}.`)
    .option('--write', 'write the manifest of the current tree')
    .parse(argv);
  if (program.opts<{ write?: boolean }>().write === true) {
    const manifest = writeManifest(PROJECT_ROOT, MANIFEST_PATH);
    process.stdout.write(`wrote ${MANIFEST_RELATIVE_PATH} (${Object.keys(manifest.files).length} entries)\n`);
    return 0;
  }
  const check = verifyManifest(PROJECT_ROOT, MANIFEST_PATH);
  process.stdout.write(check.ok ? `${MANIFEST_RELATIVE_PATH} matches the tree\n` : `${check.message}\n(run npm run manifest if the change is intended)\n`);
  return check.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv);
