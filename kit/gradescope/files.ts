/**
 * Which project files the Gradescope autograder zip carries — the one place that knows where
 * things live in the kit (adapt it when graders move). Built on the student release's own listing
 * (kit/release/tree.ts: the library, the grading core, the public graders and what they import,
 * the resolved course settings and the release's checksums), minus what only students use, plus
 * the hidden graders (test/hidden/ and what they import) and the autograder's runtime
 * (kit/gradescope/runtime/ and what it imports, e.g. the batch's one-student grading).
 *
 * Never in the zip: solutions/, the mutation and adversarial suites, the kit's own tests. The zip
 * is the instructor's (students never see it), so the hidden graders may ship; what a student sees
 * is results.json, whose hidden checks stay hidden until the instructor publishes (settings.ts).
 */
import { CHECKSUMS_FILE } from '../release/course/integrity';
import { STUDENT_COURSE_FILE } from '../release/course/course';
import { buildReleaseTree, followImports, ReleaseTree, walk } from '../release/tree';

/** Release folders the autograder needs (the rest — notebooks, book, notebook tools, README, workflow — is for students). */
export const FROM_RELEASE_DIRS = ['src/', 'kit/grade/', 'test/graders/', 'test/fixtures/'];
/** Release files it needs: the resolved course settings and the release's checksums. */
export const FROM_RELEASE_FILES = [STUDENT_COURSE_FILE, CHECKSUMS_FILE];
/** The hidden graders' folder, as the grading engine finds it today (kit/grade/paths.ts). */
export const HIDDEN_DIR = 'test/hidden';
/** The autograder's own program, run by run_autograder (its imports are followed). */
export const RUNTIME_DIR = 'kit/gradescope/runtime';
export const RUNTIME_ENTRY = `${RUNTIME_DIR}/run.ts`;
/** Where the runtime finds the release's checksums (to flag a repository whose graders were changed). */
export const RUNTIME_CHECKSUMS = CHECKSUMS_FILE;
/** Folders whose imports may be followed although the student release never ships them. */
export const ALLOWED_PRIVATE = [`${HIDDEN_DIR}/`, 'kit/release/'];
/** Never in the zip, whatever imports them (checked after the listing). */
export const NEVER_SHIPPED = ['solutions/', 'test/mutants/', 'test/adversarial/', 'test/grading/', 'kit/bench/', 'notebooks/', '.github/', 'docs/', '.ci/', 'build/'];

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
  walk(kitRoot, HIDDEN_DIR, files);
  walk(kitRoot, RUNTIME_DIR, files);
  followImports(kitRoot, files, ALLOWED_PRIVATE);
  const leaked = [...files.keys()].filter((f) => NEVER_SHIPPED.some((p) => f.startsWith(p)));
  if (leaked.length > 0) throw new Error(`gradescope: refused, the autograder would contain ${leaked.slice(0, 10).join(', ')}`);
  if (!files.has(RUNTIME_CHECKSUMS)) throw new Error(`gradescope: the release has no ${RUNTIME_CHECKSUMS}`);
  return { files: new Map([...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))), tree };
}
