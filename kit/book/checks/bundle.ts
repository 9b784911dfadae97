/**
 * `assets/check.js`: the exercise pages' check worker with the book's public graders bundled in
 * (esbuild, like every script of the book). The graders are the vitest files `npm run grade` runs,
 * bundled as they are — the seam is theirs: a grader is `defineGrader(vitest, meta, body)` whose
 * checks talk to the student's code only through `t.call` / `t.drive` (plain data), so the worker
 * gives them a browser CheckContext (browser/check-context.ts) instead of the sandbox, and `vitest`
 * is an empty module (no test is registered; a grader that uses any vitest API fails this build).
 * Where the graders, drivers and course points live is where.ts's business alone.
 */
import { dirname, join } from 'path';
import type { Plugin } from 'esbuild';
import { BROWSER_TARGET, bundle, solutionsGuard } from '../bundle';
import { isInside, readText, ROOT } from '../files';
import { coursePoints, driverFiles, GRADE_SETTINGS, gradedExercises, projectPath, publicGrader, scaleModule } from './where';

/** The worker's file, relative to the book. */
export const CHECK_SCRIPT = 'assets/check.js';

const SHIMS = join(__dirname, 'shims');
const ENTRY = join(__dirname, '..', 'browser', 'check-worker.ts');

/**
 * Node modules the graders' code reaches, replaced for the browser: `vitest` (empty), `path` (to
 * name driver files), `crypto` (safe/text's CI token; throws), and the vitest-only session that
 * grader.ts imports lazily. Anything else Node-only fails the build (esbuild cannot resolve it).
 */
const graderShims: Plugin = {
  name: 'descent-grader-shims',
  setup(b) {
    b.onResolve({ filter: /^(vitest|path|crypto)$/ }, (args) => ({ path: join(SHIMS, `${args.path}.ts`) }));
    b.onResolve({ filter: /^\.\/(session|paths)$/ }, (args) =>
      (args.importer.endsWith(join('grade', 'grader.ts')) ? { path: join(SHIMS, 'node-only.ts') } : undefined));
    // A grader names its drivers from its own folder: __dirname is that folder, relative to the project.
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!isInside(args.path, ROOT) || args.path.includes('node_modules')) return undefined;
      const source = readText(args.path);
      if (!/\b__dirname\b/.test(source) || isInside(args.path, join(ROOT, 'kit'))) return undefined;
      return { contents: `const __dirname = ${JSON.stringify(projectPath(dirname(args.path)))};\n${source}`, loader: 'ts' };
    });
  },
};

/** The entry: every grader of `exercises` (those that have one) and every driver module. */
export async function checkEntry(exercises: readonly string[]): Promise<{ source: string; graded: string[] }> {
  const graded = exercises.filter((e) => publicGrader(e) !== undefined);
  const graders = graded.map((e, k) => `import grader${k} from ${JSON.stringify(publicGrader(e))};`);
  const drivers = driverFiles().map((f, k) => `import * as drivers${k} from ${JSON.stringify(f)};`);
  const course = await coursePoints(gradedExercises());
  const source = [
    `import { startCheckWorker } from ${JSON.stringify(ENTRY)};`,
    `import { scaleReport } from ${JSON.stringify(scaleModule())};`,
    ...graders,
    ...drivers,
    'startCheckWorker({',
    `  graders: { ${graded.map((e, k) => `${JSON.stringify(e)}: grader${k}`).join(', ')} },`,
    `  drivers: { ${driverFiles().map((f, k) => `${JSON.stringify(projectPath(f))}: drivers${k}`).join(', ')} },`,
    `  settings: ${JSON.stringify(GRADE_SETTINGS)},`,
    `  course: ${JSON.stringify(course)},`,
    '  scaleReport,',
    '});',
  ].join('\n');
  return { source, graded };
}

/** Bundles `<out>/assets/check.js` for the exercises of the book; returns the exercises it can check. */
export async function bundleChecks(out: string, exercises: readonly string[]): Promise<string[]> {
  const { source, graded } = await checkEntry(exercises);
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
