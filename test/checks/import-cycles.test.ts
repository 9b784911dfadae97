/**
 * No import cycle at run time in src/ (issue 15). The runtime module graph is what Node executes:
 * every file is transpiled to CommonJS the way tsx and tslab load it (imports used only as types
 * disappear), and its `require(...)` calls of relative paths are the edges. A cycle fails the test
 * with its path, e.g. `tensor/tensor.ts → tensor/elementwise.ts → tensor/tensor.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The relative modules `file` requires at run time, resolved to files of src/. */
export function runtimeImports(file: string): string[] {
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const out: string[] = [];
  for (const m of js.matchAll(/\brequire\((["'])(\.{1,2}\/[^"']+)\1\)/g)) {
    const base = path.resolve(path.dirname(file), m[2]);
    const hit = [`${base}.ts`, path.join(base, 'index.ts'), base, `${base}.js`].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (hit !== undefined && hit.endsWith('.ts')) out.push(hit);
  }
  return out;
}

/** Every cycle of the graph, each as the path of files that closes it (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the runtime module graph of src/', () => {
  const files = sourceFiles(SRC);
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

  it('covers the library (sanity: the graph has the files and edges it should)', () => {
    expect(files.length).toBeGreaterThan(60);
    expect((graph.get(path.join(SRC, 'tensor', 'methods.ts')) ?? []).map(rel)).toEqual(
      expect.arrayContaining(['tensor/tensor.ts', 'tensor/elementwise.ts', 'tensor/matmul.ts', 'tensor/reduce.ts', 'tensor/views.ts']),
    );
    expect((graph.get(path.join(SRC, 'tensor', 'tensor.ts')) ?? []).map(rel)).not.toContain('tensor/elementwise.ts');
  });

  it('has no cycle', () => {
    const found = cycles(graph).map((c) => [...c, c[0]].map(rel).join(' → '));
    expect(found).toEqual([]);
  });

  it('the check sees a cycle when there is one', () => {
    const a = '/x/a.ts';
    const b = '/x/b.ts';
    const c = '/x/c.ts';
    expect(cycles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([[a, b, c]]);
    expect(cycles(new Map([[a, [b]], [b, []]]))).toEqual([]);
  });
});
