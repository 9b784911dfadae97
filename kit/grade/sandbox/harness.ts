/**
 * The program inside the sandbox child, in the child's own realm. It is self-contained (its one
 * import, the answer reader, is bundled with it by child.ts): the trusted side transpiles this file
 * and sends it on stdin to `node --permission --disallow-code-generation-from-strings … -e BOOT`,
 * followed by the student's files (already compiled), the exercise's driver module and the code
 * of the student realm (realm.ts).
 *
 * The student's files and the driver never run here: they run in a separate vm context (the
 * student realm) that has no `process`, `require` or Node API of this realm, only frozen built-ins
 * and harmless stand-ins. This realm answers two requests, always with plain data:
 *   call  — calls an exported function of the student's entry file with plain arguments;
 *   drive — runs a trusted driver scenario next to the student's code (for classes, closures
 *           and rng-driven functions) that returns plain observations.
 * The answer is serialized here (structured clone, size-capped), read back with the answer reader
 * (safe/answer.ts: dense arrays, bounded size and depth, no cycles) and only then sent as bytes; a
 * value that cannot be cloned (a function, a Promise, a Proxy, …) or read is reported, not sent.
 *
 * Messages: frames on stdin from the trusted side (a 4-byte length, then v8.serialize of the
 * message), frames on fd 3 to it (a 4-byte length, a kind byte, then the payload: 'J' a small JSON
 * message, 'R' a request id and the answer's bytes). No Node IPC channel: the trusted side decodes
 * nothing the child sends with a decoder it did not write. The child exits when stdin closes (its
 * parent is gone).
 */
import { ANSWER_LIMITS, decodeAnswer } from '../safe/answer';
import type { HostBridge, RealmApi } from './realm';

interface LoadMessage {
  t: 'load';
  realm: string;
  files: Record<string, string>;
  errors: Record<string, string>;
  entry: string;
  driver: string | null;
  resultCapBytes: number;
}
interface CallMessage {
  t: 'call' | 'drive';
  id: number;
  name: string;
  args: unknown[];
}
type Failure = { ok: false; kind: string; message: string };

// Everything this realm needs is captured before anything else runs.
const vm = require('vm') as typeof import('vm');
const v8 = require('v8') as typeof import('v8');
const util = require('util') as typeof import('util');
const fs = require('fs') as typeof import('fs');
const { serialize, deserialize } = v8;
const { isNativeError, isProxy, isPromise } = util.types;
const { createContext, runInContext } = vm;
const out = process.stdout.write.bind(process.stdout);
const err = process.stderr.write.bind(process.stderr);
const platform = process.platform;
const version = process.version;
const exit = process.exit.bind(process);
/** Bytes from stdin that arrived with the harness itself (the boot program hands them over). */
declare const rest: Buffer;

/** Writes one frame to the trusted side (fd 3; blocking, so a large answer waits for the reader). */
function writeFrame(kind: 'J' | 'R', payload: Buffer): void {
  const head = Buffer.alloc(5);
  head.writeUInt32LE(payload.length + 1, 0);
  head[4] = kind.charCodeAt(0);
  for (const part of [head, payload]) {
    for (let done = 0; done < part.length; ) done += fs.writeSync(3, part, done, part.length - done);
  }
}
/** A control message ('ready', 'loading', 'loaded', a failed result) as JSON. */
function send(message: Record<string, unknown>): void {
  writeFrame('J', Buffer.from(JSON.stringify(message), 'utf8'));
}

// Blocking writes: a flood of output stalls the child until the trusted side has read (and
// counted) it, so the output cap stops it promptly instead of letting writes queue in memory.
for (const stream of [process.stdout, process.stderr]) {
  (stream as unknown as { _handle?: { setBlocking?: (on: boolean) => void } })._handle?.setBlocking?.(true);
}
// A student promise that rejects unobserved must not end the child.
process.on('unhandledRejection', () => undefined);

