/**
 * Machine-checks a hand derivation: mathjs differentiates the expression symbolically, and the
 * result is compared with the hand-derived formula at seeded random points (or given points). A
 * wrong formula — a missing factor 2, a sign error — disagrees almost everywhere and fails.
 *
 * ```ts
 * checkDerivative({ expr: 'log(1 + exp(-z))', wrt: 'z', expected: 'sigmoid(z) - 1' }).ok // true
 * ```
 *
 * Chapters: 01-mse (∂/∂ŷ of the MSE is 2(ŷ − y)/n), 02-cross-entropy (∂/∂z of BCE-with-logits is
 * σ(z) − y; softmax-CE gives softmax − onehot), 05-backpropagation (tanh' = 1 − tanh²).
 */
import type { MathNode } from 'mathjs';
import { checkOptions, expected as expectedMessage } from '../util/validate';
import {
  compile,
  expand,
  freeVariables,
  math,
  parseDefinitions,
  parseExpression,
  realValue,
  symbolTex,
  toTex,
} from './math';
import type { Definitions } from './math';
import { agree, checkTolerance, DEFAULT_TOLERANCE, resolvePoints } from './points';
import type { Point, SampleOptions } from './points';
import { Reported } from './report';
import type { ReportData } from './report';

export interface DerivativeCheckOptions {
  /** The function to differentiate, in mathjs syntax, e.g. `'log(1 + exp(-z))'`. May use `sigmoid`, `softplus`. */
  expr: string;
  /** The variable to differentiate with respect to, e.g. `'z'`. */
  wrt: string;
  /** The hand-derived derivative, e.g. `'sigmoid(z) - 1'`. */
  expected: string;
  /** Explicit points `[{ z: 0.5 }, …]`, or random ones `{ samples, seed, range }` (the default). */
  at?: readonly Point[] | SampleOptions;
  /** Variables held fixed at every point, e.g. a one-hot target `{ y1: 1, y2: 0, y3: 0 }`. */
  given?: Point;
  /** Named sub-expressions both formulas may use, e.g. `{ S: 'exp(z1) + exp(z2) + exp(z3)' }`. */
  define?: Definitions;
  /** Agreement tolerance (see `DEFAULT_TOLERANCE`). */
  tolerance?: number;
}

const OPTION_NAMES = ['expr', 'wrt', 'expected', 'at', 'given', 'define', 'tolerance'] as const;

export interface DerivativePoint {
  at: Point;
  /** mathjs's derivative at the point. */
  symbolic: number;
  /** The hand formula at the point. */
  expected: number;
}

/** The outcome of `checkDerivative`; `toString()`, `toMarkdown()`, `toHtml()` show it in a notebook. */
export class DerivativeCheck extends Reported {
  constructor(
    /** True when the two agree at every point. */
    readonly ok: boolean,
    readonly expr: string,
    readonly wrt: string,
    /** mathjs's derivative (simplified by mathjs), as text. */
    readonly symbolic: string,
    /** The hand formula, as given. */
    readonly expected: string,
    readonly exprTex: string,
    readonly symbolicTex: string,
    readonly expectedTex: string,
    /** max over the points of |symbolic − expected|. */
    readonly maxAbsError: number,
    readonly tolerance: number,
    readonly points: DerivativePoint[],
  ) {
    super();
  }

  protected report(): ReportData {
    const d = `\\frac{\\partial}{\\partial ${symbolTex(this.wrt)}}`;
    return {
      title: `∂/∂${this.wrt} of ${this.expr}`,
      ok: this.ok,
      equations: [
        { caption: 'mathjs differentiates:', tex: `${d}\\left(${this.exprTex}\\right) = ${this.symbolicTex}` },
        { caption: 'derived by hand:', tex: `${d}\\left(${this.exprTex}\\right) = ${this.expectedTex}` },
      ],
      lines: [`mathjs:   ${this.symbolic}`, `by hand:  ${this.expected}`],
      columns: ['mathjs', 'by hand'],
      points: this.points.map((p) => ({
        at: p.at,
        a: p.symbolic,
        b: p.expected,
        ok: agree(p.symbolic, p.expected, this.tolerance),
      })),
      maxAbsError: this.maxAbsError,
    };
  }



}

