/**
 * The string and template literals of a code cell, found with the TypeScript parser (never a
 * regular expression over code): where each one is, its inner source text, the `${…}`
 * expressions of a template, and whether it is text a reader sees or code (an import path, a
 * key read by name), which a translation must never change.
 */
import ts from 'typescript';

export type LiteralKind = 'string' | 'template';

/**
 * Where a literal sits: reader-visible text; a quoted key of an object literal (`{ 'training
 * loss': … }`), which the course's tables and plots show as a column header or a trace name, so
 * it may be translated where the notebook never reads it by name; or a position where its text is
 * code: an import path, a key read by name (`row['η*']`, a literal type, a destructured name), the
 * exercise name of `check('mse')`.
 */
export type LiteralRole = 'text' | 'label' | 'module' | 'key' | 'exercise';

export interface Literal {
  kind: LiteralKind;
  /** Offsets of the whole literal in the cell, quotes included. */
  start: number;
  end: number;
  /** The opening quote: `'`, `"` or a backtick. */
  quote: string;
  /** The source text between the quotes, escapes as written (`${…}` included for templates). */
  inner: string;
  /** The source text of each `${…}` expression of a template, in order. */
  expressions: string[];
  /** Offsets of each `${…}` expression in the cell. */
  expressionRanges: [number, number][];
  role: LiteralRole;
  /** How many templates it sits in (0: outermost). */
  depth: number;
}

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function roleOf(node: ts.Node): LiteralRole {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)
    || ts.isModuleDeclaration(parent)) return 'module';
  if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) return 'module';
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'require') return 'module';
  if (ts.isPropertyAssignment(parent) && parent.name === node && ts.isObjectLiteralExpression(parent.parent)) return 'label';
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)
    || ts.isMethodDeclaration(parent) || ts.isEnumMember(parent) || ts.isBindingElement(parent)) && parent.name === node) return 'key';
  if (ts.isBindingElement(parent) && parent.propertyName === node) return 'key';
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return 'key';
  if (ts.isLiteralTypeNode(parent)) return 'key';
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'check') return 'exercise';
  return 'text';
}

function literalOf(node: ts.Node, sf: ts.SourceFile, code: string, depth = 0): Literal | null {
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTemplateExpression(node)) return null;
  const start = node.getStart(sf);
  const end = node.getEnd();
  const quote = code[start];
  const expressionRanges: [number, number][] = ts.isTemplateExpression(node)
    ? node.templateSpans.map((s) => [s.expression.getStart(sf), s.expression.getEnd()])
    : [];
  return {
    kind: quote === '`' ? 'template' : 'string',
    start,
    end,
    quote,
    inner: code.slice(start + 1, end - 1),
    expressions: expressionRanges.map(([a, b]) => code.slice(a, b)),
    expressionRanges,
    role: roleOf(node),
    depth,
  };
}

/**
 * The outermost string and template literals of `code`, in source order. A literal inside a
 * template's `${…}` belongs to its template (a translation replaces the template's whole text).
 */
