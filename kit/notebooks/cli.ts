/**
 * `npm run notebooks [-- notebooks…] [--out DIR] [--exercises DIR] [--timeout SEC]`: executes the
 * notebooks on tslab from Node alone. `--png` adds static figure images. `--lint` checks the committed notebooks instead (no
 * outputs, tslab kernelspec); `--strip` removes their outputs.
 */
import { Command } from 'commander';
import { resolve } from 'path';
import { lintNotebook, listNotebooks, readNotebook, stripNotebook, writeNotebook } from './notebook';
import { NotebookError, runNotebooks } from './run';
import { EXECUTED_DIR, NOTEBOOKS_DIR } from './resolve';

interface Flags { out: string; exercises?: string; timeout: string; png?: boolean; lint?: boolean; strip?: boolean }

async function main(argv: string[]): Promise<number> {
  const program = new Command('notebooks')
    .description('Execute the course notebooks on the tslab kernel (Node only) and write executed copies.')
    .argument('[notebooks...]', 'notebooks to run (default: every notebooks/*.ipynb)')
    .option('--out <dir>', 'folder for the executed copies', EXECUTED_DIR)
    .option('--exercises <dir>', "exercise folder for 'descent/exercises' (default exercises/)")
    .option('--timeout <seconds>', 'time limit per cell', '300')
    .option('--png', 'add a static PNG to every figure (needs Chromium)')
    .option('--lint', 'check the notebooks as committed (no outputs, tslab kernelspec) instead of running them')
    .option('--strip', 'remove outputs and execution counts from the notebooks, set the tslab kernelspec');
  program.parse(argv);
  const flags = program.opts<Flags>();
  const files = program.args.length > 0 ? program.args.map((f) => resolve(f)) : listNotebooks(NOTEBOOKS_DIR);
  const timeout = Number(flags.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    console.error(`--timeout must be a positive number of seconds, received ${JSON.stringify(flags.timeout)}`);
    return 2;
  }
  if (flags.lint || flags.strip) {
    let bad = 0;
    for (const f of files) {
      const nb = readNotebook(f);
      if (flags.strip) writeNotebook(f, stripNotebook(nb));
      const problems = lintNotebook(flags.strip ? stripNotebook(nb) : nb);
      for (const p of problems) console.error(`${f}: ${p}`);
      bad += problems.length > 0 ? 1 : 0;
    }
    console.log(`${files.length} notebook(s) ${flags.strip ? 'stripped' : 'checked'}, ${bad} with problems`);
    return bad > 0 ? 1 : 0;
  }
  try {
    await runNotebooks({ files, outDir: flags.out, exercises: flags.exercises, cellTimeoutMs: timeout * 1000, png: flags.png, log: (l) => console.log(l) });
    return 0;
  } catch (e) {
    console.error(e instanceof NotebookError ? `\n${e.message}` : e);
    return 1;
  }
}

// Ctrl+C: exit through 'exit' handlers, which stop the kernel.
process.once('SIGINT', () => process.exit(130));
main(process.argv).then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
