/**
 * The student's realm. This file (with freeze.ts and standins.ts, its only imports) runs inside a
 * fresh `vm` context of the sandbox child, sent as code, before the grader's driver and the
 * student's files, which run in the same context. `setupRealm` builds a world with the JavaScript
 * built-ins and a few harmless Node-like globals (standins.ts), then freezes it (freeze.ts):
 *
 *   - every built-in reachable from the global object (Object, Array.prototype, Math, JSON, the
 *     iterator prototypes, …) is frozen, and the global bindings are read-only, so no student code
 *     can patch what a driver uses (Math.random stays writable: a driver counts calls to it);
 *     assigning `name`, `message`, `toString`, `constructor`, … on one's own objects still works;
 *   - there is no real `process`, `require`, `Buffer`, `fetch`, `WebAssembly` or `eval` (code
 *     generation from strings is disabled for the context): `require` serves sibling exercise files
 *     only, and the Node modules and process methods a cheat would reach for throw one clear line
 *     ("tried to write a file, which grading does not allow", "exited the process", …);
 *   - nothing from the child's own realm ever reaches student code: arguments are copied into this
 *     realm (`adopt`), the host's callbacks live in closures, and their errors are replaced.
 */

import { hardenRealm } from './freeze';
import { makeStandIns } from './standins';

/** The child's side of the bridge (host functions; they only receive and return primitives or copies). */
export interface HostBridge {
  /** Writes student output (console, process.stdout) to fd 1 or 2. */
  write(fd: number, text: string): void;
  /**
   * A file (`driver.js` or a student file) compiled in this realm as
   * `(function (...globals) { return function (exports, require, module, __filename, __dirname) {…} })`,
   * or the reason it does not compile.
   */
  compile(name: string): unknown;
  /** structuredClone on the host: [true, copy] or [false, message]. */
  clone(value: unknown): unknown;
  setTimer(callback: () => void, ms: number, repeat: boolean): number;
  clearTimer(id: number): void;
  now(): number;
  platform: string;
  version: string;
}

/** What the harness can do with the realm (all results are values of this realm). */
export interface RealmApi {
  /** Loads the grader's driver module (`driver.js`); throws on failure. */
  loadDriver(): void;
  /** Loads the entry file (and the siblings it imports) among `files` (host array of names); throws on failure. */
  loadEntry(files: unknown, entry: string): void;
  /** Calls `entry[name](...args)`; args are host values, copied into this realm first. */
  call(name: string, args: unknown): unknown;
  /** Calls `driver[name](entryExports, arg)`. */
  drive(name: string, arg: unknown): unknown;
  /** 'denied\n<message>', 'exit\n<code>' or 'missing\n<message>' for the realm's own errors, else undefined. */
  explain(error: unknown): string | undefined;
  /**
   * The global names a compiled file receives as local bindings, comma-separated: global lookups
   * in a vm context go through interceptors and are 2× slower than local ones.
   */
  globals(): string;
}

