/**
 * A notebook cell's TypeScript → the body of an async function that runs it like a kernel does:
 * its top-level names (`const`, `let`, `var`, `function`, `class`, `import`) live in one scope
 * object shared by every cell of the page, top-level `await` works, and the value of a last
 * expression is returned (the page shows it, as tslab shows a cell's value).
 *
 * Types go with sucrase (which keeps every line where it was), then acorn parses the JavaScript
 * and the top-level declarations become assignments to the scope (`const a = 1, { b } = o` →
 * `;(a = 1, { b } = o);`), imports become `({ a } = await __descentImport('x'))`, and the body
 * runs inside `with (scope) { … }`. No edit adds or removes a line, so an error's line in the
 * compiled code is its line in the cell. Pure: no DOM, no Node (the worker bundles it; tests run it).
 */
import { parse, type Node as AcornNode } from 'acorn';
import { transform } from 'sucrase';

/** The name of the shared scope object inside a compiled cell. */
export const SCOPE = '__descentScope';
/** The name of the import function inside a compiled cell: `(specifier, defaultImport?) => Promise<module>`. */
export const IMPORT = '__descentImport';

export interface CompiledCell {
  /** The async function's body. */
  body: string;
  /** Top-level names the cell declares (registered in the scope before it runs). */
  declared: string[];
  /** True when the cell ends in an expression whose value it returns. */
  returnsValue: boolean;
}

/** A cell that does not compile: the message and the 1-based line and column in the cell. */
export class CellSyntaxError extends SyntaxError {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'SyntaxError';
  }
}

type Node = AcornNode & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Edit { start: number; end: number; text: string }

function location(source: string, pos: number): { line: number; column: number } {
  const before = source.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The names bound by a declaration pattern. */
export function patternNames(p: Node | null): string[] {
  if (!p) return [];
  switch (p.type) {
    case 'Identifier': return [p.name];
    case 'ObjectPattern': return (p.properties as Node[]).flatMap((q) => patternNames(q.type === 'RestElement' ? q.argument : q.value));
    case 'ArrayPattern': return (p.elements as Array<Node | null>).flatMap((e) => patternNames(e));
    case 'RestElement': return patternNames(p.argument);
    case 'AssignmentPattern': return patternNames(p.left);
    default: return [];
  }
}

/** Newlines of a replaced stretch, so the lines after it stay where they were. */
const keepLines = (text: string): string => '\n'.repeat((text.match(/\n/g) ?? []).length);

function importEdit(js: string, node: Node, declared: string[]): Edit {
  const from = JSON.stringify(node.source.value);
  const named: string[] = [];
  const parts: string[] = [];
  for (const s of node.specifiers as Node[]) {
    declared.push(s.local.name);
    if (s.type === 'ImportNamespaceSpecifier') parts.push(`${s.local.name} = await ${IMPORT}(${from});`);
    else if (s.type === 'ImportDefaultSpecifier') parts.push(`${s.local.name} = await ${IMPORT}(${from}, true);`);
    else {
      const imported = s.imported.type === 'Literal' ? JSON.stringify(s.imported.value) : s.imported.name;
      named.push(imported === s.local.name ? imported : `${imported}: ${s.local.name}`);
    }
  }
  if (named.length > 0) parts.unshift(`({ ${named.join(', ')} } = await ${IMPORT}(${from}));`);
  if (parts.length === 0) parts.push(`await ${IMPORT}(${from});`);
  return { start: node.start, end: node.end, text: `;${parts.join(' ')}${keepLines(js.slice(node.start, node.end))}` };
}

function declarationEdits(js: string, node: Node, declared: string[]): Edit[] {
  const decls = node.declarations as Node[];
  const edits: Edit[] = [];
  const first = decls[0];
  edits.push({ start: node.start, end: first.start, text: `;(${keepLines(js.slice(node.start, first.start))}` });
  for (const d of decls) {
    declared.push(...patternNames(d.id));
    if (d.init === null) edits.push({ start: d.id.end, end: d.id.end, text: ' = undefined' });
  }
  const last = decls[decls.length - 1];
  edits.push({ start: last.end, end: node.end, text: `);${keepLines(js.slice(last.end, node.end))}` });
  return edits;
}

/**
 * Compiles a cell.
 * @throws CellSyntaxError naming the line and column of the cell.
 */
export function compileCell(source: string): CompiledCell {
  let js: string;
  try {
    js = transform(source, { transforms: ['typescript'], keepUnusedImports: true, disableESTransforms: true }).code;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = String((e as Error).message ?? e).replace(/\s*\(\d+:\d+\)\s*$/, '');
    throw new CellSyntaxError(message, loc?.line ?? 1, loc?.column ?? 1); // sucrase's column is 1-based
  }
  let program: Node;
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true }) as Node;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    throw new CellSyntaxError(String((e as Error).message).replace(/\s*\(\d+:\d+\)\s*$/, ''), loc?.line ?? 1, (loc?.column ?? 0) + 1);
  }
  const declared: string[] = [];
  const functions: string[] = [];
  const edits: Edit[] = [];
  const body = program.body as Node[];
  body.forEach((node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        edits.push(importEdit(js, node, declared));
        break;
      case 'VariableDeclaration':
        edits.push(...declarationEdits(js, node, declared));
        break;
      case 'FunctionDeclaration':
        declared.push(node.id.name);
        functions.push(node.id.name);
        break;
      case 'ClassDeclaration':
        declared.push(node.id.name);
        edits.push({ start: node.start, end: node.start, text: `${node.id.name} = ` }, { start: node.end, end: node.end, text: ';' });
        break;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration': {
        const { line, column } = location(js, node.start);
        throw new CellSyntaxError('a notebook cell cannot export: declare the name, later cells see it', line, column);
      }
      default:
        break;
    }
  });
  const last = body[body.length - 1];
  const returnsValue = last?.type === 'ExpressionStatement' && typeof last.directive !== 'string';
  if (returnsValue) {
    edits.push({ start: last.expression.start, end: last.expression.start, text: 'return (' }, { start: last.expression.end, end: last.expression.end, text: ')' });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let code = js;
  for (const e of edits) code = code.slice(0, e.start) + e.text + code.slice(e.end);
  const hoisted = functions.map((f) => `${SCOPE}.${f} = ${f};`).join(' ');
  return { body: `with (${SCOPE}) { ${hoisted}${code}\n}`, declared: [...new Set(declared)], returnsValue };
}

/**
 * The cell's frames of an error's stack ("    at regimeFigure (line 7 of this cell)"), from V8's
 * ("at f (…cell-3.ts:9:5)") or Firefox's and Safari's ("f@…cell-3.ts:9:5") format; `lineOffset` is
 * how many lines the engine puts before a compiled function's body (measured by the worker).
 */
export function cellTrace(stack: string, cell: number, lineOffset: number): string[] {
  const name = `cell-${cell}.ts:`;
  return stack.split('\n').flatMap((frame) => {
    const at = frame.indexOf(name);
    if (at < 0) return [];
    const line = Number(/^(\d+)/.exec(frame.slice(at + name.length))?.[1]) - lineOffset;
    const fn = /^\s*at (?:async )?([^\s(]+) \(/.exec(frame)?.[1] ?? /^([^@\s]+)@/.exec(frame)?.[1] ?? '';
    const plain = fn === '' || fn === 'eval' || fn === 'anonymous' || /^Object\.|^<anonymous>/.test(fn);
    return [`    at ${plain ? '' : `${fn} `}(line ${line} of this cell)`];
  });
}
