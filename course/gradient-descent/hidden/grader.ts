/** Hidden grader for gradient-descent.ts: randomized quadratics and regressions (seeded by t.seed). */
import { arrayOf, checkClose, defineGrader, formatCall, formatInput, num, numbers, random, receive, record } from '../../../kit/grade/api';
import messages from './messages';
import type { TrajectoryArgs } from '../drivers';

export default defineGrader(messages, ({ graded }, m) => {
    graded(m.quadratics, 2, async (t) => {
      const r = random(t.seed);
      for (let k = 0; k < 10; k++) {
        const d = r.int(1, 6);
        const args: TrajectoryArgs = {
          problem: { kind: 'quadratic', a: r.vector(d, 0.1, 3), c: r.vector(d, -1, 1) },
          x0: r.vector(d, -2, 2),
          lr: r.uniform(0.01, 0.3),
          steps: r.int(0, 15),
        };
        const input = `gradientDescent(∇f(x) = a·x + c, a = ${formatInput((args.problem as { a: number[] }).a)}, c = ${formatInput((args.problem as { c: number[] }).c)}, x0 = ${formatInput(args.x0)}, lr = ${args.lr}, steps = ${args.steps})`;
        const obs = receive(await t.drive('trajectory', args), record({ result: arrayOf(numbers(d)) }), { input });
        const p = args.problem as { a: number[]; c: number[] };
        const expected = [args.x0.slice()];
        let x = args.x0.slice();
        for (let s = 0; s < args.steps; s++) {
          x = x.map((xi, i) => xi - args.lr * (p.a[i] * xi + p.c[i]));
          expected.push(x);
        }
        checkClose(obs.result, expected, { input });
      }
    });

    graded(m.regression, 2, async (t) => {
      const r = random(t.seed + 1);
      for (let k = 0; k < 10; k++) {
        const n = r.int(1, 12);
        const d = r.int(1, 5);
        const X = Array.from({ length: n }, () => r.vector(d, -3, 3));
        const y = r.vector(n, -5, 5);
        const w = r.vector(d, -2, 2);
        const b = r.uniform(-1, 1);
        const res = X.map((row, i) => row.reduce((s, v, j) => s + v * w[j], b) - y[i]);
        const dw = w.map((_, j) => (2 / n) * res.reduce((s, ri, i) => s + ri * X[i][j], 0));
        const db = (2 / n) * res.reduce((s, ri) => s + ri, 0);
        const input = formatCall('linearRegressionGradient', [X, y, w, b]);
        const got = receive(await t.call('linearRegressionGradient', [X, y, w, b]), record({ dw: numbers(d), db: num }), { input });
        checkClose(got.dw, dw, { input: `${input}.dw` });
        checkClose(got.db, db, { input: `${input}.db` });
      }
    });
  },
);
