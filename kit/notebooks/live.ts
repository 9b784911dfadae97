/**
 * Live bindings to the student's exercise files for `import { mse } from 'descent/exercises'`.
 *
 * tslab copies named imports when the import cell runs and Node caches modules, so a plain
 * re-export would keep the first version of an exercise forever. Instead every export is a
 * stable stand-in (a Proxy around a function) that, on each call or `new`, makes sure the file
 * it comes from is current: when the file or one it imports changed on disk, the exercise
 * modules are dropped from Node's cache, type-checked with the project's tsconfig (errors are
 * thrown, as tslab does for a cell) and required again. The student edits, re-runs the cell and
 * gets the new code without restarting the kernel.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, sep } from 'path';
import { exercisesDir, ROOT } from './resolve';

export { EXERCISES_ENV, exercisesDir } from './resolve';
import { formatProblems, typeProblems, typescript } from './typecheck';

/** How often (ms) a stand-in looks at the files' modification times; calls in between reuse. */
export const RECHECK_INTERVAL_MS = 100;

type Stamp = string;
type Exports = Record<string, unknown>;

function stamp(file: string): Stamp {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
}

/** The value names a module exports (functions, classes, variables, enums; not types). */
export function exportedNames(source: string, fileName = 'x.ts'): string[] {
  const ts = typescript();
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const isExported = (n: import('typescript').Node): boolean =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && isExported(st) && st.name) {
      names.push(st.name.text);
    } else if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    }
  }
  return names;
}

/** A folder of exercise files with reloading; one per kernel and folder. */
export class LiveFolder {
  private owner = new Map<string, string>();
  private indexStamps = new Map<string, Stamp>();
  private loaded = new Map<string, { stamps: Map<string, Stamp>; exports: Exports }>();
  private lastLook = new Map<string, number>();

  constructor(readonly dir: string) {}

  /** The current value of export `name`, reloading its file if anything changed. */
  current(name: string): unknown {
    const file = this.fileOf(name);
    const mod = this.load(file);
    if (!(name in mod)) throw new ReferenceError(`${this.show(file)} no longer exports "${name}"`);
    return mod[name];
  }

  /** Which file exports `name` (rescanning the folder when a file was added or changed). */
  fileOf(name: string): string {
    let file = this.owner.get(name);
    if (file === undefined || stamp(file) !== this.indexStamps.get(file)) {
      this.scan();
      file = this.owner.get(name);
    }
    if (file === undefined) {
      throw new ReferenceError(`no file in ${this.show(this.dir)}/ exports "${name}" (exports: ${[...this.owner.keys()].join(', ') || 'none'})`);
    }
    return file;
  }

  private scan(): void {
    this.owner.clear();
    const files = readdirSync(this.dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
    for (const f of files) {
      const file = join(this.dir, f);
      this.indexStamps.set(file, stamp(file));
      for (const n of exportedNames(readFileSync(file, 'utf8'), file)) if (!this.owner.has(n)) this.owner.set(n, file);
    }
  }

  private load(file: string): Exports {
    const now = Date.now();
    const have = this.loaded.get(file);
    if (have && now - (this.lastLook.get(file) ?? 0) < RECHECK_INTERVAL_MS) return have.exports;
    this.lastLook.set(file, now);
    if (have && [...have.stamps].every(([f, s]) => stamp(f) === s)) return have.exports;
    this.forget();
    const problems = typeProblems([file], this.dir);
    if (problems.length > 0) {
      this.loaded.delete(file);
      const error = new TypeError(`${this.show(file)} has type errors; fix them and run the cell again:\n${formatProblems(problems)}`);
      error.stack = `TypeError: ${error.message}`; // the stack would only point into the kit
      throw error;
    }
    const mod = require(file) as Exports;
    const stamps = new Map<string, Stamp>();
    for (const f of this.cachedFiles()) stamps.set(f, stamp(f));
    stamps.set(file, stamp(file));
    this.loaded.set(file, { stamps, exports: mod });
    return mod;
  }

  /** Drops every module of the folder from Node's cache (exercises may import each other). */
  private forget(): void {
    for (const f of this.cachedFiles()) delete require.cache[f];
    this.loaded.clear();
  }

  private cachedFiles(): string[] {
    const prefix = this.dir + sep;
    return Object.keys(require.cache).filter((f) => f.startsWith(prefix));
  }

  private show(file: string): string {
    return file.startsWith(ROOT + sep) ? file.slice(ROOT.length + 1).split(sep).join('/') : file;
  }
}

/** A stand-in for export `name`: calls, `new`, property reads and `instanceof` reach the current one. */
export function liveBinding(folder: LiveFolder, name: string): unknown {
  const target = function liveExport(): void { /* never called: the traps forward */ };
  Object.defineProperty(target, 'name', { value: name });
  const now = (): any => folder.current(name);
  return new Proxy(target, {
    apply: (_t, self, args) => Reflect.apply(now(), self, args),
    construct: (_t, args, newTarget) => Reflect.construct(now(), args, newTarget),
    get: (_t, key) => {
      const value = now();
      if (typeof value !== 'function') return (value as Record<PropertyKey, unknown>)?.[key];
      return Reflect.get(value, key);
    },
    has: (_t, key) => key in Object(now()),
  });
}

const folders = new Map<string, Exports>();

/** The module object behind `descent/exercises`: every export of the folder as a live binding. */
export function exercises(dir = exercisesDir()): Exports {
  const known = folders.get(dir);
  if (known) return known;
  const folder = new LiveFolder(dir);
  const bindings = new Map<string, unknown>();
  const bindingOf = (name: string): unknown => {
    if (!bindings.has(name)) {
      folder.fileOf(name); // unknown names fail at the import cell, with the list of exports
      const b = liveBinding(folder, name);
      bindings.set(name, b);
    }
    return bindings.get(name);
  };
  const module = new Proxy({} as Exports, {
    get: (_t, key) => {
      if (key === '__esModule') return true;
      if (typeof key !== 'string' || key === 'then' || key === 'default') return undefined;
      return bindingOf(key);
    },
    has: (_t, key) => typeof key === 'string' && (() => { try { folder.fileOf(key); return true; } catch { return false; } })(),
  });
  folders.set(dir, module);
  return module;
}
