/**
 * `npm start`: executes every notebook on the TypeScript kernel (progress: which chapter, how
 * long), builds the book, serves it on localhost and prints the URL; Ctrl+C stops it. A failing
 * cell stops everything with the notebook, the cell and the error (exit 1).
 * `npm start -- --execute stale` reuses the executed notebooks that are up to date.
 */
import { Command } from 'commander';
import { buildBook } from './build';
import { bookOptions, failureMessage, reportBuild, withBuildOptions, type BookFlags } from './options';
import { duration, progressPrinter } from './progress';
import { DEFAULT_HOST, DEFAULT_PORT, serveBook, type BookServer } from './serve';
import { CATALOGUES, SOURCE_LANGUAGE } from './lang';

interface StartFlags extends BookFlags { port: string; host: string }

let server: BookServer | null = null;
/** Set by the first Ctrl+C once serving: a second signal (npm and tsx forward theirs too) must not turn a clean stop into exit 130. */
let stopping = false;

async function stop(): Promise<void> {
  if (stopping) return; // the first signal is already closing the server and will exit 0
  if (server === null) process.exit(130); // still executing: 'exit' handlers stop the kernel
  stopping = true;
  console.log('\nStopping the book server…');
  await server.close();
  console.log('Stopped.');
  process.exit(0);
}

async function main(argv: string[]): Promise<number> {
  const started = Date.now();
  const program = withBuildOptions(new Command('start')
    .description('Execute every notebook, build the course book and serve it on localhost.'), 'all')
    .option('--port <port>', 'port to serve on (a free one if taken; 0 = any)', String(DEFAULT_PORT))
    .option('--host <host>', 'address to serve on', DEFAULT_HOST);
  program.parse(argv);
  const flags = program.opts<StartFlags>();
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535, received ${JSON.stringify(flags.port)}`);
    return 2;
  }
  const options = bookOptions(flags);
  let editions: string[] = [];
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  try {
    const result = await buildBook({ ...options, progress: progressPrinter() });
    reportBuild(result, (l) => console.log(l), (l) => console.warn(l));
    server = await serveBook(result.out, { port, host: flags.host });
    editions = result.editions.filter((e) => e.lang !== SOURCE_LANGUAGE).map((e) => `  ${CATALOGUES[e.lang].name} (${e.lang}): ${server?.url}${e.dir}`);
  } catch (e) {
    console.error(failureMessage(e));
    return 1;
  }
  console.log(`Ready in ${duration((Date.now() - started) / 1000)}.`);
  console.log(`\n  The course book: ${server.url}\n${editions.map((l) => `${l}\n`).join('')}\n  Open it in your browser. Press Ctrl+C to stop.\n`);
  return -1; // keep serving
}

process.on('SIGINT', () => { void stop(); });
process.on('SIGTERM', () => { void stop(); });
main(process.argv).then((code) => { if (code >= 0) process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
