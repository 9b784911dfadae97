/**
 * Is a repository still grading with the graders it was given? A student repository carries the
 * kit's grading manifest (kit/grade/manifest.json), extended by `npm run release` with the
 * repository's own protected files (package.json, course.config.json, the CI workflow) and its
 * protected folders (course/, kit/grade/, .github/), where no file may be added.
 *
 * This check is tamper-evident, not tamper-proof: everything in a student's repository can be
 * edited, the manifest included. It turns an edited grader or workflow into a visible "graders
 * modified" failure in CI; the instructor's `npm run grade -- --batch` compares each submission
 * with the kit's own manifest and grades with the kit's own graders.
 *
 * The batch runs it on repositories it does not trust: files are read as safe/paths.ts reads them
 * (no links followed — `course` → `/` is reported, not walked —, no FIFOs or devices opened, at
 * most MAX_PROTECTED_BYTES each), and the protected folders are walked to at most MAX_WALKED
 * entries.
 */
import fs from 'fs';
import path from 'path';
import { hashContent, Manifest, MANIFEST_RELATIVE_PATH, modifiedCheck, parseManifest, type ManifestCheck, verifyManifest } from './manifest';
import { listFolder, readFileInside } from './safe/paths';
import type { ShippedVersions } from './shipped';

/** Folders never walked (installed or generated). */
export const IGNORED_DIRS = ['node_modules', '.git', 'build', 'dist'];
/** Largest protected file read, in bytes (the largest shipped is about 50 kB). */
export const MAX_PROTECTED_BYTES = 5_000_000;
/** Most entries walked in the protected folders of one repository. */
export const MAX_WALKED = 5_000;
/** Deepest folder walked in them. */
const MAX_WALK_DEPTH = 16;
/** The folders of a submission the batch compares with the kit: the graders and the grading tool. */
export const GRADING_FOLDERS = ['course/', 'kit/grade/'];

/** Every entry under the folder `rel` (links and special files listed, never followed), or why it cannot be walked. */
function walk(root: string, rel: string, out: string[], problems: string[], budget: { left: number }, depth = 0): void {
  const listed = listFolder(root, rel, budget.left);
  if (!listed.ok) {
    if (!listed.missing) problems.push(listed.problem);
    return;
  }
  budget.left -= listed.entries.length;
  if (listed.truncated || budget.left <= 0) {
    problems.push(`${rel}/ has too many files (more than ${MAX_WALKED} in the protected folders)`);
    budget.left = 0;
  }
  for (const entry of listed.entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (IGNORED_DIRS.includes(entry.name)) continue;
      if (depth >= MAX_WALK_DEPTH) problems.push(`${child}/ is nested too deeply`);
      else if (budget.left > 0) walk(root, child, out, problems, budget, depth + 1);
    } else {
      out.push(child);
    }
  }
}

/** The hash a manifest entry has in the repository at `root`, or why it cannot be read (a problem line, or 'missing'). */
function entryHash(root: string, entry: string, packageJson: () => ReturnType<typeof readFileInside>): { hash: string } | { problem: string } | 'missing' {
  const script = /^package\.json#scripts\.(.+)$/.exec(entry);
  const read = script === null ? readFileInside(root, entry, MAX_PROTECTED_BYTES, 'a protected file') : packageJson();
  if (!read.ok) return read.missing ? 'missing' : { problem: read.problem };
  if (script === null) return { hash: hashContent(read.data) };
  let pkg: { scripts?: Record<string, unknown> } | null = null;
  try {
    pkg = JSON.parse(read.data.toString('utf8')) as { scripts?: Record<string, unknown> } | null;
  } catch {
    return { problem: 'package.json is not valid JSON' };
  }
  const command = pkg !== null && typeof pkg === 'object' ? pkg.scripts?.[script[1]] : undefined;
  return { hash: hashContent(typeof command === 'string' ? command : '(missing)') };
}

/**
 * What differs in the repository at `root` from `manifest`: "course/mse/grader.ts (changed)",
 * "… (missing)", "… (added)" (a file in a protected folder the manifest does not list), or why a
 * file cannot be read ("package.json is a symbolic link; submit real files"). Empty when intact.
 * With `shipped` (the batch: shipped.ts), a file as any version of the kit shipped it is intact too.
 */
export function checkRepository(root: string, manifest: Pick<Manifest, 'files' | 'protected'>, shipped?: ShippedVersions): string[] {
  const problems: string[] = [];
  let pkg: ReturnType<typeof readFileInside> | undefined;
  const packageJson = (): ReturnType<typeof readFileInside> => (pkg ??= readFileInside(root, 'package.json', MAX_PROTECTED_BYTES, 'a protected file'));
  for (const [entry, expected] of Object.entries(manifest.files)) {
    const found = entryHash(root, entry, packageJson);
    if (found === 'missing') {
      if (shipped?.addedLater.has(entry) !== true) problems.push(`${entry} (missing)`);
    } else if ('problem' in found) problems.push(found.problem);
    else if (found.hash !== expected && shipped?.hashes.get(entry)?.has(found.hash) !== true) problems.push(`${entry} (changed)`);
  }
  const budget = { left: MAX_WALKED };
  for (const dir of manifest.protected ?? []) {
    const found: string[] = [];
    walk(root, dir.replace(/\/$/, ''), found, problems, budget);
    for (const file of found.sort()) {
      if (file === MANIFEST_RELATIVE_PATH || Object.prototype.hasOwnProperty.call(manifest.files, file)) continue;
      const earlier = shipped?.hashes.get(file);
      if (earlier !== undefined) {
        // Listed by an earlier version of the kit (since removed): intact if it is that version.
        const read = readFileInside(root, file, MAX_PROTECTED_BYTES, 'a protected file');
        if (read.ok && earlier.has(hashContent(read.data))) continue;
      }
      problems.push(`${file} (added)`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Are the graders of the project at `root` the ones it should have? In the kit (a manifest without
 * protected folders), the tree against its committed manifest; in a student repository, every
 * protected file and folder against the manifest the release wrote.
 */
export function verifyGrading(root: string): ManifestCheck & { repository: boolean } {
  const file = path.join(root, MANIFEST_RELATIVE_PATH);
  const manifest = fs.existsSync(file) ? parseManifest(fs.readFileSync(file, 'utf8')) : null;
  if (manifest === null || manifest.protected === undefined) return { ...verifyManifest(root), repository: false };
  return { ...modifiedCheck(checkRepository(root, manifest)), repository: true };
}