// Defence in depth, should student code ever reach this realm: no module loader, no raw bindings,
// no signals (code generation from strings is already off for this process).
for (const name of ['require', 'module', 'exports', '__filename', '__dirname']) {
  try {
    delete (globalThis as Record<string, unknown>)[name];
  } catch {
    // not there
  }
}
const refuse = (): never => {
  throw new Error('not available in the grading sandbox');
};
for (const name of ['binding', '_linkedBinding', 'dlopen', 'kill', '_kill', 'chdir']) {
  try {
    Object.defineProperty(process, name, { value: refuse, writable: false, configurable: false });
  } catch {
    // keep going
  }
}

let realm: RealmApi | undefined;
let files: Record<string, string> = {};
let syntaxErrors: Record<string, string> = {};
let driverCode: string | null = null;
let resultCap = Infinity;
const answerLimits = ANSWER_LIMITS;
let loadFailure: string | undefined;

function safeString(value: unknown, max = 400): string {
  try {
    const text = String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  } catch {
    return '(a value that cannot be printed)';
  }
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const timers = new Map<number, NodeJS.Timeout>();
let nextTimer = 1;

const bridge: HostBridge = {
  write: (fd, text) => void (fd === 2 ? err : out)(String(text)),
  compile(name) {
    if (Object.prototype.hasOwnProperty.call(syntaxErrors, name)) return syntaxErrors[name];
    const code = name === 'driver.js' ? driverCode : Object.prototype.hasOwnProperty.call(files, name) ? files[name] : null;
    if (code === null) return `${name} was not found`;
    try {
      const wrapped = `(function (${globalNames}) { return function (exports, require, module, __filename, __dirname) {${code}\n}; })`;
      return runInContext(wrapped, realmContext!, { filename: name });
    } catch (error) {
      return `${name} does not compile: ${safeString(safely(() => (error as Error).message, ''))}`;
    }
  },
  clone(value) {
    try {
      return [true, deserialize(serialize(value))];
    } catch (error) {
      return [false, safeString(safely(() => (error as Error).message, 'the value cannot be cloned'))];
    }
  },
  setTimer(callback, ms, repeat) {
    const id = nextTimer++;
    const run = (): void => {
      if (!repeat) timers.delete(id);
      try {
        callback();
      } catch {
        // an error in a student's timer is the student's business
      }
    };
    timers.set(id, repeat ? setInterval(run, ms) : setTimeout(run, ms));
    return id;
  },
  clearTimer(id) {
    const handle = timers.get(id);
    if (handle !== undefined) clearTimeout(handle);
    timers.delete(id);
  },
  now: () => performance.now(),
  platform,
  version,
};
let realmContext: object | undefined;
let globalNames = '';

/** What a thrown value says: "TypeError: x is not a function", a denial, an exit, a missing export. */
function describeThrown(error: unknown): Failure {
  const why = safely(() => (realm === undefined ? undefined : realm.explain(error)), undefined);
  if (typeof why === 'string') {
    const [kind, text] = [why.slice(0, why.indexOf('\n')), why.slice(why.indexOf('\n') + 1)];
    if (kind === 'exit') return { ok: false, kind: 'exit', message: `exited the process (process.exit(${safeString(text, 40)}))` };
    return { ok: false, kind, message: safeString(text) };
  }
  if (error !== null && typeof error === 'object' && isNativeError(error)) {
    const name = safeString(safely(() => (error as Error).name, 'Error'), 60);
    const message = safeString(safely(() => (error as Error).message, ''));
    if (name === 'MissingExport') return { ok: false, kind: 'missing', message };
    return { ok: false, kind: 'threw', message: `${name}: ${message}` };
  }
  if (typeof error === 'function') return { ok: false, kind: 'threw', message: 'a non-error value: a function' };
  if (error !== null && typeof error === 'object' && isProxy(error)) return { ok: false, kind: 'threw', message: 'a non-error value: a Proxy' };
  return { ok: false, kind: 'threw', message: `a non-error value: ${safeString(error)}` };
}

function describeUncloneable(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (value !== null && typeof value === 'object') {
    if (isProxy(value)) return 'a Proxy';
    if (isPromise(value)) return 'a Promise (is the function async?)';
    if (safely(() => typeof (value as { then?: unknown }).then === 'function', false)) return 'a Promise-like object with a then method';
  }
  return 'an object that contains functions or other values that cannot be copied';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Replies to a request: the value as structured-clone bytes, or why it cannot be sent. */
function reply(id: number, value: unknown): void {
  let bytes: Buffer;
  try {
    bytes = serialize(value);
  } catch {
    send({ t: 'result', id, ok: false, kind: 'uncloneable', message: `returned ${describeUncloneable(value)}, which cannot be copied back` });
    return;
  }
  if (bytes.length > resultCap) {
    send({ t: 'result', id, ok: false, kind: 'too-large', message: `returned ${megabytes(bytes.length)} of data, more than the ${megabytes(resultCap)} that can be sent back` });
    return;
  }
  const read = decodeAnswer(bytes, answerLimits);
  if (!read.ok) {
    send({ t: 'result', id, ok: false, kind: 'refused', message: read.problem });
    return;
  }
  const head = Buffer.alloc(4);
  head.writeUInt32LE(id, 0);
  writeFrame('R', Buffer.concat([head, bytes]));
}

function handleLoad(m: LoadMessage): void {
  files = m.files;
  syntaxErrors = m.errors;
  driverCode = m.driver;
  resultCap = m.resultCapBytes;
  try {
    realmContext = createContext(Object.create(null), { name: 'student', codeGeneration: { strings: false, wasm: false } });
    const setup = runInContext(m.realm, realmContext, { filename: 'realm.js' }) as (bridge: HostBridge) => RealmApi;
    realm = setup(bridge);
    globalNames = String(realm.globals());
  } catch (error) {
    send({ t: 'loaded', error: `grader error (please report it): the sandbox could not start: ${safeString(safely(() => (error as Error).message, ''))}` });
    return;
  }
  // The realm is ready: the load time limit starts now, for the driver and the student's files.
  send({ t: 'loading' });
  if (m.driver !== null) {
    try {
      realm.loadDriver();
    } catch (error) {
      send({ t: 'loaded', error: `grader driver failed to load: ${describeThrown(error).message}` });
      return;
    }
  }
  try {
    // Files that could not be read or compiled are known too: importing one fails with its reason.
    realm.loadEntry(Object.keys(files).concat(Object.keys(syntaxErrors)), m.entry);
    send({ t: 'loaded' });
  } catch (error) {
    const failure = describeThrown(error);
    const message = failure.kind === 'exit' ? `${failure.message} while loading` : failure.message;
    loadFailure = `${m.entry} failed to load: ${message}`;
    send({ t: 'loaded', error: loadFailure });
  }
}

function handleCall(m: CallMessage): void {
  if (loadFailure !== undefined || realm === undefined) {
    send({ t: 'result', id: m.id, ok: false, kind: 'load', message: loadFailure ?? 'the sandbox did not start' });
    return;
  }
  let value: unknown;
  try {
    value = m.t === 'call' ? realm.call(m.name, m.args) : realm.drive(m.name, m.args[0]);
  } catch (error) {
    const failure = describeThrown(error);
    if (failure.kind === 'exit') failure.message = `${failure.message} instead of returning`;
    send({ t: 'result', id: m.id, ...failure });
    return;
  }
  reply(m.id, value);
}

// Frames from the trusted side: a 4-byte length, then v8.serialize of a message.
let pending: Buffer = rest;
function onInput(chunk: Buffer): void {
  pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
  while (pending.length >= 4) {
    const length = pending.readUInt32LE(0);
    if (pending.length < 4 + length) return;
    const m = deserialize(pending.subarray(4, 4 + length)) as LoadMessage | CallMessage;
    pending = pending.subarray(4 + length);
    if (m.t === 'load') handleLoad(m);
    else if (m.t === 'call' || m.t === 'drive') handleCall(m);
  }
}
process.stdin.on('data', onInput);
// The trusted side is gone (finished, or killed): nothing will ever read an answer.
process.stdin.on('end', () => exit(0));
process.stdin.on('error', () => exit(0));
onInput(Buffer.alloc(0));
