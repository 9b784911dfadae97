/**
 * The trusted side of partial-derivatives (chapter 06-minima-saddles), shared by the public and the
 * hidden grader: a student's derivative is a string they control, so it is read as hostile text —
 * its length capped, parsed by mathjs, and accepted only when every node is a number, x or y,
 * arithmetic, parentheses or a whitelisted function (no `derivative(…)`, no assignment or function
 * definition, no `import`/`evaluate`, no unknown symbol, matrix, string or unit). Only then is it
 * checked with `checkDerivative` (src/symbolic: mathjs differentiates the loss symbolically and the
 * two are compared at the points) and against a central finite difference of the loss (numerically,
 * an oracle independent of mathjs's derivative). Feedback names the derivative, shows what the
 * student's expression evaluates to at a point next to the derivative's value there, and gives a
 * hint — never the expression itself.
 * Every sentence comes from messages.ts in the student's language (`m`, one language's messages,
 * as defineGrader hands them to a grader).
 *
 * The student's exercise file cannot compute its answer with the library: the sandbox lets an
 * exercise import only its sibling exercise files (kit/grade/sandbox/realm.ts), so an import of
 * mathjs or src/symbolic fails to load and scores 0 (mutant "derives-with-the-library").
 */
import type { MathNode } from 'mathjs';
import { compactNumber, fail, formatCall, formatNumber, receive, record, str, truncate } from '../../kit/grade/api';
import type { Outcome } from '../../kit/grade/api';
import { checkDerivative } from '../../src/symbolic/check-derivative';
import { math } from '../../src/symbolic/math';
import type { Messages, PartialKey } from './messages';

/** Longest answer read, in characters (a correct one is under 60). */
export const MAX_EXPRESSION_LENGTH = 400;
/** Most mathjs nodes in an answer. */
const MAX_NODES = 300;
/** The variables an answer may use. */
export const VARIABLES: readonly string[] = Object.freeze(['x', 'y']);
/** The functions an answer may call. */
export const FUNCTIONS: readonly string[] = Object.freeze(['exp', 'log', 'sqrt', 'sin', 'cos', 'tanh', 'pow']);
/** mathjs operator functions an answer may use: + − * / ^ and a sign. */
const OPERATORS: readonly string[] = Object.freeze(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);

export type Point = { x: number; y: number };

/** One partial derivative to check: of which loss, with respect to which variable, where. */
export interface Partial {
  /** Its key in the messages (check name and hint), e.g. 'himmelblauX'. */
  key: PartialKey;
  /** The exercise function that returns the answer, e.g. 'himmelblauGradient'. */
  fn: string;
  /** The loss's name in feedback, e.g. 'f' or 'L'. */
  symbol: string;
  /** The loss in mathjs syntax, e.g. '(x^2 + y - 11)^2 + (x + y^2 - 7)^2'. */
  loss: string;
  /** The loss as printed for the student, e.g. '(x² + y − 11)² + (x + y² − 7)²'. */
  shown: string;
  wrt: 'x' | 'y';
}

/** Reads `{ x, y }` (two strings) from a call of `fn()`; fails the check with feedback otherwise. */
export function readGradient(outcome: Outcome, fn: string, m: Messages): { x: string; y: string } {
  return receive(outcome, record({ x: str, y: str }), { input: formatCall(fn, []), expected: m.expectedGradient });
}

/** Why `text` is not an acceptable answer (in the messages' language), or its parsed expression. */
export function parseAnswer(text: string, m: Messages): { ok: true; node: MathNode } | { ok: false; problem: string; hint?: string } {
  const p = m.parse;
  if (text.trim() === '') return { ok: false, problem: p.empty, hint: p.emptyHint };
  if (text.length > MAX_EXPRESSION_LENGTH) return { ok: false, problem: p.tooLong(text.length, MAX_EXPRESSION_LENGTH), hint: p.tooLongHint };
  if (!/^[\x20-\x7e\t]*$/.test(text)) return { ok: false, problem: p.notAscii, hint: p.notAsciiHint };
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    return { ok: false, problem: p.unparsable((error as Error).message), hint: p.unparsableHint };
  }
  const problem = disallowed(node, { count: 0 }, p);
  return problem === undefined ? { ok: true, node } : { ok: false, problem, hint: p.allowedHint(VARIABLES, FUNCTIONS) };
}

