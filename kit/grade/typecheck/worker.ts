/**
 * The program of a type-check worker (a worker thread of the trusted process, see check.ts): it
 * type-checks a student's exercise files with the `typescript` package's checker and returns the
 * errors. Like the compile worker it runs apart from grading, under a heap limit and a timer, so a
 * file the checker chokes on costs nothing but its own type notes.
 *
 * What the checker sees is only what it is given: the exercise files (from the submission folder,
 * already read under its size caps) and TypeScript's own lib files. Nothing else is read — no
 * node_modules, no path outside the folder (a non-sibling import is simply "not found").
 * Self-contained: check.ts bundles this file and starts it with `eval: true`.
 */
import type * as TS from 'typescript';

interface Job {
  id: number;
  /** File name → source: the exercise files to check and the sibling files they may import. */
  files: Record<string, string>;
  /** The files whose errors are wanted. */
  roots: string[];
}

/** One error in a student file: where, TypeScript's code and message, and the identifier it names (if any). */
export interface RawTypeError {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
  /** The source text the error points at (at most 200 characters). */
  text: string;
  /** The whole line the error is on (at most 300 characters). */
  lineText: string;
}

const threads = require('worker_threads') as typeof import('worker_threads');
const port = threads.parentPort!;
const ts = require((threads.workerData as { typescript: string }).typescript) as typeof TS;
const path = require('path') as typeof import('path');

const ROOT = '/submission/';
const LIB_DIR = path.dirname(require.resolve((threads.workerData as { typescript: string }).typescript));

/** The options students' files are checked with: the kit's tsconfig's strictness, no Node types, no emit. */
const OPTIONS: TS.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  noEmit: true,
  types: [],
  esModuleInterop: true,
  skipLibCheck: true,
  noResolve: false,
};

/** Lib files parsed once per worker. */
const libs = new Map<string, TS.SourceFile | undefined>();
let previous: TS.Program | undefined;

function check(job: Job): RawTypeError[] {
  const files = new Map(Object.entries(job.files).map(([name, source]) => [ROOT + name, source]));
  const host: TS.CompilerHost = {
    getSourceFile(fileName, languageVersion) {
      const source = files.get(fileName);
      if (source !== undefined) return ts.createSourceFile(fileName, source, languageVersion, true);
      if (path.dirname(fileName) !== LIB_DIR || !/^lib\.[a-z0-9.]+\.d\.ts$/.test(path.basename(fileName))) return undefined;
      if (!libs.has(fileName)) {
        const text = ts.sys.readFile(fileName);
        libs.set(fileName, text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true));
      }
      return libs.get(fileName);
    },
    getDefaultLibFileName: (options) => path.join(LIB_DIR, ts.getDefaultLibFileName(options)),
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => undefined,
    getCurrentDirectory: () => ROOT,
    getDirectories: () => [],
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => files.has(f),
    readFile: (f) => files.get(f),
    directoryExists: (d) => d === ROOT || d === ROOT.slice(0, -1),
  };
  const program = ts.createProgram({ rootNames: job.roots.map((r) => ROOT + r), options: OPTIONS, host, oldProgram: previous });
  previous = program;
  const out: RawTypeError[] = [];
  for (const root of job.roots) {
    const sf = program.getSourceFile(ROOT + root);
    if (sf === undefined) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of diagnostics) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      const start = d.start ?? 0;
      const at = sf.getLineAndCharacterOfPosition(start);
      out.push({
        file: root,
        line: at.line + 1,
        column: at.character + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
        text: sf.text.slice(start, start + Math.min(d.length ?? 0, 200)),
        lineText: sf.text.slice(sf.getLineStarts()[at.line], sf.getLineStarts()[at.line + 1] ?? sf.text.length).trimEnd().slice(0, 300),
      });
    }
  }
  return out;
}

port.on('message', (job: Job) => {
  try {
    port.postMessage({ id: job.id, errors: check(job) });
  } catch (error) {
    port.postMessage({ id: job.id, failure: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
