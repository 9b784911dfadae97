/**
 * The program inside the sandbox child. It is self-contained (no imports): the trusted side
 * transpiles this file, starts `node --permission … -e BOOT` and sends this code over IPC,
 * followed by the student's files (already transpiled) and the exercise's driver module.
 *
 * It answers two requests, always with plain data:
 *   call  — calls an exported function of the student's entry file with plain arguments;
 *   drive — runs a trusted driver scenario next to the student's code (for classes, closures
 *           and rng-driven functions) that returns plain observations.
 * A value that structured clone cannot copy (a function, a Promise, …) is reported, not sent.
 */
export {};

interface LoadMessage {
  t: 'load';
  files: Record<string, string>;
  errors: Record<string, string>;
  entry: string;
  driver: string | null;
}
interface CallMessage {
  t: 'call' | 'drive';
  id: number;
  name: string;
  args: unknown[];
}
type Failure = { ok: false; kind: string; message: string };

const vm = require('vm') as typeof import('vm');
const v8 = require('v8') as typeof import('v8');
const send = process.send!.bind(process);

// Blocking writes: a flood of output stalls the child until the trusted side has read (and
// counted) it, so the output cap stops it promptly instead of letting writes queue in memory.
for (const stream of [process.stdout, process.stderr]) {
  (stream as unknown as { _handle?: { setBlocking?: (on: boolean) => void } })._handle?.setBlocking?.(true);
}

let files: Record<string, string> = {};
let syntaxErrors: Record<string, string> = {};
let entryName = '';
let entryExports: Record<string, unknown> | undefined;
let loadFailure: Failure | undefined;
let drivers: Record<string, unknown> = {};
const modules = new Map<string, { exports: unknown }>();

const PERMISSION_WORDS: Record<string, string> = {
  FileSystemWrite: 'tried to write a file',
  FileSystemRead: 'tried to read a file',
  FileSystem: 'tried to use the file system',
  ChildProcess: 'tried to start another process',
  WorkerThreads: 'tried to start a worker thread',
  InspectorBrokerage: 'tried to use the inspector',
  AddonsBrokerage: 'tried to load a native addon',
};

function safeString(value: unknown, max = 400): string {
  try {
    const text = String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  } catch {
    return '(a value that cannot be printed)';
  }
}

/** What a thrown value says: "TypeError: x is not a function", or a permission denial. */
function describeThrown(error: unknown): Failure {
  try {
    if (error !== null && typeof error === 'object') {
      const e = error as { name?: unknown; message?: unknown; code?: unknown; permission?: unknown };
      if (e.code === 'ERR_ACCESS_DENIED') {
        const words = PERMISSION_WORDS[safeString(e.permission)] ?? 'tried to use a forbidden API';
        return { ok: false, kind: 'denied', message: `${words}, which grading does not allow` };
      }
      if (e.name === 'MissingExport') return { ok: false, kind: 'missing', message: safeString(e.message) };
      if (error instanceof Error) return { ok: false, kind: 'threw', message: `${safeString(e.name, 60)}: ${safeString(e.message)}` };
    }
    return { ok: false, kind: 'threw', message: `a non-error value: ${safeString(error)}` };
  } catch {
    return { ok: false, kind: 'threw', message: 'an error that cannot be read' };
  }
}

function describeUncloneable(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
    return 'a Promise (is the function async?)';
  }
  if (typeof value === 'symbol') return 'a symbol';
  return 'an object that contains functions or other values that cannot be copied';
}

function evaluate(code: string, filename: string, localRequire: (id: string) => unknown): { exports: unknown } {
  const module = { exports: {} as unknown };
  const fn = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, {
    filename,
  }) as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void;
  fn.call(module.exports, module.exports, localRequire, module, filename, '.');
  return module;
}

function studentRequire(from: string): (id: string) => unknown {
  return (id: string) => {
    const match = /^\.\/([A-Za-z0-9_.-]+?)(\.ts|\.js)?$/.exec(id);
    if (match !== null) {
      const name = `${match[1]}.ts`;
      if (Object.prototype.hasOwnProperty.call(files, name)) return loadStudent(name);
    }
    throw new Error(
      `${from} imports "${id}", but exercise files may only import each other (for example './gradient-descent')`,
    );
  };
}

function loadStudent(name: string): unknown {
  const cached = modules.get(name);
  if (cached !== undefined) return cached.exports;
  if (Object.prototype.hasOwnProperty.call(syntaxErrors, name)) {
    throw new SyntaxError(syntaxErrors[name]);
  }
  const module = { exports: {} as unknown };
  modules.set(name, module);
  const loaded = evaluate(files[name], name, studentRequire(name));
  module.exports = loaded.exports;
  return module.exports;
}

function handleLoad(m: LoadMessage): void {
  files = m.files;
  syntaxErrors = m.errors;
  entryName = m.entry;
  try {
    if (m.driver !== null) {
      drivers = evaluate(m.driver, 'driver.js', (id: string) => {
        throw new Error(`drivers are self-contained, cannot import ${id}`);
      }).exports as Record<string, unknown>;
    }
  } catch (error) {
    send({ t: 'loaded', error: `grader driver failed to load: ${describeThrown(error).message}` });
    return;
  }
  try {
    entryExports = loadStudent(entryName) as Record<string, unknown>;
    send({ t: 'loaded' });
  } catch (error) {
    const failure = describeThrown(error);
    loadFailure = { ok: false, kind: 'load', message: `${entryName} failed to load: ${failure.message}` };
    send({ t: 'loaded', error: loadFailure.message });
  }
}

function run(m: CallMessage): unknown {
  if (loadFailure !== undefined) throw loadFailure;
  const exportsObject = entryExports ?? {};
  if (m.t === 'call') {
    const fn = exportsObject[m.name];
    if (typeof fn !== 'function') {
      const e = new Error(`${entryName} does not export a function named ${m.name}`);
      e.name = 'MissingExport';
      throw e;
    }
    return (fn as (...a: unknown[]) => unknown)(...m.args);
  }
  const driver = drivers[m.name];
  if (typeof driver !== 'function') throw new Error(`grader bug: no driver named ${m.name}`);
  return (driver as (mod: unknown, args: unknown) => unknown)(exportsObject, m.args[0]);
}

function handleCall(m: CallMessage): void {
  let reply: Record<string, unknown>;
  try {
    const value = run(m);
    let cloneable = true;
    try {
      v8.serialize(value);
    } catch {
      cloneable = false;
    }
    reply = cloneable
      ? { t: 'result', id: m.id, ok: true, value }
      : { t: 'result', id: m.id, ok: false, kind: 'uncloneable', message: `returned ${describeUncloneable(value)}, which cannot be copied back` };
  } catch (error) {
    const failure =
      error !== null && typeof error === 'object' && (error as Failure).kind === 'load' ? (error as Failure) : describeThrown(error);
    reply = { t: 'result', id: m.id, ...failure };
  }
  try {
    send(reply);
  } catch (error) {
    send({ t: 'result', id: m.id, ok: false, kind: 'uncloneable', message: `returned a value that cannot be sent back (${describeThrown(error).message})` });
  }
}

process.on('message', (raw: unknown) => {
  const m = raw as LoadMessage | CallMessage;
  if (m.t === 'load') handleLoad(m);
  else if (m.t === 'call' || m.t === 'drive') handleCall(m);
});
