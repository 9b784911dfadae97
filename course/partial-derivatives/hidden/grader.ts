/**
 * Hidden grader for partial-derivatives.ts (the instructor's, never shipped): each partial
 * derivative again, at 16 random points drawn from the run's seed over [−6, 6]², so an answer
 * fitted to the public grader's points cannot pass.
 */
import { defineGrader, random } from '../../../kit/grade/api';
import { checkPartial, readGradient } from '../derivative';
import { PARTIALS } from '../losses';
import messages from './messages';

export default defineGrader(messages, ({ graded }, m) => {
  for (const partial of Object.values(PARTIALS)) {
    graded(m.randomized(m.partials[partial.key].name), 2, async (t) => {
      const r = random(t.seed);
      // Two decimals, so the feedback's point is readable: (x, y) = (-4.51, 5.51).
      const coordinate = (): number => Math.round(r.uniform(-6, 6) * 100) / 100;
      const points = Array.from({ length: 16 }, () => ({ x: coordinate(), y: coordinate() }));
      const answer = readGradient(await t.call(partial.fn, []), partial.fn, m);
      checkPartial(answer[partial.wrt], partial, points, m);
    });
  }
});
