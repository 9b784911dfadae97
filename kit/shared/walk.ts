/**
 * Listing the files of a trusted tree (the kit's own folders, a release being written): every
 * regular file under a folder, as sorted forward-slash paths relative to the root. A submission is
 * never walked with this: grading reads what a student controls through kit/grade/safe/paths.ts.
 */
import fs from 'fs';
import path from 'path';

export interface WalkOptions {
  /** Names never entered or listed, at any depth (default: node_modules and dot-files). */
  skip?: (name: string, relative: string) => boolean;
  /** Also list what is neither a folder nor a regular file (links, FIFOs, …), never entering it (default: regular files only). */
  everything?: boolean;
}

const DEFAULT_SKIP = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

/** Every file under `root/rel` (default: all of root), as paths relative to `root`, sorted. Missing folder: none. */
export function listFiles(root: string, rel = '', options: WalkOptions = {}): string[] {
  const skip = options.skip ?? DEFAULT_SKIP;
  const out: string[] = [];
  const visit = (sub: string): void => {
    const full = path.join(root, sub);
    if (!fs.existsSync(full)) return;
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const child = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (skip(entry.name, child)) continue;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile() || options.everything === true) out.push(child);
    }
  };
  visit(rel.split(path.sep).join('/'));
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
