/**
 * Every script of the book, bundled at build time with esbuild — the only place the book bundles:
 * - `assets/book.js` (every page): the menu, the figures (themed, sliders for the keyboard);
 * - `assets/live.js` (chapter pages): the editors (CodeMirror 6), Run / Run all / Stop / Reset;
 * - `assets/worker.js`: the TypeScript worker — the library (`descent`, src/), its browser
 *   helpers (`descent/notebook`), mathjs, sucrase (types stripped in the page) and acorn, and the
 *   book's exercise files as sources (`descent/exercises`, compiled in the worker).
 *
 * The engine's WebAssembly kernels: the worker bundles src/ as it is, so when src/ loads a `.wasm`
 * (with its JavaScript fallback), add it to WORKER_LOADERS below — `'.wasm': 'binary'` inlines
 * the module into worker.js (instantiate it from the bytes), `'.wasm': 'file'` copies it next to
 * worker.js and gives its URL; nothing else changes. Every file esbuild loads passes the
 * solutions guard of files.ts.
 */
import { build, type Loader, type Plugin } from 'esbuild';
import { join } from 'path';
import type { Exercise } from './exercises';
import { assertNotSolution } from './files';

const BROWSER_DIR = join(__dirname, 'browser');
/** Browsers the bundles are written for (ES2022: Chromium 94+, Firefox 93+, Safari 16.4+). */
export const BROWSER_TARGET = 'es2022';
/** Loaders of the worker's bundle beyond the defaults (see the header: WebAssembly kernels go here). */
export const WORKER_LOADERS: Record<string, Loader> = {};

/** The scripts written, relative to the book. */
export const SCRIPTS = { book: 'assets/book.js', live: 'assets/live.js', worker: 'assets/worker.js' } as const;

/** Refuses to bundle anything from solutions/ (files.ts's guard, for every file esbuild loads). */
const solutionsGuard: Plugin = {
  name: 'descent-solutions-guard',
  setup(b) {
    b.onLoad({ filter: /.*/ }, (args) => {
      assertNotSolution(args.path);
      return undefined;
    });
  },
};

/** `descent-book:exercises`: the book's exercise files (name → source), as read by exercises.ts. */
function exerciseSources(exercises: readonly Exercise[]): Plugin {
  return {
    name: 'descent-book-exercises',
    setup(b) {
      b.onResolve({ filter: /^descent-book:exercises$/ }, () => ({ path: 'exercises', namespace: 'descent-book' }));
      b.onLoad({ filter: /.*/, namespace: 'descent-book' }, () => ({
        contents: `export default ${JSON.stringify(Object.fromEntries(exercises.map((e) => [e.name, e.source])))};`,
        loader: 'js',
      }));
    },
  };
}

/** Bundles the book's scripts into `<out>/assets/`; returns the files written, relative to `out`. */
export async function bundleScripts(out: string, exercises: readonly Exercise[]): Promise<string[]> {
  const common = {
    bundle: true,
    minify: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: BROWSER_TARGET,
    legalComments: 'eof' as const,
    logLevel: 'silent' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(BROWSER_DIR, 'book.ts')], outfile: join(out, SCRIPTS.book), plugins: [solutionsGuard] }),
    build({ ...common, entryPoints: [join(BROWSER_DIR, 'live.ts')], outfile: join(out, SCRIPTS.live), plugins: [solutionsGuard] }),
    build({
      ...common,
      entryPoints: [join(BROWSER_DIR, 'worker.ts')],
      outfile: join(out, SCRIPTS.worker),
      loader: WORKER_LOADERS,
      plugins: [exerciseSources(exercises), solutionsGuard],
    }),
  ]);
  return Object.values(SCRIPTS);
}
