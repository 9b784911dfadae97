/**
 * TypeScript → CommonJS JavaScript, in memory, with the `typescript` package's transpileModule
 * (no type checking). Used on the trusted side for the student's files (served to the sandbox
 * from memory), for the drivers that run next to them, and for the graders themselves.
 */
import ts from 'typescript';

export interface Transpiled {
  /** CommonJS JavaScript. */
  code: string;
  /** A syntax error, "mse.ts:3:7 ')' expected.", when the file cannot be compiled. */
  error?: string;
}

const cache = new Map<string, Transpiled>();

export function transpile(source: string, fileName: string): Transpiled {
  const key = `${fileName}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
      inlineSourceMap: false,
    },
  });
  const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  let result: Transpiled = { code: output.outputText };
  if (errors.length > 0) {
    const d = errors[0];
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    let where = fileName;
    if (d.file !== undefined && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      where = `${fileName}:${line + 1}:${character + 1}`;
    }
    result = { code: output.outputText, error: `${where} ${text}` };
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}
