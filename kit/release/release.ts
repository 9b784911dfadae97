/**
 * `release(dir)`: the kit → a complete student repository in `dir` (see README.md in this folder).
 * Builds the tree in memory, refuses on any leak, then writes it safely (write.ts).
 */
import path from 'path';
import { buildReleaseTree, KIT_ROOT, ReleaseOptions } from './tree';
import { checkTarget, writeRelease, WriteResult } from './write';

export interface ReleaseSummary extends WriteResult {
  dir: string;
  files: number;
  points: Record<string, number>;
  ms: number;
}

export function release(dir: string, options: ReleaseOptions = {}): ReleaseSummary {
  const start = Date.now();
  const target = path.resolve(dir);
  const kitRoot = path.resolve(options.kitRoot ?? KIT_ROOT);
  const inside = path.relative(kitRoot, target);
  const underBuild = inside === 'build' || inside.startsWith(`build${path.sep}`);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside) && !underBuild)) {
    throw new Error(`release: DIR must be outside the kit (or under its build/), received ${JSON.stringify(dir)}`);
  }
  checkTarget(target); // a dirty DIR is refused before anything else
  const tree = buildReleaseTree({ ...options, kitRoot });
  const result = writeRelease(target, tree.files, kitRoot);
  return { ...result, dir: target, files: tree.files.size + 1, points: tree.points, ms: Date.now() - start };
}
