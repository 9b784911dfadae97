/**
 * Which project files the Gradescope autograder zip carries — the one place that knows where
 * things live in the kit. Built on the student release's own listing (kit/release/tree.ts: the
 * library, the grading core, each exercise's public grader, drivers and contract and what they
 * import, the resolved course settings and the release's grading manifest), minus what only
 * students use, plus each exercise's hidden grader and oracles (course/<exercise>/hidden/ and what
 * they import) and the autograder's runtime (kit/gradescope/runtime/ and what it imports).
 *
 * Never in the zip: solutions/, an exercise's mutants, alternative solutions and case scripts, the
 * kit's own tests. The zip is the instructor's (students never see it), so the hidden graders may
 * ship; what a student sees is results.json, whose hidden checks stay hidden until the instructor
 * publishes (settings.ts).
 */
import fs from 'fs';
import path from 'path';
import { COURSE_CONFIG_FILE } from '../grade/config';
import { listExercises } from '../grade/course';
import { MANIFEST_RELATIVE_PATH } from '../grade/manifest';
import { buildReleaseTree, followImports, IGNORED_NAMES, ReleaseTree } from '../release/tree';
import { listFiles } from '../shared/walk';
import { posixPath } from '../shared/root';

/** Release folders the autograder needs (the rest — notebooks, book, notebook tools, README, workflow — is for students). */
export const FROM_RELEASE_DIRS = ['src/', 'kit/grade/', 'kit/shared/', 'course/'];
/**
 * Release files it needs: the resolved course settings (the course's points) and the release's
 * grading manifest (what a submitted repository's graders must be).
 */
export const FROM_RELEASE_FILES = [COURSE_CONFIG_FILE, MANIFEST_RELATIVE_PATH];
/** An exercise's hidden grader and its oracles: shipped, and their imports followed. */
export const HIDDEN_FILE = /^course\/[^/]+\/hidden\//;
/** The autograder's own program, run by run_autograder (its imports are followed). */
export const RUNTIME_DIR = 'kit/gradescope/runtime';
export const RUNTIME_ENTRY = `${RUNTIME_DIR}/run.ts`;
/** Never in the zip, whatever imports them (checked after the listing). */
export const NEVER_SHIPPED: readonly RegExp[] = [
  /^(solutions|test|notebooks|kit\/bench|kit\/author|kit\/release|docs|\.ci|\.github|build)\//,
  /^course\/[^/]+\/(mutants\.ts$|alternatives\/|cases\.py$)/,
  /^course\/[^/]+\.py$/,
];

export interface AutograderFiles {
  /** Path in the zip's source/ folder → content, sorted by path. */
  files: Map<string, Buffer>;
  /** The release the listing came from (course settings, points per exercise). */
  tree: ReleaseTree;
}

/** The project files of the autograder. @throws Error when one of them is NEVER_SHIPPED. */
export function autograderFiles(kitRoot: string, config?: string): AutograderFiles {
  const tree = buildReleaseTree({ kitRoot, config });
  const files = new Map<string, Buffer>();
  for (const [file, content] of tree.files) if (FROM_RELEASE_DIRS.some((d) => file.startsWith(d)) || FROM_RELEASE_FILES.includes(file)) files.set(file, content);
  const skip = (name: string): boolean => IGNORED_NAMES.some((re) => re.test(name));
  const hiddenDirs = listExercises(kitRoot).filter((e) => e.hidden !== undefined).map((e) => posixPath(path.relative(kitRoot, path.dirname(e.hidden as string))));
  for (const dir of [...hiddenDirs, RUNTIME_DIR]) {
    for (const file of listFiles(kitRoot, dir, { skip })) files.set(file, fs.readFileSync(path.join(kitRoot, file)));
  }
  followImports(kitRoot, files, (target) => HIDDEN_FILE.test(target));
  const leaked = [...files.keys()].filter((f) => NEVER_SHIPPED.some((re) => re.test(f)));
  if (leaked.length > 0) throw new Error(`gradescope: refused, the autograder would contain ${leaked.slice(0, 10).join(', ')}`);
  for (const needed of FROM_RELEASE_FILES) if (!files.has(needed)) throw new Error(`gradescope: the release has no ${needed}`);
  return { files: new Map([...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))), tree };
}