export function findLiterals(code: string): Literal[] {
  const sf = parse(code);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    const literal = literalOf(node, sf, code);
    if (literal) {
      found.push(literal);
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

/**
 * Every string and template literal of `code` in source order, the ones inside a template's
 * `${…}` expressions too (`${ok ? 'passed' : 'failed'}`), each with its depth.
 */
export function allLiterals(code: string): Literal[] {
  const sf = parse(code);
  const found: Literal[] = [];
  const visit = (node: ts.Node, depth: number): void => {
    const literal = literalOf(node, sf, code, depth);
    if (literal) found.push(literal);
    ts.forEachChild(node, (child) => visit(child, literal?.kind === 'template' ? depth + 1 : depth));
  };
  ts.forEachChild(sf, (child) => visit(child, 0));
  return found;
}

/**
 * `code` with the inner text of every literal, at any depth, that `translated` has a
 * replacement for replaced by it: a template's own text first, then the literals inside its
 * `${…}` expressions (which a translation keeps as they are, in any order).
 */
export function replaceLiterals(code: string, translated: ReadonlyMap<string, string>): string {
  let out = code;
  for (const literal of [...findLiterals(code)].reverse()) {
    const ko = translated.get(literal.inner);
    let inner = ko ?? literal.inner;
    if (literal.kind === 'template') {
      const wrapped = `(${literal.quote}${inner}${literal.quote});`;
      const template = findLiterals(wrapped)[0];
      let body = wrapped;
      for (const [a, b] of [...template.expressionRanges].reverse()) {
        body = `${body.slice(0, a)}${replaceLiterals(`(${body.slice(a, b)})`, translated).slice(1, -1)}${body.slice(b)}`;
      }
      inner = body.slice(2, -3);
    }
    out = `${out.slice(0, literal.start + 1)}${inner}${out.slice(literal.end - 1)}`;
  }
  return out;
}

/**
 * The names `code` reads an object's keys by: `o['a b']`, `o.name`, literal types, destructured
 * names. A quoted key the notebook reads by name is code, not a label.
 */
export function namesRead(code: string): Set<string> {
  const sf = parse(code);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    const literal = literalOf(node, sf, code);
    if (literal && literal.role === 'key') names.add(literal.inner);
    if (ts.isPropertyAccessExpression(node)) names.add(node.name.text);
    if (ts.isBindingElement(node) && !node.propertyName && ts.isIdentifier(node.name) && ts.isObjectBindingPattern(node.parent)) names.add(node.name.text);
    if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName)) names.add(node.propertyName.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

/** The syntax errors of `code` (a replacement must not add any), as "line:col message". */
export function syntaxErrors(code: string): string[] {
  const sf = parse(code) as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] };
  return (sf.parseDiagnostics ?? []).map((d) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/**
 * Checks that `inner` is a well-formed body for a literal opened with `quote`: the literal
 * `quote + inner + quote` parses as exactly one literal (no unescaped quote of its kind, no line
 * break in a quoted string). Returns the parsed literal, or null.
 */
export function parseLiteralBody(quote: string, inner: string): Literal | null {
  const code = `(${quote}${inner}${quote});`;
  const literals = findLiterals(code);
  if (syntaxErrors(code).length > 0 || literals.length !== 1) return null;
  const [l] = literals;
  return l.start === 1 && l.end === code.length - 2 && l.quote === quote ? l : null;
}

/** One token of a code cell: its syntax kind and text; a literal is one token, its text masked. */
export interface CodeToken {
  kind: string;
  text: string;
}

/** The literal placeholder in token streams. */
export const MASKED = '<literal>';

/**
 * The token stream of `code` with every outermost string or template literal replaced by one
 * `<literal>` token (comments and whitespace included as trivia tokens, so nothing else may
 * differ). Two cells that differ only inside literals have equal streams.
 */
export function maskedTokens(code: string): CodeToken[] {
  const sf = parse(code);
  const tokens: CodeToken[] = [];
  const trivia = (from: number, to: number): void => {
    if (to > from) tokens.push({ kind: 'trivia', text: code.slice(from, to) });
  };
  let pos = 0;
  const visit = (node: ts.Node): void => {
    // doc comments are trivia here (getChildren lists them as nodes)
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const literal = literalOf(node, sf, code);
    if (literal) {
      trivia(pos, literal.start);
      tokens.push({ kind: literal.kind, text: MASKED });
      pos = literal.end;
      return;
    }
    const children = node.getChildren(sf);
    if (children.length === 0) {
      const start = node.getStart(sf);
      trivia(pos, start);
      tokens.push({ kind: ts.SyntaxKind[node.kind], text: code.slice(start, node.getEnd()) });
      pos = node.getEnd();
      return;
    }
    children.forEach(visit);
  };
  visit(sf);
  trivia(pos, code.length);
  return tokens;
}
