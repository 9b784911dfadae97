/**
 * Hidden grader for autograd.ts: random graphs with shared nodes (seeded by t.seed), interpreted by
 * the driver on the student's Value and here on dual numbers (exact forward-mode derivatives).
 */
import { checkClose, defineGrader, formatInput, num, numbers, random, Random, receive, record } from '../../../kit/grade/api';
import messages from './messages';
import { Instruction, interpret } from '../drivers';
import { Dual, exactGradient } from './dual';


/** A random program over `inputs`; keeps values moderate and never applies relu at 0. */
function randomProgram(r: Random, inputs: number[], length: number): Instruction[] {
  const program: Instruction[] = [];
  const values: number[] = inputs.slice();
  const push = (ins: Instruction): number => {
    const out = interpret(values.map((v) => new Dual(v)), [ins]) as Dual;
    program.push(ins);
    values.push(out.data);
    return values.length - 1;
  };
  const recent = (): number => Math.max(0, values.length - 1 - r.int(0, Math.min(4, values.length - 1)));
  for (let k = 0; k < length; k++) {
    const a = recent();
    const b = r.int(0, values.length - 1);
    const op = r.pick(['add', 'sub', 'mul', 'div', 'neg', 'pow', 'exp', 'log', 'tanh', 'relu', 'addConst', 'mulConst'] as const);
    if (op === 'add' || op === 'sub') push({ op, a, b });
    else if (op === 'mul') push({ op, a: push({ op: 'tanh', a }), b });
    else if (op === 'div' || op === 'log') {
      const positive = push({ op: 'exp', a: push({ op: 'tanh', a: b }) });
      push(op === 'div' ? { op, a, b: positive } : { op, a: positive });
    } else if (op === 'exp') push({ op, a: push({ op: 'tanh', a }) });
    else if (op === 'pow') push({ op, a: push({ op: 'tanh', a }), k: r.pick([2, 3]) });
    else if (op === 'relu') {
      if (Math.abs(values[a]) > 1e-6) push({ op, a });
    } else if (op === 'addConst' || op === 'mulConst') push({ op, a, k: Math.round(r.uniform(-3, 3) * 100) / 100 || 1 });
    else push({ op, a });
  }
  // Combine the last node with an early one so that shared nodes matter.
  push({ op: 'mul', a: values.length - 1, b: r.int(0, inputs.length - 1) });
  return program;
}

export default defineGrader(messages, ({ graded }, m) => {
  graded(m.graphs, 3, async (t) => {
    const r = random(t.seed);
    for (let k = 0; k < 12; k++) {
      const inputs = r.vector(r.int(1, 4), -1.5, 1.5);
      const program = randomProgram(r, inputs, r.int(4, 14));
      const input = `inputs ${formatInput(inputs)}, program ${program.map((i) => `${i.op}(${i.a}${i.b === undefined ? '' : `, ${i.b}`}${i.k === undefined ? '' : `, ${i.k}`})`).join(' ')}; out.backward()`;
      const got = receive(await t.drive('program', { inputs, program }), record({ data: num, grads: numbers(inputs.length) }), { input });
      const exact = exactGradient((x) => interpret(x, program), inputs);
      checkClose(got.data, exact.data, { input: `${input}; out.data` });
      checkClose(got.grads, exact.grads, { input: `${input}; grads of the inputs`, tol: { rel: 1e-8, abs: 1e-10 } });
    }
  });
});
