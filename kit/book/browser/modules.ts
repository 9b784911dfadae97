/**
 * Exercise files as modules in a worker: each file's TypeScript is compiled by sucrase (types
 * stripped, `import` made `require`) on first use and run once; a file imports its sibling
 * exercise files (`./mse`, `../exercises/mse.ts`) and whatever `external` serves. Shared by the
 * chapter worker (`descent/exercises`) and the exercise page's check worker.
 */
import { transform } from 'sucrase';

export type Module = Record<string, unknown>;

/** A module the files may import besides their siblings, or undefined when there is none. */
export type External = (specifier: string, from: string) => Module | undefined;

/** A sibling import (`./mse`, `./mse.ts`, `../exercises/mse`): the file's name, else null. */
export function siblingName(specifier: string): string | null {
  return /^\.\.?\/(?:exercises\/)?([\w-]+)(?:\.ts)?$/.exec(specifier)?.[1] ?? null;
}

/** The JavaScript of one exercise file (throws sucrase's SyntaxError, with line and column). */
export function compileFile(name: string, source: string): string {
  return transform(source, { transforms: ['typescript', 'imports'], filePath: `${name}.ts` }).code;
}

/**
 * A loader of the files `sources` (name → TypeScript): `load(name)` compiles and runs the file
 * once and returns its exports. `cannotImport` words the error for an import it cannot serve.
 */
export function moduleLoader(
  sources: Readonly<Record<string, string>>,
  external: External,
  cannotImport: (specifier: string, from: string) => string,
): (name: string) => Module {
  const loaded = new Map<string, Module>();
  const load = (name: string): Module => {
    const done = loaded.get(name);
    if (done) return done;
    const source = sources[name];
    if (source === undefined) throw new Error(`no exercise file ${name}.ts here`);
    const module = { exports: {} as Module };
    loaded.set(name, module.exports);
    const code = compileFile(name, source);
    const require = (spec: string): Module => {
      const sibling = siblingName(spec);
      if (sibling !== null && Object.prototype.hasOwnProperty.call(sources, sibling)) return load(sibling);
      const other = external(spec, name);
      if (other !== undefined) return other;
      throw new Error(cannotImport(spec, name));
    };
    new Function('exports', 'require', 'module', `${code}\n//# sourceURL=exercises/${name}.ts`)(module.exports, require, module);
    loaded.set(name, module.exports);
    return module.exports;
  };
  return load;
}
