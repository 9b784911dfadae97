/**
 * The two losses of partial-derivatives (chapter 06-minima-saddles) and the partial derivatives
 * the graders ask for: the loss in mathjs syntax (mathjs differentiates it) and as printed for the
 * student. Their check names and hints, in every language, are in messages.ts. No answer is here.
 */
import type { Partial } from './derivative';
import type { PartialKey } from './messages';

const HIMMELBLAU = {
  fn: 'himmelblauGradient',
  symbol: 'f',
  loss: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  shown: '(x² + y − 11)² + (x + y² − 7)²',
};

const NETWORK = { fn: 'networkGradient', symbol: 'L', loss: '(x*y - 1)^2', shown: '(x·y − 1)²' };

export const PARTIALS: Readonly<Record<PartialKey, Partial>> = Object.freeze({
  himmelblauX: { ...HIMMELBLAU, key: 'himmelblauX', wrt: 'x' },
  himmelblauY: { ...HIMMELBLAU, key: 'himmelblauY', wrt: 'y' },
  networkX: { ...NETWORK, key: 'networkX', wrt: 'x' },
  networkY: { ...NETWORK, key: 'networkY', wrt: 'y' },
});
