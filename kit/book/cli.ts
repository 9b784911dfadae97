/**
 * `npm run book [-- --student] [--out DIR] [--execute stale|all|never] …`: builds the course book
 * into build/book/ from the executed notebooks, executing the missing or stale ones first.
 */
import { Command } from 'commander';
import { buildBook } from './build';
import { bookOptions, failureMessage, reportBuild, withBuildOptions, type BookFlags } from './options';
import { progressPrinter } from './progress';

async function main(argv: string[]): Promise<number> {
  const program = withBuildOptions(new Command('book')
    .description('Build the course book (static HTML with typeset math and interactive plots) from the executed notebooks.'), 'stale');
  program.parse(argv);
  const options = bookOptions(program.opts<BookFlags>());
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  try {
    const result = await buildBook({ ...options, progress: progressPrinter() });
    reportBuild(result, (l) => console.log(l), (l) => console.warn(l));
    return 0;
  } catch (e) {
    console.error(failureMessage(e));
    return 1;
  }
}

// Ctrl+C while notebooks execute: exit through 'exit' handlers, which stop the kernel.
process.once('SIGINT', () => process.exit(130));
main(process.argv).then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
