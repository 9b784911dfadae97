/**
 * The stand-ins of the student's realm (see realm.ts): harmless versions of the Node globals that
 * exercise code might use — console, timers, structuredClone, performance, process — and the Node
 * modules a cheat reaches for (fs, child_process, net, …), whose every function fails with one line
 * ("tried to write a file, which grading does not allow"). Runs inside the vm context; self-contained.
 */
import type { HostBridge } from './realm';

export interface RealmTools {
  bridge: HostBridge;
  /** Runs a host callback; a host error becomes an error of the realm. */
  host<T>(work: () => T, what: string): T;
  /** Throws the realm's denial error: `${words}, which grading does not allow`. */
  deny(words: string): never;
  /** A function that denies with `words` whatever it is called with. */
  denier(words: string): (...args: unknown[]) => never;
  /** Throws the realm's exit error (process.exit). */
  exit(code?: unknown): never;
  /** Copies a host value into the realm. */
  adopt(value: unknown): unknown;
}

export interface StandIns {
  /** Globals to install: console, process, structuredClone, timers, fetch (denied), … */
  globals: Record<string, unknown>;
  /** Module id (without node:) → what `require(id)` returns. */
  modules: Map<string, object>;
}

export function makeStandIns(tools: RealmTools): StandIns {
  const { host, deny, denier, exit, adopt } = tools;
  const { write, clone, setTimer, clearTimer, now } = tools.bridge;
  const platform = String(tools.bridge.platform);
  const version = String(tools.bridge.version);
  const { freeze, keys } = Object;

  function show(value: unknown, depth = 0): string {
    if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
    if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[Function]' : String(value);
    if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
    if (Array.isArray(value)) return `[ ${value.slice(0, 100).map((v) => show(v, depth + 1)).join(', ')}${value.length > 100 ? ', …' : ''} ]`;
    return `{ ${keys(value).slice(0, 50).map((k) => `${k}: ${show((value as Record<string, unknown>)[k], depth + 1)}`).join(', ')} }`;
  }
  const printer = (fd: number) =>
    function print(...args: unknown[]): void {
      let text: string;
      try {
        text = `${args.map((a) => show(a)).join(' ')}\n`;
      } catch {
        text = '(a value that cannot be printed)\n';
      }
      host(() => write(fd, text), 'console output');
    };
  const noop = (): void => undefined;
  const console = {
    log: printer(1), info: printer(1), debug: printer(1), dir: printer(1), table: printer(1), trace: printer(2),
    warn: printer(2), error: printer(2), assert: noop, count: noop, countReset: noop, group: noop, groupCollapsed: noop,
    groupEnd: noop, time: noop, timeEnd: noop, timeLog: noop,
  };
  const stream = (fd: number) => ({
    write(text: unknown): boolean {
      host(() => write(fd, String(text)), 'output');
      return true;
    },
    isTTY: false,
    columns: 80,
  });
  const timers = {
    setTimeout: (fn: unknown, ms?: unknown, ...args: unknown[]) => timer(fn, ms, args, false),
    setInterval: (fn: unknown, ms?: unknown, ...args: unknown[]) => timer(fn, ms, args, true),
    setImmediate: (fn: unknown, ...args: unknown[]) => timer(fn, 0, args, false),
    clearTimeout: (id: unknown) => host(() => clearTimer(Number(id)), 'clearTimeout'),
    clearInterval: (id: unknown) => host(() => clearTimer(Number(id)), 'clearInterval'),
    clearImmediate: (id: unknown) => host(() => clearTimer(Number(id)), 'clearImmediate'),
    queueMicrotask: (fn: unknown) => {
      if (typeof fn !== 'function') throw new TypeError('queueMicrotask: callback must be a function');
      void Promise.resolve().then(() => (fn as () => void)());
    },
  };
  function timer(fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof fn !== 'function') throw new TypeError('the callback must be a function');
    const run = (): void => void (fn as (...a: unknown[]) => unknown)(...args);
    const delay = Math.max(0, Math.min(Number(ms) || 0, 2 ** 31 - 1));
    return host(() => setTimer(run, delay, repeat), 'setTimeout');
  }
  function structuredClone(value: unknown): unknown {
    const result = host(() => clone(value), 'structuredClone') as unknown[];
    if (result[0] !== true) {
      const error = new Error(String(result[1]));
      error.name = 'DataCloneError';
      throw error;
    }
    return adopt(result[1]);
  }
  const network = denier('tried to open a network connection');
  function hrtime(previous?: number[]): number[] {
    const ns = host(() => now(), 'hrtime') * 1e6;
    const t = [Math.floor(ns / 1e9), Math.floor(ns % 1e9)];
    return previous === undefined ? t : [t[0] - previous[0], t[1] - previous[1]];
  }
  hrtime.bigint = () => BigInt(Math.floor(host(() => now(), 'hrtime') * 1e6));
  const talk = denier("tried to talk to the grader or listen to its messages (process.send, process.on)");
  const internals = denier("tried to use Node's internals (process.binding, dlopen)");
  const process = {
    env: freeze({}), argv: freeze([]), execArgv: freeze([]), platform, version, versions: freeze({ node: version.slice(1) }),
    exitCode: undefined, stdout: stream(1), stderr: stream(2), hrtime, nextTick: timers.queueMicrotask,
    exit, reallyExit: exit, abort: () => exit('abort'),
    kill: denier('tried to signal another process (process.kill)'),
    send: talk, on: talk, once: talk, off: talk, addListener: talk, prependListener: talk, prependOnceListener: talk,
    removeListener: talk, removeAllListeners: talk, emit: talk, disconnect: talk,
    binding: internals, _linkedBinding: internals, dlopen: internals,
    chdir: denier('tried to change the working directory'), cwd: () => '/',
  };


  // Node modules a cheat reaches for: each access fails with its own line.
  const WRITES = /^(write|append|mkdir|mkdtemp|rm|unlink|rename|copy|cp|truncate|ftruncate|chmod|chown|lchown|fchmod|fchown|symlink|link|utimes|futimes|lutimes|createWriteStream)/;
  function fsFunction(name: string) {
    return function fsCall(_path?: unknown, flags?: unknown): never {
      const writes = WRITES.test(name) || (/^open/.test(name) && typeof flags === 'string' && /[wa+]/.test(flags));
      return deny(writes ? 'tried to write a file' : 'tried to read a file');
    };
  }
  function denyModule(names: string[], make: (name: string) => unknown): object {
    const target: Record<string, unknown> = {};
    for (const name of names) target[name] = make(name);
    freeze(target);
    const mod: object = new Proxy(target, {
      get(t, key) {
        if (typeof key !== 'string' || key === 'then' || key === '__esModule') return undefined;
        if (key === 'default') return mod;
        return key in t ? t[key] : make(key);
      },
    });
    return mod;
  }
  const FS = ['readFileSync', 'writeFileSync', 'appendFileSync', 'existsSync', 'readdirSync', 'statSync', 'lstatSync', 'mkdirSync', 'rmSync',
    'unlinkSync', 'renameSync', 'copyFileSync', 'openSync', 'writeSync', 'readSync', 'readFile', 'writeFile', 'appendFile', 'readdir',
    'mkdir', 'rm', 'unlink', 'open', 'createReadStream', 'createWriteStream', 'watch', 'realpathSync', 'accessSync'];
  const modules = new Map<string, object>();
  const addModule = (ids: string[], names: string[], make: (name: string) => unknown) => {
    const mod = denyModule(names, make);
    for (const id of ids) modules.set(id, mod);
  };
  addModule(['fs/promises'], FS.filter((n) => !n.endsWith('Sync')), fsFunction);
  addModule(['fs'], FS.concat('promises'), (name) => (name === 'promises' ? modules.get('fs/promises') : fsFunction(name)));
  const spawner = denier('tried to start another process');
  const worker = denier('tried to start a worker thread or process');
  addModule(['child_process'], ['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'], () => spawner);
  addModule(['worker_threads', 'cluster'], ['Worker', 'fork'], () => worker);
  addModule(['net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'undici'], ['connect', 'createConnection', 'request', 'get', 'createServer', 'createSocket', 'lookup', 'fetch', 'Socket'], () => network);

  modules.set('process', process);

  const globals: Record<string, unknown> = {
    console, process, structuredClone, fetch: network, WebSocket: network, EventSource: network, XMLHttpRequest: network,
    performance: { now: () => host(() => now(), 'performance.now') }, ...timers,
  };
  return { globals, modules };
}
