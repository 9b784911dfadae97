/**
 * Type-checks exercise files the way `npm run typecheck` does (the project's tsconfig.json), for
 * notebooks: tslab checks only the cell, so errors inside an imported exercise would go unseen.
 */
import { dirname, join, relative, resolve, sep } from 'path';
import type * as TS from 'typescript';
import { ROOT } from './resolve';

let loaded: typeof TS | null = null;
/** The project's TypeScript, loaded on first use (it takes a few hundred ms). */
export function typescript(): typeof TS {
  if (loaded === null) loaded = require(require.resolve('typescript', { paths: [ROOT] })) as typeof TS;
  return loaded;
}

/** One type error, with a path relative to the project root. */
export interface TypeProblem {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

let options: TS.CompilerOptions | null = null;
let previous: TS.Program | undefined;

function compilerOptions(): TS.CompilerOptions {
  const ts = typescript();
  if (options) return options;
  const configPath = join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dirname(configPath));
  options = { ...parsed.options, noEmit: true, incremental: false, composite: false };
  return options;
}

/**
 * The type errors in `files` and in whatever they import from inside `scope` (a folder):
 * errors in the library or in node_modules are not the student's and are left out.
 */
export function typeProblems(files: readonly string[], scope: string): TypeProblem[] {
  const ts = typescript();
  const program = ts.createProgram({ rootNames: files.map((f) => resolve(f)), options: compilerOptions(), oldProgram: previous });
  previous = program;
  const inScope = resolve(scope) + sep;
  const problems: TypeProblem[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!resolve(sf.fileName).startsWith(inScope)) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of diagnostics) {
      const at = d.start === undefined ? { line: 0, character: 0 } : sf.getLineAndCharacterOfPosition(d.start);
      problems.push({
        file: relative(ROOT, sf.fileName).split(sep).join('/'),
        line: at.line + 1,
        column: at.character + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
    }
  }
  return problems;
}

/** `exercises/mse.ts:3:10 - error TS2322: Type 'string' is not assignable to type 'number'.` */
export function formatProblems(problems: readonly TypeProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} - error TS${p.code}: ${p.message}`).join('\n');
}
