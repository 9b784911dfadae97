/**
 * The kit's one way to run its own TypeScript: tsx, whose compiler is esbuild.
 *
 * - The command-line tools run under `tsx` (the npm scripts).
 * - Modules loaded at run time — the graders of course/, a kit module from a notebook — go through
 *   tsx's supported API (`tsx/cjs/api`): `requireTypeScript` uses it in a namespace of its own, so
 *   the process's `require` is left as it is (under vitest, under tsx, in a tslab kernel).
 *   `kit/notebooks/descent/boot.js` registers the same API for the notebooks' `descent` package.
 * - Code that is sent somewhere as text — the sandbox child's program, the drivers, the compile
 *   worker — is compiled with esbuild's `transformSync` / `buildSync` (`transpile`, `bundle`).
 *
 * Student files are not compiled here: they are untrusted input, compiled by the sandbox in
 * worker threads with a heap and a time limit (kit/grade/sandbox/compiler.ts).
 */
import { buildSync, transformSync } from 'esbuild';
import path from 'path';

interface ScopedTsx {
  require(id: string, fromFile: string): unknown;
}
type Register = (options: { namespace: string }) => ScopedTsx;

let scoped: ScopedTsx | undefined;

/** The exports of a TypeScript (or JavaScript, JSON) module, by path; modules are cached by path. */
export function requireTypeScript(file: string): unknown {
  if (scoped === undefined) {
    const { register } = require('tsx/cjs/api') as { register: Register };
    scoped = register({ namespace: 'descent-kit' });
  }
  return scoped.require(path.resolve(file), __filename);
}

/** The target of everything compiled here: the Node versions the kit supports (20+). */
const TARGET = 'node20';

/** TypeScript source → CommonJS JavaScript, without type checking. @throws SyntaxError "file:line:column message". */
export function transpile(source: string, file: string): string {
  try {
    return transformSync(source, { loader: 'ts', format: 'cjs', target: TARGET, sourcefile: file }).code;
  } catch (error) {
    throw new SyntaxError(buildError(error, file));
  }
}

export interface BundleOptions {
  /** `cjs`: a script that leaves its exports on `module.exports`; `iife`: an expression statement. */
  format: 'cjs' | 'iife';
  /** With `iife`: the variable that receives the entry's exports. */
  globalName?: string;
}

/**
 * A module and every project file it imports, as one script (Node's built-in modules stay
 * `require` calls). Used for programs that run where there is no module loader: the sandbox
 * child and its student realm, the compile worker, the drivers. @throws SyntaxError naming the file.
 */
export function bundle(entry: string, options: BundleOptions): string {
  try {
    const out = buildSync({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'node',
      packages: 'external',
      format: options.format,
      globalName: options.globalName,
      target: TARGET,
      logLevel: 'silent',
      legalComments: 'none',
    });
    return out.outputFiles[0].text;
  } catch (error) {
    throw new SyntaxError(buildError(error, entry));
  }
}

function buildError(error: unknown, file: string): string {
  const first = (error as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }).errors?.[0];
  if (first === undefined) return `${file}: ${error instanceof Error ? error.message : String(error)}`;
  const where = first.location ? `${first.location.file || file}:${first.location.line}:${first.location.column + 1}` : file;
  return `${where} ${first.text}`;
}
