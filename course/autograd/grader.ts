/**
 * Grader for exercises/autograd.ts (chapter 05-backpropagation). The scenarios live in
 * drivers.ts and run inside the sandbox on the student's Value; their values and
 * gradients come from PyTorch's autograd (cases.json, checked in
 * test/grading against forward-mode dual numbers on the same scenarios). Every check of backward()
 * uses graphs where a gradient of 1 (or 0) is wrong, so a backward() that only seeds out.grad = 1
 * earns nothing.
 */
import { checkClose, CheckContext, defineGrader, entry, Hint, num, numbers, receive, record } from '../../kit/grade/api';
import messages from './messages';
import fixture from './cases.json';
import { SCENARIOS } from './drivers';

/** PyTorch's value and gradients of a scenario. */
function exact(name: string): { data: number; grads: number[] } {
  return entry<{ data: number; grads: number[] }>(fixture.scenarios, name, 'autograd scenario');
}

function describe(name: string): string {
  const s = SCENARIOS[name];
  const leaves = s.names.map((n, i) => `${n} = new Value(${s.inputs[i]})`).join('; ');
  return `${leaves}; out = ${s.code}`;
}

const forwardSchema = record({ data: num, leafData: numbers(), initialGrads: numbers() });
const backwardSchema = (k: number) => record({ data: num, grads: numbers(k), outGrad: num });

async function forwardOf(t: CheckContext, name: string) {
  return receive(await t.drive('forward', { scenario: name }), forwardSchema, { input: describe(name) });
}

async function backwardOf(t: CheckContext, name: string) {
  const input = `${describe(name)}; out.backward()`;
  return { input, got: receive(await t.drive('backward', { scenario: name }), backwardSchema(SCENARIOS[name].inputs.length), { input }) };
}

/** Checks the leaves' gradients of each scenario against forward mode. */
async function checkGrads(t: CheckContext, names: string[], hints: (name: string) => ReadonlyArray<Hint<number[]>> = () => []) {
  for (const name of names) {
    const { input, got } = await backwardOf(t, name);
    const e = exact(name);
    const labels = SCENARIOS[name].names.map((n) => `${n}.grad`).join(', ');
    checkClose(got.grads, e.grads, { input: `${input}; [${labels}]`, hints: hints(name) });
  }
}

export default defineGrader(messages, ({ graded }, { checks, hints, text }) => {
    graded(checks.values, 2, async (t) => {
      const names = ['add', 'addNumber', 'sub', 'subNumber', 'neg', 'mul', 'mulNumber', 'div', 'divNumber', 'pow3', 'powMinus1', 'powHalf', 'exp', 'log', 'tanh', 'reluPositive', 'reluNegative'];
      for (const name of names) {
        const got = await forwardOf(t, name);
        checkClose(got.data, exact(name).data, { input: `${describe(name)}; out.data` });
        checkClose(got.leafData, SCENARIOS[name].inputs, { input: `${describe(name)}; ${text.inputsData}` });
      }
    });

    graded(checks.seed, 1, async (t) => {
      const f = await forwardOf(t, 'seeded');
      checkClose(f.initialGrads, [0, 0], { input: `${describe('seeded')}; [a.grad, b.grad] ${text.beforeBackward}` });
      const { input, got } = await backwardOf(t, 'seeded');
      checkClose(got.outGrad, 1, { input: `${input}; out.grad` });
      checkClose(got.grads, exact('seeded').grads, {
        input: `${input}; [a.grad, b.grad]`,
        hints: [
          [[1, 1], hints.onlySeed],
          [[0, 0], hints.neverRan],
        ],
      });
    });

    graded(checks.add, 1, async (t) => {
      await checkGrads(t, ['add', 'addNumber', 'sub', 'subNumber', 'neg'], (name) =>
        name === 'sub' ? [[[1, 1], hints.subB]] : name === 'neg' ? [[[1], hints.neg]] : [],
      );
    });

    graded(checks.mul, 1, async (t) => {
      await checkGrads(t, ['mul', 'mulNumber'], (name) => (name === 'mul' ? [[[2, -3], hints.mul]] : []));
    });

    graded(checks.div, 1, async (t) => {
      await checkGrads(t, ['div', 'divNumber'], (name) => (name === 'div' ? [[[-1 / 4, 3 / 16], hints.div]] : []));
    });

    graded(checks.pow, 1, async (t) => {
      await checkGrads(t, ['pow3', 'powMinus1', 'powHalf'], (name) => {
        const k = name === 'pow3' ? 3 : name === 'powMinus1' ? -1 : 0.5;
        const a = SCENARIOS[name].inputs[0];
        return [
          [[k * Math.pow(a, k)], hints.powExponent],
          [[Math.pow(a, k - 1)], hints.powFactor],
        ];
      });
    });

    graded(checks.exp, 1, async (t) => {
      await checkGrads(t, ['exp'], () => [[[0.7], hints.expA], [[1], hints.expOne]]);
    });

    graded(checks.log, 1, async (t) => {
      await checkGrads(t, ['log'], () => [[[2.5], hints.log], [[1 / 6.25], hints.logSquare]]);
    });

    graded(checks.tanh, 1, async (t) => {
      const th = Math.tanh(0.8);
      await checkGrads(t, ['tanh'], () => [
        [[1 - th], hints.tanhSquare],
        [[1 - 0.8 * 0.8], hints.tanhOutput],
      ]);
    });

    graded(checks.relu, 1, async (t) => {
      await checkGrads(t, ['reluPositive', 'reluNegative', 'reluOfProduct'], (name) =>
        name === 'reluNegative' ? [[[1], hints.relu]] : [],
      );
    });

    graded(checks.twice, 2, async (t) => {
      const OVERWRITE = hints.overwrite;
      await checkGrads(t, ['square', 'double', 'reuse'], (name) =>
        name === 'square' ? [[[3], OVERWRITE]] : name === 'double' ? [[[1], OVERWRITE]] : [],
      );
    });

    graded(checks.order, 3, async (t) => {
      await checkGrads(t, ['diamond', 'longAndShortPaths', 'deepShared'], () => [() => hints.order]);
    });

    graded(checks.micrograd, 2, async (t) => {
      for (const name of ['sanity_check', 'more_ops', 'transcendental']) {
        const { input, got } = await backwardOf(t, name);
        const e = exact(name);
        const names = SCENARIOS[name].names;
        checkClose(got.data, e.data, { input: `${input}; out.data` });
        checkClose(got.grads, e.grads, { input: `${input}; [${names.map((n) => `${n}.grad`).join(', ')}]` });
      }
    });
  },
);
