/**
 * Machine-checks an algebraic identity lhs = rhs by evaluating both sides at seeded random points
 * (or given points). Chapters: 02-cross-entropy (the softmax Jacobian ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)),
 * 03-gradient-descent (the GD error recursion), 07-optimizers (Adam's bias correction: with a
 * constant gradient g, m_t = (1 − β₁) Σ_{k=1}^{t} β₁^{t−k} g = (1 − β₁^t) g).
 *
 * ```ts
 * checkIdentity('(1 - b) * (b^2*g + b*g + g)', '(1 - b^3) * g', ['b', 'g']).ok // true
 * ```
 */
import { checkOptions, expected } from '../util/validate';
import { compile, expand, freeVariables, parseDefinitions, parseExpression, realValue, toTex } from './math';
import type { Definitions } from './math';
import { agree, checkTolerance, DEFAULT_TOLERANCE, resolvePoints } from './points';
import type { Point, SampleOptions } from './points';
import { Reported } from './report';
import type { ReportData } from './report';

export interface IdentityCheckOptions {
  /** Explicit points `[{ b: 0.9, g: 1 }, …]`, or random ones `{ samples, seed, range }` (the default). */
  at?: readonly Point[] | SampleOptions;
  /** Variables held fixed at every point. */
  given?: Point;
  /** Named sub-expressions both sides may use. */
  define?: Definitions;
  /** Agreement tolerance (see `DEFAULT_TOLERANCE`). */
  tolerance?: number;
}

const OPTION_NAMES = ['at', 'given', 'define', 'tolerance'] as const;

export interface IdentityPoint {
  at: Point;
  lhs: number;
  rhs: number;
}

/** The outcome of `checkIdentity`; `toString()`, `toMarkdown()`, `toHtml()` show it in a notebook. */
export class IdentityCheck extends Reported {
  constructor(
    readonly ok: boolean,
    readonly lhs: string,
    readonly rhs: string,
    readonly lhsTex: string,
    readonly rhsTex: string,
    /** The sampled variables. */
    readonly vars: string[],
    /** max over the points of |lhs − rhs|. */
    readonly maxAbsError: number,
    readonly tolerance: number,
    readonly points: IdentityPoint[],
  ) {
    super();
  }

  protected report(): ReportData {
    return {
      title: `${this.lhs} = ${this.rhs}`,
      ok: this.ok,
      equations: [{ caption: 'identity:', tex: `${this.lhsTex} = ${this.rhsTex}` }],
      lines: [`lhs: ${this.lhs}`, `rhs: ${this.rhs}`],
      columns: ['lhs', 'rhs'],
      points: this.points.map((p) => ({ at: p.at, a: p.lhs, b: p.rhs, ok: agree(p.lhs, p.rhs, this.tolerance) })),
      maxAbsError: this.maxAbsError,
    };
  }



}

/**
 * Checks lhs = rhs at random points over `vars` (default: every free variable of both sides).
 * Variables not in `vars` must be fixed with `options.given`.
 */
export function checkIdentity(
  lhs: string,
  rhs: string,
  vars?: readonly string[],
  options: IdentityCheckOptions = {},
): IdentityCheck {
  const where = 'checkIdentity';
  checkOptions(where, options, OPTION_NAMES);
  const definitions = parseDefinitions(where, options.define);
  const lhsNode = parseExpression(where, 'lhs', lhs);
  const rhsNode = parseExpression(where, 'rhs', rhs);
  const left = expand(where, lhsNode, definitions);
  const right = expand(where, rhsNode, definitions);
  const used = freeVariables(left);
  for (const v of freeVariables(right)) if (!used.includes(v)) used.push(v);
  const given = options.given ?? {};
  let sampled: string[];
  if (vars === undefined) {
    sampled = used;
  } else {
    if (!Array.isArray(vars) || vars.some((v) => typeof v !== 'string')) {
      throw new TypeError(expected(where, 'vars', 'an array of variable names such as ["b", "g"]', vars));
    }
    sampled = vars.slice();
    const unknown = used.filter((v) => !sampled.includes(v) && !(typeof given === 'object' && given !== null && v in given));
    if (unknown.length > 0) {
      throw new RangeError(
        `${where}: vars must list every variable of lhs and rhs that is not in options.given; ` +
          `missing ${unknown.join(', ')} (received vars ${JSON.stringify(vars)})`,
      );
    }
  }
  const tolerance = checkTolerance(where, options.tolerance ?? DEFAULT_TOLERANCE);
  const points = resolvePoints(where, sampled, options.at, options.given);
  const evalLeft = compile(left);
  const evalRight = compile(right);
  let maxAbsError = 0;
  let ok = true;
  const compared = points.map((at) => {
    const a = realValue(where, 'lhs', evalLeft(at), at);
    const b = realValue(where, 'rhs', evalRight(at), at);
    maxAbsError = Math.max(maxAbsError, Math.abs(a - b));
    if (!agree(a, b, tolerance)) ok = false;
    return { at, lhs: a, rhs: b };
  });
  return new IdentityCheck(ok, lhs.trim(), rhs.trim(), toTex(lhsNode), toTex(rhsNode), sampled, maxAbsError, tolerance, compared);
}
