/**
 * `assets/check.js`: the exercise pages' check worker with the course's public graders bundled in
 * (esbuild, like every script of the book). The graders are the files `npm run grade` runs,
 * bundled as they are — the seam is theirs: a grader (`course/<exercise>/grader.ts`) is plain
 * `defineGrader` data whose checks talk to the student's code only through `t.call` / `t.drive`,
 * so the worker gives them a browser CheckContext (browser/check-context.ts) instead of the
 * sandbox, and the exercise's `drivers.ts` runs next to the student's code there. Where the
 * graders, drivers and course points live is where.ts's business alone.
 */
import { join } from 'path';
import type { Plugin } from 'esbuild';
import { BROWSER_TARGET, bundle, solutionsGuard } from '../bundle';
import { ROOT } from '../files';
import { coursePoints, GRADE_SETTINGS, gradedExercises } from './where';

/** The worker's file, relative to the book. */
export const CHECK_SCRIPT = 'assets/check.js';

const SHIMS = join(__dirname, 'shims');
const ENTRY = join(__dirname, '..', 'browser', 'check-worker.ts');

/**
 * The one Node module the grading code reaches, replaced for the browser: `crypto` (safe/text's CI
 * token; throws). Anything else Node-only fails the build (esbuild cannot resolve it).
 */
const graderShims: Plugin = {
  name: 'descent-grader-shims',
  setup(b) {
    b.onResolve({ filter: /^crypto$/ }, () => ({ path: join(SHIMS, 'crypto.ts') }));
  },
};

/** The entry: the public grader and drivers of each of `exercises` the course has. */
export function checkEntry(exercises: readonly string[]): { source: string; graded: string[] } {
  const known = gradedExercises().filter((e) => exercises.includes(e.name));
  const graded = known.map((e) => e.name);
  const imports = known.flatMap((e, k) => [
    `import grader${k} from ${JSON.stringify(e.grader)};`,
    ...(e.drivers === undefined ? [] : [`import * as drivers${k} from ${JSON.stringify(e.drivers)};`]),
  ]);
  const source = [
    `import { startCheckWorker } from ${JSON.stringify(ENTRY)};`,
    ...imports,
    'startCheckWorker({',
    `  graders: { ${known.map((e, k) => `${JSON.stringify(e.name)}: grader${k}`).join(', ')} },`,
    `  drivers: { ${known.flatMap((e, k) => (e.drivers === undefined ? [] : [`${JSON.stringify(e.name)}: drivers${k}`])).join(', ')} },`,
    `  exercises: ${JSON.stringify(Object.fromEntries(known.map((e) => [e.name, { file: e.file, chapter: e.chapter }])))},`,
    `  settings: ${JSON.stringify(GRADE_SETTINGS)},`,
    `  course: ${JSON.stringify(coursePoints())},`,
    '});',
  ].join('\n');
  return { source, graded };
}

/** Bundles `<out>/assets/check.js` for the exercises of the book; returns the exercises it can check. */
export async function bundleChecks(out: string, exercises: readonly string[]): Promise<string[]> {
  const { source, graded } = checkEntry(exercises);
  await bundleCheckWorker(source, join(out, CHECK_SCRIPT));
  return graded;
}

/** Bundles an entry (`checkEntry`'s source) into `outfile`; any esbuild warning fails it. */
export async function bundleCheckWorker(source: string, outfile: string, name = 'check'): Promise<void> {
  await bundle(name, {
    stdin: { contents: source, resolveDir: ROOT, sourcefile: 'check-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: BROWSER_TARGET,
    legalComments: 'eof',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [solutionsGuard, graderShims],
    outfile,
  }, true);
}
