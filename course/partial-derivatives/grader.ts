/**
 * Grader for exercises/partial-derivatives.ts (chapter 06-minima-saddles): the partial derivatives
 * of Himmelblau's function and of the two-weight network loss (xy − 1)², written by hand as mathjs
 * expressions. Each answer is read as hostile text and checked with `checkDerivative` (mathjs
 * differentiates the loss) and against finite differences, at the points below (derivative.ts).
 * This grader ships to students: it holds the losses, never the derivatives.
 */
import { defineGrader } from '../../kit/grade/api';
import { checkPartial, readGradient } from './derivative';
import type { Point } from './derivative';
import { PARTIALS } from './losses';
import messages from './messages';
import type { PartialKey } from './messages';

/** Where the answers are compared: off the axes, with both signs, in Himmelblau's window [−5, 5]². */
const POINTS: readonly Point[] = [
  { x: 1, y: 2 },
  { x: -1.5, y: 0.5 },
  { x: 3, y: -2 },
  { x: -2.5, y: -3.5 },
  { x: 0.25, y: 4 },
  { x: 4.5, y: 1.75 },
];

const WEIGHTS: Readonly<Record<PartialKey, number>> = { himmelblauX: 3, himmelblauY: 3, networkX: 2, networkY: 2 };

export default defineGrader(messages, ({ graded }, m) => {
  for (const partial of Object.values(PARTIALS)) {
    graded(m.partials[partial.key].name, WEIGHTS[partial.key], async (t) => {
      const answer = readGradient(await t.call(partial.fn, []), partial.fn, m);
      checkPartial(answer[partial.wrt], partial, POINTS, m);
    });
  }
});
