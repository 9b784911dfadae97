/**
 * The two losses of partial-derivatives (chapter 06-minima-saddles) and the partial derivatives
 * the graders ask for: the loss in mathjs syntax (mathjs differentiates it), as printed for the
 * student, and the hint shown when an answer is wrong in no recognised way. No answer is here.
 */
import type { Partial } from './derivative';

const HIMMELBLAU = {
  fn: 'himmelblauGradient',
  symbol: 'f',
  loss: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  shown: '(x² + y − 11)² + (x + y² − 7)²',
};

const NETWORK = { fn: 'networkGradient', symbol: 'L', loss: '(x*y - 1)^2', shown: '(x·y − 1)²' };

const squares = (wrt: string): string =>
  `apply the chain rule to each square: ∂/∂${wrt} u² = 2u · ∂u/∂${wrt}, with u = x² + y − 11 and then u = x + y² − 7 (both depend on ${wrt})`;

export const PARTIALS: Readonly<Record<string, Partial>> = Object.freeze({
  himmelblauX: { ...HIMMELBLAU, wrt: 'x', hint: squares('x') },
  himmelblauY: { ...HIMMELBLAU, wrt: 'y', hint: squares('y') },
  networkX: { ...NETWORK, wrt: 'x', hint: 'apply the chain rule: ∂/∂x (xy − 1)² = 2(xy − 1) · ∂(xy − 1)/∂x, where y is a constant' },
  networkY: { ...NETWORK, wrt: 'y', hint: 'apply the chain rule: ∂/∂y (xy − 1)² = 2(xy − 1) · ∂(xy − 1)/∂y, where x is a constant' },
});

/** The check's name for a partial derivative, e.g. "∂f/∂x of Himmelblau's function". */
export function checkName(p: Partial): string {
  return `∂${p.symbol}/∂${p.wrt} of ${p.fn === 'himmelblauGradient' ? "Himmelblau's function" : 'the network loss (xy − 1)²'}`;
}
