/**
 * Loads the graders (trusted TypeScript files) without tsx or vitest: each file is transpiled in
 * memory and evaluated as a CommonJS module. `import ... from 'vitest'` receives a shim, so a
 * grader file is both a vitest suite and a plain definition the engine can run.
 */
import fs from 'fs';
import Module, { createRequire } from 'module';
import path from 'path';
import vm from 'vm';
import { transpile } from './transpile';

export interface LoaderOptions {
  /** Module names answered with a fixed value instead of a real import (e.g. vitest). */
  shims?: Record<string, unknown>;
}

/** The shim the engine passes for 'vitest': graders see it and do not register vitest tests. */
export const VITEST_SHIM = Object.freeze({ descentEngineShim: true });

export class TsLoader {
  private readonly cache = new Map<string, { exports: unknown }>();
  private readonly shims: Record<string, unknown>;

  constructor(options: LoaderOptions = {}) {
    this.shims = { vitest: VITEST_SHIM, ...(options.shims ?? {}) };
  }

  /** Loads a .ts (or .json / .js) file by absolute path and returns its exports. */
  load(file: string): unknown {
    const resolved = path.resolve(file);
    const cached = this.cache.get(resolved);
    if (cached !== undefined) return cached.exports;
    if (resolved.endsWith('.json')) {
      const mod = { exports: JSON.parse(fs.readFileSync(resolved, 'utf8')) as unknown };
      this.cache.set(resolved, mod);
      return mod.exports;
    }
    const nodeRequire = createRequire(resolved);
    if (!resolved.endsWith('.ts')) return nodeRequire(resolved);
    const source = fs.readFileSync(resolved, 'utf8');
    const { code, error } = transpile(source, resolved);
    if (error !== undefined) throw new SyntaxError(`cannot compile ${error}`);
    const mod: { exports: unknown } = { exports: {} };
    this.cache.set(resolved, mod);
    const wrapper = vm.runInThisContext(Module.wrap(code), { filename: resolved }) as (
      exports: unknown,
      require: (id: string) => unknown,
      module: { exports: unknown },
      filename: string,
      dirname: string,
    ) => void;
    const localRequire = (id: string): unknown => {
      if (Object.prototype.hasOwnProperty.call(this.shims, id)) return this.shims[id];
      if (id.startsWith('.') || path.isAbsolute(id)) {
        const target = this.resolve(path.resolve(path.dirname(resolved), id));
        if (target !== undefined) return this.load(target);
      }
      return nodeRequire(id);
    };
    try {
      wrapper.call(mod.exports, mod.exports, localRequire, mod, resolved, path.dirname(resolved));
    } catch (error) {
      this.cache.delete(resolved);
      throw error;
    }
    return mod.exports;
  }

  private resolve(base: string): string | undefined {
    const candidates = [base, `${base}.ts`, `${base}.json`, path.join(base, 'index.ts')];
    return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  }
}
