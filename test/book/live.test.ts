/**
 * The live editor's cell compiler (kit/book/browser/transform.ts) and console text, run in Node
 * the way the book's worker runs them: cells share one scope like a kernel, top-level await works,
 * a re-run cell redeclares its names, errors name the cell's own lines, and no edit moves a line.
 */
import { describe, expect, it } from 'vitest';
import { format, inspect } from '../../kit/book/browser/inspect';
import { cellTrace, CellSyntaxError, compileCell, IMPORT, SCOPE } from '../../kit/book/browser/transform';
import { mathSteps } from '../../kit/book/tex';

// eslint-disable-next-line @typescript-eslint/no-empty-function
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...a: string[]) => (...x: unknown[]) => Promise<unknown>;

/** A page's worker in miniature: one scope, modules by name, cells named cell-N.ts. */
function kernel(modules: Record<string, Record<string, unknown>> = {}) {
  const scope: Record<string, unknown> = Object.create(null);
  let n = 0;
  const importer = async (spec: string, wantDefault: boolean) => {
    const m = modules[spec];
    if (!m) throw new Error(`Cannot find module '${spec}'`);
    return wantDefault ? m.default ?? m : m;
  };
  return {
    scope,
    run(source: string): Promise<unknown> {
      const c = compileCell(source);
      for (const name of c.declared) if (!(name in scope)) scope[name] = undefined;
      return new AsyncFunction(SCOPE, IMPORT, `${c.body}\n//# sourceURL=cell-${++n}.ts`)(scope, importer);
    },
  };
}

describe('cells compiled for the browser worker', () => {
  it('share their top-level names across cells, like a kernel, and re-run without "already declared"', async () => {
    const k = kernel();
    await k.run('const a: number = 2, { b, c: [d] } = { b: 3, c: [4] };\nlet e;\nfunction twice(x: number): number { return 2 * x; }\nclass Box<T> { constructor(readonly v: T) {} }');
    expect(await k.run('twice(a) + b + d')).toBe(11);
    expect(await k.run('new Box(e ?? 5).v')).toBe(5);
    await k.run('const a = 10;'); // the cell above, edited and run again
    expect(await k.run('twice(a)')).toBe(20);
    expect(Object.keys(k.scope).sort()).toEqual(['Box', 'a', 'b', 'd', 'e', 'twice']);
  });

  it('awaits at the top level and returns the value of a last expression (none after a declaration)', async () => {
    const k = kernel();
    expect(await k.run('const v = await Promise.resolve(21);\nv * 2')).toBe(42);
    expect(await k.run('const w = await Promise.resolve(1);')).toBeUndefined();
    expect(compileCell('x;\nconst y = 1;').returnsValue).toBe(false);
  });

  it('imports named, renamed, default and namespace bindings; type-only imports vanish', async () => {
    const lib = { default: 'D', mse: (a: number) => a * a, tensor: 't' };
    const k = kernel({ descent: lib, mathjs: { all: 1 } });
    await k.run("import { mse, tensor as T } from 'descent';\nimport type { Figure } from 'descent';\nimport * as mj from 'mathjs';\nimport D from 'descent';");
    expect(await k.run('[mse(3), T, mj.all, D]')).toEqual([9, 't', 1, 'D']);
    await expect(k.run("import { x } from 'nowhere';")).rejects.toThrow("Cannot find module 'nowhere'");
  });

  it('keeps every line where it was, so errors name the cell\'s own lines', async () => {
    const source = "import {\n  a,\n} from 'm';\nconst p = 1,\n  q = 2;\nclass C {}\nfunction f() {\n  throw new Error('boom');\n}\nf();";
    const c = compileCell(source);
    expect(c.body.split('\n')).toHaveLength(source.split('\n').length + 1); // the closing brace of `with`
    // The engine's offset is measured the way the worker measures it.
    const probe = await new AsyncFunction(SCOPE, IMPORT, 'throw new Error()\n//# sourceURL=descent-probe.ts')().catch((e: Error) => e);
    const offset = Number(/descent-probe\.ts:(\d+)/.exec(String((probe as Error).stack))?.[1]) - 1;
    const k = kernel({ m: { a: 1 } });
    const error = await k.run(source).catch((e: Error) => e) as Error;
    expect(cellTrace(String(error.stack), 1, offset)).toEqual(['    at f (line 8 of this cell)', '    at (line 10 of this cell)']);
    expect(cellTrace('f@http://x/cell-2.ts:9:3\n@http://x/cell-2.ts:12:1', 2, 2)).toEqual(['    at f (line 7 of this cell)', '    at (line 10 of this cell)']);
  });

  it('reports a syntax error with its line and column, and refuses export', () => {
    expect(() => compileCell('const a = 1;\nconst b = ;')).toThrow(new CellSyntaxError('Unexpected token', 2, 11));
    expect(() => compileCell('let ok = 1;\nexport const x = 1;')).toThrow(/cannot export.*\(line 2, column 1\)/);
  });
});

describe('console text in the worker', () => {
  it('prints like Node: arrays, strings inside arrays, typed arrays, format directives', () => {
    expect(format('eigenvalues:', [10, 1], ['0.6652'], NaN)).toBe("eigenvalues: [ 10, 1 ] [ '0.6652' ] NaN");
    expect(inspect(new Float64Array([1.5, 2]))).toBe('Float64Array(2) [ 1.5, 2 ]');
    expect(format('%s = %d (%i%%) %j', 'loss', 0.5, 2.7, { a: 1 }, 'rest')).toBe('loss = 0.5 (2%) {"a":1} rest');
    expect(inspect({ a: 1, b: [1, 2] })).toBe('{ a: 1, b: [ 1, 2 ] }');
  });
});

describe('display math a screen reader can follow', () => {
  it('splits a derivation into its steps (implications, aligned rows, \\qquad-separated equations)', () => {
    expect(mathSteps('e_{t+1} = (1 - \\eta a)\\, e_t \\quad\\Longrightarrow\\quad e_t = (1 - \\eta a)^t\\, e_0.')).toEqual({
      steps: [{ tex: 'e_{t+1} = (1 - \\eta a)\\, e_t', lead: '' }, { tex: 'e_t = (1 - \\eta a)^t\\, e_0.', lead: 'which implies' }], derivation: true,
    });
    expect(mathSteps('\\begin{aligned} a &= b \\\\ &= c \\end{aligned}').steps.map((s) => s.tex)).toEqual(['a  = b', '= c']);
    expect(mathSteps('L = 1, \\qquad L\' = 2').steps).toHaveLength(2);
    expect(mathSteps('\\text{a \\qquad b} + 1').steps).toHaveLength(1); // \qquad inside braces
    expect(mathSteps('a + b \\qquad c').steps).toHaveLength(1); // spacing, not a list of equations
  });
});
