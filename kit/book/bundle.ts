/**
 * Every script of the book, bundled at build time with esbuild — the only place the book bundles:
 * - `assets/book.js` (every page): the menu, the figures (themed, sliders for the keyboard);
 * - `assets/live.js` (chapter pages): the editors (CodeMirror 6), Run / Run all / Stop / Reset;
 * - `assets/exercise.js` (exercise pages): the exercise's editor, Check / Stop / Download / Reset;
 *   its worker `assets/check.js` (the public graders) is bundled by checks/bundle.ts;
 * - `assets/worker.js`: the TypeScript worker — the library (`descent`, src/), its browser
 *   helpers (`descent/notebook`), mathjs, sucrase (types stripped in the page) and acorn (the
 *   book's exercise files go beside it as `assets/exercises.json`, written by build.ts).
 *
 * The engine's WebAssembly kernels: the worker bundles src/ as it is, so when src/ loads a `.wasm`
 * (with its JavaScript fallback), add it to WORKER_LOADERS below — `'.wasm': 'binary'` inlines
 * the module into worker.js (instantiate it from the bytes), `'.wasm': 'file'` copies it next to
 * worker.js and gives its URL; nothing else changes. Every file esbuild loads passes the
 * solutions guard of files.ts.
 */
import { createHash } from 'crypto';
import { build, version as esbuildVersion, type BuildOptions, type Loader, type Plugin } from 'esbuild';
import { mkdirSync, writeFileSync } from 'fs';
import { isAbsolute, join, resolve } from 'path';
import { assertNotSolution, copyFile, modifiedMs, readJson, ROOT } from './files';

const BROWSER_DIR = join(__dirname, 'browser');
/** Browsers the bundles are written for (ES2022: Chromium 94+, Firefox 93+, Safari 16.4+). */
export const BROWSER_TARGET = 'es2022';
/** Loaders of the worker's bundle beyond the defaults (see the header: WebAssembly kernels go here). */
export const WORKER_LOADERS: Record<string, Loader> = {};

/** The scripts written, relative to the book. */
export const SCRIPTS = { book: 'assets/book.js', live: 'assets/live.js', worker: 'assets/worker.js', exercise: 'assets/exercise.js' } as const;
/** The exercise files' sources (name → TypeScript), which the worker's `descent/exercises` compiles. */
export const EXERCISES_ASSET = 'assets/exercises.json';

/** Refuses to bundle anything from solutions/ (files.ts's guard, for every file esbuild loads). */
export const solutionsGuard: Plugin = {
  name: 'descent-solutions-guard',
  setup(b) {
    b.onLoad({ filter: /.*/ }, (args) => {
      assertNotSolution(args.path);
      return undefined;
    });
  },
};

/** Where bundles are kept between builds. */
export const CACHE_DIR = join(ROOT, 'build', '.cache', 'book-scripts');

interface CacheEntry { key: string; inputs: Record<string, number | null> }

function cacheKey(options: BuildOptions): string {
  const { plugins: _plugins, outfile: _outfile, ...rest } = options;
  return createHash('sha256').update(JSON.stringify({ esbuildVersion, rest })).digest('hex');
}

/**
 * One bundle, from the cache when none of its inputs changed. `strict`: any esbuild warning (an
 * import with no matching export, …) fails the build, naming it.
 */
export async function bundle(name: string, options: BuildOptions, strict = false): Promise<void> {
  const outfile = options.outfile as string;
  const key = cacheKey(options);
  const cached = join(CACHE_DIR, `${name}.js`);
  const manifest = join(CACHE_DIR, `${name}.json`);
  try {
    const entry = readJson<CacheEntry>(manifest);
    if (entry.key === key && modifiedMs(cached) !== null
      && Object.entries(entry.inputs).every(([file, mtime]) => modifiedMs(file) === mtime)) {
      copyFile(cached, outfile);
      return;
    }
  } catch { /* no cache yet */ }
  const result = await build({ ...options, metafile: true });
  if (strict && result.warnings.length > 0) {
    const where = (w: (typeof result.warnings)[number]): string => (w.location ? `${w.location.file}:${w.location.line}: ` : '');
    throw new Error(`book: bundling ${name} warned, which fails the build:\n${result.warnings.map((w) => `  ${where(w)}${w.text}`).join('\n')}`);
  }
  const inputs: Record<string, number | null> = {};
  for (const input of Object.keys(result.metafile?.inputs ?? {})) {
    const path = isAbsolute(input) ? input : resolve(process.cwd(), input);
    inputs[path] = modifiedMs(path);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  copyFile(outfile, cached);
  writeFileSync(manifest, JSON.stringify({ key, inputs } satisfies CacheEntry));
}

/** Bundles the book's scripts into `<out>/assets/`; returns the files written, relative to `out`. */
export async function bundleScripts(out: string): Promise<string[]> {
  const common = {
    bundle: true,
    minify: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: BROWSER_TARGET,
    legalComments: 'eof' as const,
    logLevel: 'silent' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [solutionsGuard],
  };
  await Promise.all([
    bundle('book', { ...common, entryPoints: [join(BROWSER_DIR, 'book.ts')], outfile: join(out, SCRIPTS.book) }),
    bundle('live', { ...common, entryPoints: [join(BROWSER_DIR, 'live.ts')], outfile: join(out, SCRIPTS.live) }),
    bundle('exercise', { ...common, entryPoints: [join(BROWSER_DIR, 'exercise.ts')], outfile: join(out, SCRIPTS.exercise) }),
    bundle('worker', { ...common, entryPoints: [join(BROWSER_DIR, 'worker.ts')], outfile: join(out, SCRIPTS.worker), loader: WORKER_LOADERS }),
  ]);
  return Object.values(SCRIPTS);
}
