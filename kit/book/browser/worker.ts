/**
 * The book's TypeScript worker (assets/worker.js): one per chapter page, running its cells like a
 * notebook kernel. Each `run` request compiles the cell (transform.ts), registers its names in the
 * page's one scope, and runs it as an async function; `console` output, `show()` figures, tables
 * and errors (with the cell's line numbers) go back to the page as they happen. The library
 * (`descent`, src/; its internals `descent/internal`), `descent/notebook` (the helpers' browser
 * build) and `mathjs` are bundled in;
 * `descent/exercises` is the book's exercise files (`assets/exercises.json`, next to this script),
 * fetched and compiled here on first import.
 * Stop = the page terminates this worker and starts another.
 */
import { all, create } from 'mathjs';
import * as descent from '../../../src/index';
import * as descentInternal from '../../../src/internal';
import * as notebook from '../../notebooks/helpers/browser';
import { PLOTLY_MIME } from '../../notebooks/helpers/plot';
import { format, inspect } from './inspect';
import { moduleLoader, type External, type Module } from './modules';
import type { CellError, Reply, Request } from './protocol';
import { cellTrace, CellSyntaxError, compileCell, IMPORT, SCOPE } from './transform';

interface WorkerScope {
  postMessage(message: Reply): void;
  addEventListener(type: 'message', listener: (e: { data: Request }) => void): void;
}
const host = globalThis as unknown as WorkerScope;

// eslint-disable-next-line @typescript-eslint/no-empty-function
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;

/**
 * `mathjs` for cells: `create` and `all` as they are, every other export from one instance made on
 * first use. (The package's own namespace builds all its functions when it loads: 1.5 s of the
 * worker's start; an instance of `create(all)` builds each function when it is first used.)
 */
let mathInstance: Record<string | symbol, unknown> | null = null;
const instance = (): Record<string | symbol, unknown> => (mathInstance ??= create(all) as unknown as Record<string | symbol, unknown>);
const mathjs = new Proxy({} as Module, {
  get: (_t, key) => (key === 'all' ? all : key === 'create' ? create : instance()[key]),
  has: (_t, key) => key === 'all' || key === 'create' || key in instance(),
});

/** The modules a cell can import, by specifier. */
const modules = new Map<string, () => Module | Promise<Module>>([
  ['descent', () => descent as unknown as Module],
  ['descent/internal', () => descentInternal as unknown as Module],
  ['descent/notebook', () => notebook as unknown as Module],
  ['mathjs', () => mathjs],
  ['descent/exercises', () => exercises()],
]);

/** The book's exercise files (name → TypeScript source), written by the build next to this script. */
export const EXERCISES_FILE = 'exercises.json';
let exerciseExports: Promise<Module> | null = null;

/** The exercise files as one module (like the kernel's `descent/exercises`), compiled on first use. */
function exercises(): Promise<Module> {
  exerciseExports ??= fetch(new URL(EXERCISES_FILE, (globalThis as unknown as { location: { href: string } }).location.href).href)
    .then((r) => {
      if (!r.ok) throw new Error(`descent/exercises: this book has no exercise files (${EXERCISES_FILE}: HTTP ${r.status})`);
      return r.json() as Promise<Record<string, string>>;
    })
    .then((sources) => compileExercises(sources));
  return exerciseExports;
}

function compileExercises(sources: Record<string, string>): Module {
  const external: External = (spec) => {
    if (/^(\.\.\/)+src(\/|$)/.test(spec) || spec === 'descent') return descent as unknown as Module;
    return spec === 'mathjs' ? mathjs : undefined;
  };
  const load = moduleLoader(sources, external, (spec, name) =>
    `exercises/${name}.ts: cannot import '${spec}' in the book (it can import descent, mathjs and the other exercise files)`);
  const all: Module = {};
  for (const name of Object.keys(sources).sort()) Object.assign(all, load(name));
  return all;
}

async function importModule(specifier: string, wantDefault: boolean): Promise<Module> {
  const make = modules.get(specifier);
  if (!make) {
    throw new Error(`Cannot find module '${specifier}': cells in the book can import ${[...modules.keys()].map((m) => `'${m}'`).join(', ')}`);
  }
  const mod = await make();
  return wantDefault ? ('default' in mod ? mod.default as Module : mod) : mod;
}

const scope: Record<string, unknown> = Object.create(null);
let current = 0;
const post = (m: Reply): void => host.postMessage(m);

/** Figures go as plotly JSON and their description (the notebook's HTML script is for Jupyter). */
notebook.setDisplaySink((data, metadata) => {
  const sent = data[PLOTLY_MIME] !== undefined ? { [PLOTLY_MIME]: data[PLOTLY_MIME], 'text/plain': data['text/plain'] } : data;
  post({ type: 'display', id: current, data: sent, metadata });
});

function stream(name: 'stdout' | 'stderr') {
  return (...args: unknown[]): void => post({ type: 'stream', id: current, name, text: `${format(...args)}\n` });
}
Object.assign(console, {
  log: stream('stdout'), info: stream('stdout'), debug: stream('stdout'), warn: stream('stderr'), error: stream('stderr'),
  table: (rows: unknown) => (Array.isArray(rows) ? notebook.showTable(rows as notebook.Row[]) : stream('stdout')(rows)),
});

/** Lines the engine puts before a function body in stack traces (2 in V8): measured at start, not assumed. */
let lineOffset = 0;
async function calibrate(): Promise<void> {
  try {
    await new AsyncFunction(SCOPE, IMPORT, 'throw new Error()\n//# sourceURL=descent-probe.ts')();
  } catch (e) {
    const m = /descent-probe\.ts:(\d+)/.exec(String((e as Error).stack));
    lineOffset = m ? Number(m[1]) - 1 : 0;
  }
}

function toCellError(e: unknown, cell: number): CellError {
  if (e instanceof CellSyntaxError) return { ename: 'SyntaxError', evalue: e.message, traceback: [`SyntaxError: ${e.message}`] };
  if (e instanceof Error) {
    const head = `${e.name}: ${e.message}`;
    return { ename: e.name, evalue: e.message, traceback: [head, ...cellTrace(String(e.stack ?? ''), cell, lineOffset)] };
  }
  return { ename: 'Error', evalue: inspect(e), traceback: [`Uncaught ${inspect(e)}`] };
}

async function run(req: Extract<Request, { type: 'run' }>): Promise<void> {
  current = req.id;
  const started = performance.now();
  try {
    const compiled = compileCell(req.source);
    for (const name of compiled.declared) if (!(name in scope)) scope[name] = undefined;
    const fn = new AsyncFunction(SCOPE, IMPORT, `${compiled.body}\n//# sourceURL=cell-${req.cell}.ts`);
    const value = await fn(scope, async (spec: unknown, wantDefault: unknown) => importModule(String(spec), wantDefault === true));
    if (compiled.returnsValue && value !== undefined) {
      post({ type: 'display', id: req.id, data: { 'text/plain': inspect(value) }, metadata: {}, result: true });
    }
    post({ type: 'done', id: req.id, ok: true, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'done', id: req.id, ok: false, ms: performance.now() - started, error: toCellError(e, req.cell) });
  }
}

let queue = Promise.resolve();
host.addEventListener('message', (e) => {
  if (e.data?.type === 'run') queue = queue.then(() => run(e.data));
});
void calibrate().then(() => post({ type: 'ready' }));
