/**
 * Every version of the grading the course may have shipped: the kit's manifest as it is now and as
 * each commit of the kit's own git history recorded it (kit/grade/manifest.json). A student
 * repository released before the instructor fixed a grader holds the older grader, byte for byte:
 * it is one the course shipped, not a modification, and the batch does not flag it (it grades with
 * the kit's current graders either way). A file no version lists, or a content no version had, is
 * still "changed" or "added". The kit is the instructor's (trusted); without git or history (a
 * shallow copy, an export), only the current manifest counts.
 */
import { spawnSync } from 'child_process';
import { MANIFEST_RELATIVE_PATH, parseManifest } from './manifest';

/** Most past manifests read from the kit's history. */
export const MAX_SHIPPED_VERSIONS = 500;

/** Path → every hash it had in a manifest; and the paths some manifest did not list (added later). */
export interface ShippedVersions {
  hashes: Map<string, Set<string>>;
  /** Paths missing from at least one version: a repository released before they existed may lack them. */
  addedLater: Set<string>;
}

function git(root: string, args: string[]): string | undefined {
  const result = spawnSync('git', ['-C', root, '-c', 'core.pager=cat', ...args], { encoding: 'utf8', maxBuffer: 256_000_000, timeout: 60_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LANG: 'C' } });
  return result.status === 0 && result.error === undefined ? result.stdout : undefined;
}

/** The manifests of `current` and of every commit of the kit at `root` that changed it. */
export function shippedVersions(root: string, current: Record<string, string>): ShippedVersions {
  const versions: Array<Record<string, string>> = [current];
  const commits = git(root, ['log', `--max-count=${MAX_SHIPPED_VERSIONS}`, '--format=%H', '--', MANIFEST_RELATIVE_PATH])?.split('\n').filter((c) => /^[0-9a-f]{40}$/.test(c)) ?? [];
  for (const commit of commits) {
    const text = git(root, ['show', `${commit}:${MANIFEST_RELATIVE_PATH}`]);
    const manifest = text === undefined ? null : parseManifest(text);
    if (manifest !== null) versions.push(manifest.files);
  }
  const hashes = new Map<string, Set<string>>();
  for (const v of versions) for (const [file, hash] of Object.entries(v)) hashes.set(file, (hashes.get(file) ?? new Set()).add(hash));
  const addedLater = new Set([...hashes.keys()].filter((file) => versions.some((v) => !(file in v))));
  return { hashes, addedLater };
}
