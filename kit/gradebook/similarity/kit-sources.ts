/**
 * The kit's sources a student could paste: every TypeScript file of the student release (the
 * library in src/, the public graders and their drivers, the kit's tools), except the exercise
 * stubs, which are every student's common starting point and are subtracted instead. The caller
 * passes the release's files (path → bytes) and, optionally, more files it wants checked (the
 * hidden graders' oracles, which are never shipped but may leak).
 */

/** Folders of the release whose files are never compared: the stubs. */
export const STUB_DIR = 'exercises/';

/** The TypeScript sources of `files` (release paths), stubs excluded, as text. */
export function shippedSources(files: ReadonlyMap<string, Buffer | string>): Array<{ path: string; source: string }> {
  const out: Array<{ path: string; source: string }> = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.ts') || path.endsWith('.d.ts') || path.startsWith(STUB_DIR)) continue;
    out.push({ path, source: typeof content === 'string' ? content : content.toString('utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
