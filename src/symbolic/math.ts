/**
 * The mathjs side of the derivation checks: one private mathjs instance, the course's extra
 * functions (σ, softplus) defined by substitution, named sub-expressions, free variables, LaTeX
 * rendering and real-valued evaluation. Chapters 01–07 verify their hand derivations with it.
 *
 * Why substitution: mathjs has no `sigmoid`, and `math.import` of a new function would let mathjs
 * evaluate it but not differentiate it. So before differentiating or evaluating, every call of a
 * function in `FUNCTION_DEFINITIONS` is replaced by its defining expression, e.g.
 * `sigmoid(z)` → `1 / (1 + exp(-(z)))`. The LaTeX of an expression as written keeps the short
 * names (`\sigma\left(z\right)`).
 */
import { all, create } from 'mathjs';
import type { MathNode } from 'mathjs';
import { describe, expected } from '../util/validate';

/** The private mathjs instance (the global one is left as it is). */
export const math = create(all, {});

/**
 * Functions the course uses that mathjs lacks, each a one-argument expression in `x`:
 * σ(x) = 1 / (1 + e^{−x}) (chapter 02-cross-entropy) and softplus(x) = log(1 + e^{x}).
 * `relu` and `max` are deliberately absent: they are not differentiable everywhere, and mathjs's
 * `derivative` cannot handle them; write the smooth pieces instead.
 */
export const FUNCTION_DEFINITIONS: Readonly<Record<string, { body: string; tex: string }>> = Object.freeze({
  sigmoid: { body: '1 / (1 + exp(-x))', tex: '\\sigma' },
  softplus: { body: 'log(1 + exp(x))', tex: '\\operatorname{softplus}' },
});

/** Named sub-expressions: `{ S: 'exp(z1) + exp(z2) + exp(z3)' }` lets an expression write `S`. */
export type Definitions = Readonly<Record<string, string>>;

const MAX_SUBSTITUTION_DEPTH = 20;

type Parsed = MathNode;

/** Parses `text` or throws a TypeError naming the argument and mathjs's complaint. */
export function parseExpression(where: string, name: string, text: unknown): Parsed {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new TypeError(expected(where, name, 'a non-empty expression string such as "x^2 + 1"', text));
  }
  try {
    return math.parse(text);
  } catch (err) {
    throw new TypeError(`${where}: ${name} is not a valid mathjs expression (${(err as Error).message}): ${describe(text)}`);
  }
}

/** Checks the `define` option: names are identifiers, bodies parse. */
export function parseDefinitions(where: string, define: unknown): Map<string, Parsed> {
  const out = new Map<string, Parsed>();
  if (define === undefined) return out;
  if (define === null || typeof define !== 'object' || Array.isArray(define)) {
    throw new TypeError(expected(where, 'define', 'an object of named expressions, e.g. { S: "exp(a) + exp(b)" }', define));
  }
  for (const [key, body] of Object.entries(define as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new TypeError(expected(where, 'a name in define', 'an identifier such as S or p1', key));
    }
    out.set(key, parseExpression(where, `define.${key}`, body));
  }
  return out;
}

/**
 * `node` with the definitions substituted (named sub-expressions first, then the function
 * definitions), recursively, so that mathjs can differentiate and evaluate it.
 */
export function expand(where: string, node: Parsed, definitions: Map<string, Parsed>, depth = 0): Parsed {
  if (depth > MAX_SUBSTITUTION_DEPTH) {
    throw new RangeError(`${where}: define is circular (a name refers to itself through its definition)`);
  }
  let changed = false;
  const out = node.transform((n: Parsed, _path: string, parent: Parsed | null) => {
    if (isSymbol(n) && !isCallee(_path, parent)) {
      const body = definitions.get(n.name);
      if (body !== undefined) {
        changed = true;
        return new math.ParenthesisNode(body);
      }
    }
    if (isFunctionCall(n)) {
      const def = FUNCTION_DEFINITIONS[n.fn.name];
      if (def !== undefined && Object.prototype.hasOwnProperty.call(FUNCTION_DEFINITIONS, n.fn.name)) {
        if (n.args.length !== 1) {
          throw new RangeError(`${where}: ${n.fn.name} takes one argument, received ${n.args.length}`);
        }
        changed = true;
        const arg = new math.ParenthesisNode(n.args[0]);
        const body = math.parse(def.body).transform((m: Parsed) => (isSymbol(m) && m.name === 'x' ? arg : m));
        return new math.ParenthesisNode(body);
      }
    }
    return n;
  });
  return changed ? expand(where, out, definitions, depth + 1) : out;
}