/** The first node of `node` outside the whitelist, described; undefined when all are allowed. */
function disallowed(node: MathNode, seen: { count: number }, p: Messages['parse']): string | undefined {
  if (++seen.count > MAX_NODES) return p.tooManyParts(MAX_NODES);
  const n = node as MathNode & { value?: unknown; name?: string; fn?: unknown; op?: string; args?: MathNode[]; content?: MathNode };
  switch (node.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' && Number.isFinite(n.value) ? undefined : p.notFinite(truncate(node.toString(), 40));
    case 'SymbolNode':
      return VARIABLES.includes(n.name ?? '') ? undefined : p.symbol(truncate(String(n.name), 40), VARIABLES);
    case 'ParenthesisNode':
      return disallowed(n.content as MathNode, seen, p);
    case 'OperatorNode':
      if (!OPERATORS.includes(String(n.fn))) return p.operator(JSON.stringify(n.op));
      break;
    case 'FunctionNode': {
      const callee = n.fn as MathNode & { name?: string };
      if (callee.type !== 'SymbolNode' || !FUNCTIONS.includes(callee.name ?? '')) {
        return p.call(truncate(callee.type === 'SymbolNode' ? `${String(callee.name)}(…)` : callee.toString(), 40));
      }
      break;
    }
    default:
      return p.node(describeNode(node.type, p));
  }
  for (const arg of n.args ?? []) {
    const problem = disallowed(arg, seen, p);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function describeNode(type: string, p: Messages['parse']): string {
  const { other, ...names } = p.nodes;
  return Object.hasOwn(names, type) ? names[type as keyof typeof names] : other(type);
}

/** A value in feedback: 10 significant digits, enough to tell two values apart, short enough to read. */
const shown = (v: number): string => compactNumber(v, 10);

const formatAt = (p: Point): string => `(x, y) = (${formatNumber(p.x)}, ${formatNumber(p.y)})`;

/** Checks one partial derivative at `points`: symbolically (checkDerivative) and by finite differences; fails with feedback. */
export function checkPartial(answer: string, partial: Partial, points: readonly Point[], m: Messages): void {
  const { fn, symbol, wrt } = partial;
  const input = `${fn}().${wrt}  (${m.what(symbol, wrt, partial.shown)})`;
  const received = JSON.stringify(truncate(answer, 200));
  const hint = m.partials[partial.key].hint;
  const parsed = parseAnswer(answer, m);
  if (!parsed.ok) fail({ input, received, problem: parsed.problem, hint: parsed.hint });

  const code = parsed.node.compile();
  for (const p of points) {
    let value: unknown;
    try {
      value = code.evaluate({ x: p.x, y: p.y });
    } catch (error) {
      fail({ input, received, problem: m.check.notEvaluable(formatAt(p), (error as Error).message) });
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail({ input, received, problem: m.check.notReal(formatAt(p), String(value)), hint: m.check.polynomialHint });
    }
  }

  const check = checkDerivative({ expr: partial.loss, wrt, expected: answer, at: points.map((p) => ({ x: p.x, y: p.y })) });
  if (!check.ok) {
    const bad = check.points.find((q) => !agrees(q.expected, q.symbolic)) ?? check.points[0];
    fail({
      input,
      received,
      problem: m.check.differs(formatAt(bad.at as Point), shown(bad.expected), `∂${symbol}/∂${wrt}`, shown(bad.symbolic)),
      hint: diagnose(check.points, partial, points, m) ?? hint,
    });
  }

  // The same, against an oracle that does not use mathjs's derivative: central differences of the loss.
  const loss = math.parse(partial.loss).compile();
  for (const p of points) {
    const h = 1e-4 * Math.max(1, Math.abs(p[wrt]));
    const at = (d: number): number => loss.evaluate({ ...p, [wrt]: p[wrt] + d }) as number;
    const slope = (at(h) - at(-h)) / (2 * h);
    const mine = code.evaluate({ x: p.x, y: p.y }) as number;
    if (Math.abs(mine - slope) > 1e-5 * (1 + Math.abs(slope))) {
      fail({ input, received, problem: m.check.slope(formatAt(p), shown(mine), symbol, wrt, shown(slope)), hint });
    }
  }
}

function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 * (1 + Math.max(Math.abs(a), Math.abs(b)));
}

/** A hint for a recognised mistake: the other partial derivative, a flipped sign, a constant factor. */
function diagnose(compared: ReadonlyArray<{ symbolic: number; expected: number }>, partial: Partial, points: readonly Point[], m: Messages): string | undefined {
  const other = partial.wrt === 'x' ? 'y' : 'x';
  const otherCheck = checkDerivative({ expr: partial.loss, wrt: other, expected: '0', at: points.map((p) => ({ x: p.x, y: p.y })) });
  if (otherCheck.points.every((q, k) => agrees(q.symbolic, compared[k].expected))) {
    return m.check.otherVariable(`∂${partial.symbol}/∂${other}`, partial.wrt, other);
  }
  const ratios = compared.filter((q) => Math.abs(q.symbolic) > 1e-6).map((q) => q.expected / q.symbolic);
  if (ratios.length >= 2 && ratios.every((r) => Math.abs(r - ratios[0]) <= 1e-8 * (1 + Math.abs(ratios[0])))) {
    const r = ratios[0];
    if (Math.abs(r + 1) < 1e-8) return m.check.signFlipped;
    return m.check.factor(formatNumber(Number(r.toPrecision(6))), partial.wrt);
  }
  return undefined;
}