export function setupRealm(bridge: HostBridge): RealmApi {
  const { compile } = bridge;
  const G = globalThis as unknown as Record<string, unknown>;
  const { defineProperty, freeze, keys } = Object;
  const ownKeys = Reflect.ownKeys;
  const denied = new WeakSet<object>();
  const exits = new WeakMap<object, string>();
  const missing = new WeakSet<object>();

  /** Runs a host callback; any host error is replaced by one of this realm (it never leaks in). */
  function host<T>(work: () => T, what: string): T {
    try {
      return work();
    } catch {
      throw new Error(`${what} failed`);
    }
  }

  function deny(words: string): never {
    const error = new Error(`${words}, which grading does not allow`);
    denied.add(error);
    throw error;
  }
  const denier = (words: string) =>
    function denied(): never {
      return deny(words);
    };
  function exit(code: unknown): never {
    const error = new Error(`exited the process (process.exit(${code === undefined ? '' : String(code)}))`);
    exits.set(error, code === undefined ? '' : String(code));
    throw error;
  }

  /** A copy in this realm of a host value (plain data, Map, Set, Date, typed arrays, …). */
  function adopt(value: unknown, memo = new Map<unknown, unknown>()): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (typeof value === 'function') throw new TypeError('a function cannot be copied');
    if (memo.has(value)) return memo.get(value);
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    const src = value as Record<string, unknown>;
    let out: unknown;
    if (Array.isArray(value)) {
      const arr: unknown[] = [];
      memo.set(value, arr);
      const n = value.length;
      for (let i = 0; i < n; i++) if (i in value) arr[i] = adopt(value[i], memo);
      arr.length = n;
      return arr;
    } else if (tag === 'Map') {
      const map = new Map();
      memo.set(value, map);
      Map.prototype.forEach.call(value, (v: unknown, k: unknown) => map.set(adopt(k, memo), adopt(v, memo)));
      return map;
    } else if (tag === 'Set') {
      const set = new Set();
      memo.set(value, set);
      Set.prototype.forEach.call(value, (v: unknown) => set.add(adopt(v, memo)));
      return set;
    } else if (tag === 'Date') out = new Date(Date.prototype.getTime.call(value));
    else if (tag === 'RegExp') out = new RegExp(String(src.source), String(src.flags));
    else if (tag === 'Number' || tag === 'String' || tag === 'Boolean' || tag === 'BigInt') out = Object((value as { valueOf(): unknown }).valueOf());
    else if (tag === 'ArrayBuffer') {
      const bytes = new Uint8Array(value as ArrayBuffer);
      const copy = new ArrayBuffer(bytes.length);
      new Uint8Array(copy).set(bytes);
      out = copy;
    } else if (ArrayBuffer.isView(value)) {
      const Ctor = G[tag] as (new (v: unknown) => unknown) | undefined;
      if (typeof Ctor !== 'function' || tag === 'DataView') throw new TypeError(`a ${tag} cannot be copied`);
      out = new Ctor(value);
    } else if (tag === 'Error') {
      const error = new Error(String(src.message));
      defineProperty(error, 'name', { value: String(src.name), writable: true, configurable: true });
      out = error;
    } else {
      const obj: Record<string, unknown> = {};
      memo.set(value, obj);
      for (const key of keys(value)) {
        defineProperty(obj, key, { value: adopt(src[key], memo), writable: true, enumerable: true, configurable: true });
      }
      return obj;
    }
    memo.set(value, out);
    return out;
  }

  const { globals, modules } = makeStandIns({ bridge, host, deny, denier, exit, adopt });

  // ---- modules: sibling exercise files, served by the host, evaluated here ------------------------
  let fileNames = new Set<string>();
  const loaded = new Map<string, { exports: unknown }>();
  let entryName = '';
  let entryExports: Record<string, unknown> = {};
  let drivers: Record<string, unknown> = {};

  function evaluate(name: string, req: (id: string) => unknown): unknown {
    const outer = host(() => compile(name), `compiling ${name}`);
    if (typeof outer !== 'function') {
      const why = String(outer);
      throw /^syntax error|does not compile|cannot be compiled/.test(why) ? new SyntaxError(why) : new Error(why);
    }
    const fn: unknown = Reflect.apply(outer, undefined, globalValues);
    const module = { exports: {} as unknown };
    loaded.set(name, module);
    (fn as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void).call(module.exports, module.exports, req, module, name, '.');
    return module.exports;
  }
  function requireFrom(from: string) {
    return function require(id: unknown): unknown {
      const text = String(id);
      const match = /^\.\/([A-Za-z0-9_.-]+?)(\.ts|\.js)?$/.exec(text);
      if (match !== null && fileNames.has(`${match[1]}.ts`)) {
        const name = `${match[1]}.ts`;
        const cached = loaded.get(name);
        return cached !== undefined ? cached.exports : evaluate(name, requireFrom(name));
      }
      const bare = text.replace(/^node:/, '');
      const mod = modules.get(bare);
      if (mod !== undefined) return mod;
      throw new Error(`${from} imports "${text}", but exercise files may only import each other (for example './gradient-descent')`);
    };
  }

  // ---- install, then freeze everything reachable --------------------------------------------------
  globals.require = requireFrom('(global)');
  delete G.WebAssembly;
  for (const name of keys(globals)) defineProperty(G, name, { value: globals[name], writable: true, enumerable: false, configurable: true });
  hardenRealm(G, deny);

  const NOT_BOUND = new Set(['eval', 'arguments', 'globalThis', 'undefined', 'NaN', 'Infinity']);
  const globalNames = ownKeys(G).filter((k): k is string => typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k) && !NOT_BOUND.has(k));
  const globalValues = globalNames.map((k) => G[k]);

  return freeze({
    globals: () => globalNames.join(','),
    loadDriver(): void {
      drivers = evaluate('driver.js', (id) => {
        throw new Error(`drivers are self-contained, cannot import ${String(id)}`);
      }) as Record<string, unknown>;
    },
    loadEntry(files: unknown, entry: string): void {
      fileNames = new Set(adopt(files) as string[]);
      entryName = String(entry);
      entryExports = requireFrom(entryName)(`./${entryName}`) as Record<string, unknown>;
    },
    call(name: string, args: unknown): unknown {
      const fn = entryExports[name];
      if (typeof fn !== 'function') {
        const error = new Error(`${entryName} does not export a function named ${String(name)}`);
        missing.add(error);
        throw error;
      }
      return Reflect.apply(fn, undefined, adopt(args) as unknown[]);
    },
    drive(name: string, arg: unknown): unknown {
      const driver = drivers[name];
      if (typeof driver !== 'function') throw new Error(`grader bug: no driver named ${String(name)}`);
      return (driver as (m: unknown, a: unknown) => unknown)(entryExports, adopt(arg));
    },
    explain(error: unknown): string | undefined {
      if (error === null || typeof error !== 'object') return undefined;
      if (denied.has(error)) return `denied\n${String((error as Error).message)}`;
      if (exits.has(error)) return `exit\n${exits.get(error)}`;
      if (missing.has(error)) return `missing\n${String((error as Error).message)}`;
      return undefined;
    },
  });
}