/** The free variables of `node`: symbols that are neither called as functions nor mathjs constants. */
export function freeVariables(node: Parsed): string[] {
  const names: string[] = [];
  node.traverse((n: Parsed, path: string, parent: Parsed | null) => {
    if (isSymbol(n) && !isCallee(path, parent) && !isConstant(n.name) && !names.includes(n.name)) names.push(n.name);
  });
  return names;
}

/** mathjs constants such as `pi` and `e` (numbers on the instance); a function name like `gamma` is a variable. */
function isConstant(name: string): boolean {
  const value = (math as unknown as Record<string, unknown>)[name];
  return value !== undefined && typeof value !== 'function';
}

/**
 * LaTeX of an expression as written: `sigmoid` → σ, `z1` → z_{1}, `yhat` → \hat{y}, Greek names
 * (`beta1` → β_{1}) as mathjs renders them.
 */
export function toTex(node: Parsed): string {
  return node.toTex({ parenthesis: 'keep', implicit: 'hide', handler: texHandler });
}

function texHandler(node: Parsed, options: object): string | undefined {
  if (isFunctionCall(node) && Object.prototype.hasOwnProperty.call(FUNCTION_DEFINITIONS, node.fn.name)) {
    const args = node.args.map((a: Parsed) => a.toTex(options)).join(',');
    return `${FUNCTION_DEFINITIONS[node.fn.name].tex}\\left(${args}\\right)`;
  }
  if (isSymbol(node)) return symbolTex(node.name);
  return undefined;
}

/** `z1` → `z_{1}`, `yhat` → `\hat{y}`, `beta2` → `\beta_{2}`, `x_i` → `x_{i}`. */
export function symbolTex(name: string): string {
  const sub = /^([A-Za-z]+?)(?:_([A-Za-z0-9]+)|([0-9]+))$/.exec(name);
  if (sub !== null) return `${symbolTex(sub[1])}_{${sub[2] ?? sub[3]}}`;
  const hat = /^([A-Za-z]+)hat$/.exec(name);
  if (hat !== null) return `\\hat{${symbolTex(hat[1])}}`;
  if (isConstant(name)) return new math.SymbolNode(name).toTex();
  // mathjs's own SymbolNode rendering knows the Greek letters (beta → \beta).
  const tex = new math.SymbolNode(name).toTex();
  // Braces keep a plain name apart from a preceding command: \cdot{b}, never \cdotb.
  return tex.startsWith('\\mathrm{') ? `{${name}}` : tex;
}

/** Compiles an expanded expression for repeated evaluation. */
export function compile(node: Parsed): (scope: Record<string, number>) => unknown {
  const code = node.compile();
  return (scope) => code.evaluate({ ...scope });
}

/**
 * A real number from an evaluation, or a RangeError naming the expression, the point and the value
 * (mathjs returns complex numbers for e.g. log of a negative number).
 */
export function realValue(where: string, name: string, value: unknown, at: Record<string, number>): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const shown =
    typeof value === 'number' ? String(value) : value !== null && typeof value === 'object' ? String(value) : describe(value);
  throw new RangeError(
    `${where}: ${name} is not a finite real number at ${formatPoint(at)} (it evaluates to ${shown}); ` +
      'sample where both expressions are defined, e.g. at: { range: { p: [0.01, 0.99] } }',
  );
}

/** `z = 0.5, y = 1` */
export function formatPoint(at: Record<string, number>): string {
  const keys = Object.keys(at);
  return keys.length === 0 ? '(no variables)' : keys.map((k) => `${k} = ${formatNumber(at[k])}`).join(', ');
}

export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(4) : String(Number(x.toPrecision(6)));
}

// mathjs's node classes are typed loosely; these guards give the fields we read.
interface SymbolLike {
  name: string;
}
interface FunctionLike {
  fn: { name: string };
  args: Parsed[];
}

function isSymbol(n: Parsed): n is Parsed & SymbolLike {
  return (n as { isSymbolNode?: boolean }).isSymbolNode === true;
}

function isFunctionCall(n: Parsed): n is Parsed & FunctionLike {
  return (n as { isFunctionNode?: boolean }).isFunctionNode === true && isSymbol((n as unknown as FunctionLike).fn as unknown as Parsed);
}

/** True for the `fn` symbol of a call such as `exp` in `exp(x)`. */
function isCallee(path: string, parent: Parsed | null): boolean {
  return parent !== null && (parent as { isFunctionNode?: boolean }).isFunctionNode === true && path === 'fn';
}