/** Compares mathjs's derivative of `expr` with the hand-derived `expected` (see the file comment). */
export function checkDerivative(options: DerivativeCheckOptions): DerivativeCheck {
  const where = 'checkDerivative';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(expectedMessage(where, 'options', 'an object { expr, wrt, expected }', options));
  }
  checkOptions(where, options, OPTION_NAMES);
  const definitions = parseDefinitions(where, options.define);
  const exprNode = parseExpression(where, 'expr', options.expr);
  const expectedNode = parseExpression(where, 'expected', options.expected);
  const wrt = options.wrt;
  if (typeof wrt !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(wrt)) {
    throw new TypeError(expectedMessage(where, 'wrt', 'a variable name such as "z"', wrt));
  }
  const expr = expand(where, exprNode, definitions);
  const hand = expand(where, expectedNode, definitions);
  const exprVars = freeVariables(expr);
  if (!exprVars.includes(wrt)) {
    throw new RangeError(
      `${where}: wrt must be a variable of expr (${exprVars.join(', ') || 'none'}), received ${JSON.stringify(wrt)}`,
    );
  }
  const symbolic = differentiate(where, expr, wrt);
  const tolerance = checkTolerance(where, options.tolerance ?? DEFAULT_TOLERANCE);
  const vars = union(exprVars, freeVariables(hand), freeVariables(symbolic));
  const points = resolvePoints(where, vars, options.at, options.given);

  const evalSymbolic = compile(symbolic);
  const evalHand = compile(hand);
  let maxAbsError = 0;
  let ok = true;
  const compared = points.map((at) => {
    const s = realValue(where, "mathjs's derivative", evalSymbolic(at), at);
    const e = realValue(where, 'expected', evalHand(at), at);
    maxAbsError = Math.max(maxAbsError, Math.abs(s - e));
    if (!agree(s, e, tolerance)) ok = false;
    return { at, symbolic: s, expected: e };
  });
  return new DerivativeCheck(
    ok,
    options.expr.trim(),
    wrt,
    symbolic.toString(),
    options.expected.trim(),
    toTex(exprNode),
    toTex(symbolic),
    toTex(expectedNode),
    maxAbsError,
    tolerance,
    compared,
  );
}

/** mathjs's derivative of an expanded expression, or a RangeError saying what mathjs cannot do. */
export function differentiate(where: string, expr: MathNode, wrt: string): MathNode {
  try {
    return math.derivative(expr, wrt);
  } catch (err) {
    throw new RangeError(
      `${where}: mathjs cannot differentiate expr (${(err as Error).message}); ` +
        'use smooth functions (exp, log, tanh, sigmoid, softplus, powers) and no max/relu/abs',
    );
  }
}

/** mathjs's derivative of `expr` with respect to `wrt`, as text and LaTeX (σ and softplus expanded). */
export function symbolicDerivative(expr: string, wrt: string, define?: Definitions): { text: string; tex: string } {
  const where = 'symbolicDerivative';
  const node = expand(where, parseExpression(where, 'expr', expr), parseDefinitions(where, define));
  if (typeof wrt !== 'string' || !freeVariables(node).includes(wrt)) {
    throw new RangeError(
      `${where}: wrt must be a variable of expr (${freeVariables(node).join(', ') || 'none'}), received ${JSON.stringify(wrt)}`,
    );
  }
  const d = differentiate(where, node, wrt);
  return { text: d.toString(), tex: toTex(d) };
}

/** LaTeX of an expression as written (σ for `sigmoid`, `z_{1}` for `z1`, `\hat{y}` for `yhat`). */
export function texOf(expr: string): string {
  return toTex(parseExpression('texOf', 'expr', expr));
}

function union(...lists: string[][]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}
