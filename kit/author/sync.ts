/**
 * `npm run manifest`: regenerates the files the kit derives from its exercise folders, after an
 * exercise or a grader changed (or was added or removed):
 *
 * - kit/grade/manifest.json — the checksum manifest of the grading (kit/grade/manifest.ts);
 * - kit/notebooks/descent/exercises.d.ts — the types of `import … from 'descent/exercises'` in
 *   a notebook: one line per exercise (tslab checks cells against the student's signatures).
 *
 * test/grading/course.test.ts fails, naming this command, until both match the tree.
 */
import fs from 'fs';
import path from 'path';
import { listExercises } from '../grade/course';
import { MANIFEST_RELATIVE_PATH, writeManifest } from '../grade/manifest';
import { PROJECT_ROOT } from '../shared/root';

/** Where the notebooks' exercise types live, relative to the project root. */
export const EXERCISE_TYPES_FILE = 'kit/notebooks/descent/exercises.d.ts';

/** The text of exercises.d.ts for the course at `root`. */
export function exerciseTypes(root: string): string {
  const lines = [
    "// Types of `import … from 'descent/exercises'`: the exercise files themselves (their contract).",
    '// tslab checks cells against the student\'s current signatures. Written by `npm run manifest`',
    '// (kit/author/sync.ts) from the exercise folders in course/: do not edit.',
    ...listExercises(root).map((e) => `export * from '../../../exercises/${e.name}';`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes both derived files of the course at `root`; returns what was written. */
export function syncDerivedFiles(root: string = PROJECT_ROOT): string[] {
  fs.writeFileSync(path.join(root, EXERCISE_TYPES_FILE), exerciseTypes(root));
  const manifest = writeManifest(root);
  return [`${EXERCISE_TYPES_FILE} (${listExercises(root).length} exercises)`, `${MANIFEST_RELATIVE_PATH} (${Object.keys(manifest.files).length} entries)`];
}

if (require.main === module) {
  try {
    for (const line of syncDerivedFiles()) process.stdout.write(`wrote ${line}\n`);
  } catch (error) {
    process.stderr.write(`manifest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
