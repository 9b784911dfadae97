/**
 * The graders' own machinery is right: the hidden graders' optimizer oracle and dual-number
 * oracle agree with PyTorch (test/fixtures/torch-cases.json), the public graders' precomputed
 * expectations (course/<exercise>/cases.json, from PyTorch) agree with those independent oracles — so the
 * Python port of the autograd scenarios is the TypeScript one — and the plain-data checks and
 * feedback helpers behave as documented.
 */
import { describe, expect, test } from 'vitest';
import autogradCases from '../../course/autograd/cases.json';
import { SCENARIOS } from '../../course/autograd/drivers';
import { exactGradient } from '../../course/autograd/hidden/dual';
import optimizerCases from '../../course/optimizers/cases.json';
import { OptimizerName, OptimizerOptions, Problem, trajectory } from '../../course/optimizers/hidden/oracle';
import {
  arrayOf, checkClose, deepClose, describeReceived, entry, exactly, Feedback, feedbackText, formatCall, isClose, matrix, num, numbers, optional, pickHint as pickText, receive, record, render, str, validate,
} from '../../kit/grade/api';
import type { Text } from '../../kit/grade/api';

// The API's texts are localizable (kit/grade/i18n): these tests read them in English.
const pickHint = (...args: Parameters<typeof pickText>): string | undefined => { const t = pickText(...args); return t === undefined ? undefined : render(t); };
import torch from '../fixtures/torch-cases.json';

describe('optimizer oracle (course/optimizers/hidden/oracle.ts) against PyTorch', () => {
  const map: Record<string, OptimizerName> = { 'SGD:lr': 'sgd', 'SGD:lr,momentum': 'momentum', 'SGD:lr,momentum,nesterov': 'nesterov', 'Adagrad:lr': 'adagrad', 'RMSprop:lr': 'rmsprop', 'Adam:lr': 'adam' };
  const cases = torch.optim.filter((c) => `${c.optimizer}:${Object.keys(c.options).sort().join(',')}` in map);

  test('covers every factory on both problems', () => {
    expect(cases.length).toBe(12);
  });

  test.each(cases.map((c) => [`${c.optimizer} ${JSON.stringify(c.options)} ${c.problem}`, c] as const))('%s', (_name, c) => {
    const name = map[`${c.optimizer}:${Object.keys(c.options).sort().join(',')}`];
    const o = c.options as { lr: number; momentum?: number };
    const quadratic = c.problem === 'quadratic';
    const x0 = (quadratic ? (c.x0 as number[][])[0] : c.x0) as number[];
    const problem = quadratic ? { kind: 'quadratic' as const, a: c.a as number[], c: c.c as number[] } : { kind: 'rosenbrock' as const };
    const points = trajectory(name, { lr: o.lr, momentum: o.momentum }, x0, c.steps, { problem });
    for (const [step, value] of Object.entries(c.checkpoints)) {
      const expected = (quadratic ? (value as number[][])[0] : value) as number[];
      expect(deepClose(points[Number(step)], expected, { rel: 1e-7, abs: 1e-12 }), `step ${step}`).toBe(true);
    }
  });
});

describe('dual-number oracle against PyTorch (micrograd expressions)', () => {
  test('covers micrograd’s three expressions', () => {
    expect(torch.value.map((c) => c.name)).toEqual(['sanity_check', 'more_ops', 'transcendental']);
  });

  test.each(torch.value.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const s = SCENARIOS[name];
    const exact = exactGradient(s.build, s.inputs);
    expect(isClose(exact.data, c.out, { rel: 1e-12 })).toBe(true);
    const grads = c.grads as unknown as Record<string, number>;
    s.names.forEach((n, i) => expect(isClose(exact.grads[i], grads[n], { rel: 1e-12 }), n).toBe(true));
  });
});

