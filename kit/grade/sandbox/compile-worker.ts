/**
 * The program of a compile worker (a worker thread of the trusted process, see compiler.ts): it
 * transpiles one student file at a time with TypeScript's transpileModule and lists the files it
 * imports. TypeScript's parser can take exponential time on short inputs (`async (async (…))`),
 * so this runs apart from the grading itself, under a time limit and a heap limit: a file that
 * takes too long or too much memory costs its worker, which is replaced, and its owner's points.
 * Self-contained: compiler.ts bundles this file (kit/shared/typescript.ts) and starts it with `eval: true`.
 * The student's TypeScript is compiled with the `typescript` package itself, not esbuild: on
 * hostile input esbuild's parser runs in the trusted process's own service and can take a gigabyte
 * and crash it (measured: 500 000 nested brackets), where a worker has a heap limit and a timer.
 */
import type * as TS from 'typescript';

interface Job {
  id: number;
  name: string;
  source: string;
}

const threads = require('worker_threads') as typeof import('worker_threads');
const port = threads.parentPort!;
const ts = require((threads.workerData as { typescript: string }).typescript) as typeof TS;

function compile(job: Job): Record<string, unknown> {
  const output = ts.transpileModule(job.source, {
    fileName: job.name,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false, inlineSourceMap: false },
  });
  const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  let error: string | undefined;
  if (errors.length > 0) {
    const d = errors[0];
    let where = job.name;
    if (d.file !== undefined && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      where = `${job.name}:${line + 1}:${character + 1}`;
    }
    error = `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  }
  // Imports, requires and dynamic imports, found by the scanner alone.
  const imports = ts.preProcessFile(job.source, true, true).importedFiles.map((f) => f.fileName);
  return { id: job.id, code: output.outputText, error, imports };
}

port.on('message', (job: Job) => {
  try {
    port.postMessage(compile(job));
  } catch (error) {
    port.postMessage({ id: job.id, failure: error instanceof Error ? error.message : String(error) });
  }
});
// Warm the compiler up before the first job (its first files take many times longer), so that the
// first student graded is not charged for it.
for (let i = 0; i < 3; i++) {
  compile({ id: 0, name: 'warm-up.ts', source: `import { a } from './a';\nexport const f${i} = async (x: number[]): Promise<number> => x.reduce((s, v) => s + v, 0) + a;\nexport class C<T> { constructor(public v: T) {} }\n` });
}
port.postMessage({ ready: true });
