/** Hidden grader for optimizers.ts: random options and gradient sequences (seeded by t.seed). */
import { arrayOf, checkClose, defineGrader, formatInput, numbers, random, Random, receive, record } from '../../../kit/grade/api';
import messages from './messages';
import { OptimizerName, OptimizerOptions, trajectory } from './oracle';


function options(r: Random, name: OptimizerName): OptimizerOptions {
  const o: OptimizerOptions = { lr: r.uniform(0.001, 0.5) };
  if (name === 'momentum' || name === 'nesterov') o.momentum = r.uniform(0.1, 0.99);
  if ((name === 'adagrad' || name === 'rmsprop' || name === 'adam') && r.uniform(0, 1) < 0.5) o.eps = r.pick([1e-6, 1e-3, 0.1]);
  if (name === 'rmsprop' && r.uniform(0, 1) < 0.5) o.alpha = r.uniform(0.5, 0.999);
  if (name === 'adam' && r.uniform(0, 1) < 0.5) o.betas = [r.uniform(0.5, 0.95), r.uniform(0.9, 0.9999)];
  return o;
}

export default defineGrader(messages, ({ graded }, m) => {
  graded(m.optimizers, 3, async (t) => {
    const r = random(t.seed);
    for (const name of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const) {
      for (let k = 0; k < 3; k++) {
        const o = options(r, name);
        const d = r.int(1, 6);
        const steps = r.int(1, 12);
        const scale = r.pick([1e-3, 1, 100]);
        const grads = Array.from({ length: steps }, () => r.vector(d, -scale, scale));
        const x0 = r.vector(d, -2, 2);
        const input = `step = ${name}(${JSON.stringify(o)}); ${steps} steps from ${formatInput(x0)} with grads ${formatInput(grads)}`;
        const obs = receive(
          await t.drive('run', { factory: name, options: { ...o }, x0, steps, grads }),
          record({ trajectory: arrayOf(numbers(d)) }),
          { input },
        );
        checkClose(obs.trajectory, trajectory(name, o, x0, steps, { grads }), { input, tol: { rel: 1e-9, abs: 1e-12 } });
      }
    }
  });
});