describe('the public graders’ expectations (course/<exercise>/cases.json) against the oracles', () => {
  const scenarios = autogradCases.scenarios as Record<string, { inputs: number[]; data: number; grads: number[] }>;

  test('every autograd scenario has PyTorch’s values, and nothing else is there', () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  test.each(Object.keys(SCENARIOS))('autograd scenario %s: dual numbers give PyTorch’s value and gradients', (name) => {
    const s = SCENARIOS[name];
    const exact = exactGradient(s.build, s.inputs);
    expect(scenarios[name].inputs).toEqual(s.inputs);
    expect(isClose(exact.data, scenarios[name].data, { rel: 1e-12 }), `${name}: ${exact.data} vs ${scenarios[name].data}`).toBe(true);
    expect(deepClose(exact.grads, scenarios[name].grads, { rel: 1e-11, abs: 1e-14 }), `${name}: ${exact.grads} vs ${scenarios[name].grads}`).toBe(true);
  });

  interface Run {
    factory: OptimizerName;
    options: OptimizerOptions;
    x0: number[];
    steps: number;
    grads?: number[][];
    problem?: Problem;
    points?: number[][];
    checkpoints?: Record<string, number[]>;
  }
  const { torch: onProblems, runs } = optimizerCases as unknown as { torch: Run[]; runs: Record<string, Run> };

  test('the optimizer fixture covers every factory on both problems and every run the grader names', () => {
    expect(onProblems.map((r) => `${r.factory} ${r.problem!.kind}`).sort()).toEqual(
      ['adagrad', 'adam', 'momentum', 'nesterov', 'rmsprop', 'sgd'].flatMap((f) => [`${f} quadratic`, `${f} rosenbrock`]).sort(),
    );
    expect(Object.keys(runs).length).toBe(18);
  });

  test.each([...onProblems.map((r) => [`${r.factory} on ${r.problem!.kind}`, r] as const), ...Object.entries(runs)])('%s: the hidden oracle gives torch’s points', (_name, r) => {
    const source = r.grads !== undefined ? { grads: r.grads } : { problem: r.problem! };
    const points = trajectory(r.factory, r.options, r.x0, r.steps, source);
    const expected = r.points ?? [];
    for (const [k, p] of r.points !== undefined ? expected.map((p, k) => [k, p] as const) : Object.entries(r.checkpoints!).map(([k, p]) => [Number(k), p] as const)) {
      expect(deepClose(points[k], p, { rel: 1e-9, abs: 1e-15 }), `point ${k}: ${points[k]} vs ${p}`).toBe(true);
    }
  });
});

describe('plain-data schemas', () => {
  test('accept the right shapes', () => {
    expect(validate([1, NaN, Infinity], numbers(3)).ok).toBe(true);
    expect(validate([[1, 2], [3, 4]], matrix(2, 2)).ok).toBe(true);
    expect(validate({ dw: [1], db: 2 }, record({ dw: numbers(1), db: num })).ok).toBe(true);
    expect(validate({ a: 1 }, record({ a: num, b: optional(str) })).ok).toBe(true);
  });

  test('say what is wrong', () => {
    const reason = (v: unknown, s: Parameters<typeof validate>[1]) => render((validate(v, s) as { reason: Text }).reason);
    expect(reason('4', num)).toBe('it is a string "4"');
    expect(reason(undefined, num)).toBe('it is undefined');
    expect(reason([1, 2], numbers(3))).toBe('it has length 2 instead of 3 ([1, 2])');
    expect(reason([1, '2'], numbers())).toBe('entry 1: it is a string "2"');
    expect(reason([[1], [2, 3]], matrix(2, 1))).toBe('row 1: it has length 2 instead of 1 ([2, 3])');
    // eslint-disable-next-line no-sparse-arrays
    expect(reason([1, , 3], numbers(3))).toBe('entry 1 is missing (a hole in the array)');
    expect(reason({ dw: [1] }, record({ dw: numbers(1), db: num }))).toBe('it has no field db');
    expect(reason(new Float64Array(2), numbers(2))).toBe('it is a Float64Array');
    expect(render(numbers(3).what)).toBe('an array of 3 numbers');
    expect(render(arrayOf(numbers()).what)).toBe('an array of arrays of numbers');
  });

  test('describeReceived and formatCall', () => {
    expect(render(describeReceived(NaN))).toBe('NaN');
    expect(render(describeReceived([1, 2]))).toBe('an array of length 2 ([1, 2])');
    expect(render(describeReceived(null))).toBe('null');
    expect(formatCall('mse', [[0.123456789, 1], [2, 3]])).toBe('mse([0.123457, 1], [2, 3])');
  });
});

describe('count guards on the graders’ fixtures (kit/grade/api/fixtures.ts)', () => {
  test('a loop gets its cases only when there are exactly as many as the grader expects', () => {
    expect(exactly([1, 2, 3], 3, 'cases')).toEqual([1, 2, 3]);
    expect(() => exactly([], 5, 'PyTorch mse cases')).toThrow('grader fixture: expected 5 PyTorch mse cases, found 0');
    expect(() => exactly([1, 2], 3, 'cases')).toThrow('expected 3 cases, found 2');
    expect(() => exactly(undefined, 3, 'cases')).toThrow('expected 3 cases, found 0');
  });

  test('a missing entry of a fixture table is a grader error, not a pass', () => {
    expect(entry({ a: 1 }, 'a', 'scenario')).toBe(1);
    expect(() => entry({ a: 1 }, 'b', 'scenario')).toThrow('grader fixture: no scenario "b"');
    expect(() => entry({ a: 1 }, 'toString', 'scenario')).toThrow('no scenario "toString"');
  });
});

describe('feedback helpers', () => {
  test('isClose uses a relative tolerance with an absolute floor', () => {
    expect(isClose(1, 1 + 1e-10)).toBe(true);
    expect(isClose(1, 1 + 1e-8)).toBe(false);
    expect(isClose(1e-14, 0)).toBe(true);
    expect(isClose(Infinity, Infinity)).toBe(true);
    expect(isClose(NaN, NaN)).toBe(false);
  });

  test('feedbackText aligns the lines', () => {
    expect(feedbackText({ input: 'f(1)', expected: '2', received: '3', hint: 'h' })).toBe('input:    f(1)\nexpected: 2\nreceived: 3\nhint:     h');
  });

  test('hints: the grader’s own first, then sign, factor 2 and NaN', () => {
    expect(pickHint(4, 4 / 3, [[4, 'sum']])).toBe('sum');
    expect(pickHint(-2, 2)).toBe('the sign is flipped');
    expect(pickHint([2, 4], [1, 2])).toBe('twice the expected value: an extra factor 2?');
    expect(pickHint(0.5, 1)).toBe('half the expected value: a missing factor 2?');
    expect(pickHint(NaN, 1)).toMatch(/^NaN: arithmetic on a whole array .* otherwise NaN comes from 0\/0/);
    expect(pickHint([1, NaN], [1, 2])).toMatch(/^NaN comes from/);
    expect(pickHint(7, 1)).toBeUndefined();
  });

  test('checkClose throws Feedback with input, expected, received and the first difference', () => {
    let error: unknown;
    try {
      checkClose([1, 2, 3], [1, 2, 4], { input: 'f()' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Feedback);
    expect((error as Error).message).toBe('input:    f()\nexpected: [1, 2, 4]\nreceived: [1, 2, 3]\n          first difference at entry 2: expected 4, received 3');
  });

  test('receive turns a failed call into feedback with a hint', () => {
    expect(() => receive({ ok: false, problem: "threw Error: TODO: implement mse" }, num, { input: 'mse()' })).toThrow(
      "input:    mse()\nproblem:  threw Error: TODO: implement mse\nhint:     not implemented yet: replace the throw new Error('TODO: …') with your code",
    );
  });
});
