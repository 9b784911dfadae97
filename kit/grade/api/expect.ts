/**
 * Assertions used by the graders (course/<exercise>/grader.ts). They run on the trusted side, on
 * plain data that crossed the boundary, and throw a Feedback error whose message teaches:
 *
 *   input:    mse([1, 2, 5], [1, 2, 3])
 *   expected: 1.3333333333333333
 *   received: 4
 *   hint:     looks like the sum, not the mean: did you forget to divide by n?
 */
import type { Outcome } from './grader';
import { formatValue, matrix, num, numbers, Schema, validate } from './plain';

/**
 * The hints for habits from Python and NumPy (one place, for the catalogues of other languages).
 * In TypeScript, `a - b`, `2 * a` and `a ** 2` on arrays give NaN (or, with `+`, a string), not an
 * array: a NaN number where an array was expected is almost always that.
 */
export const HABIT_HINTS = {
  arrayArithmetic: 'arithmetic on whole arrays gives NaN in TypeScript: (2 / n) * (yHat - y) is not element-wise as in NumPy. Compute each entry, e.g. yHat.map((p, i) => (2 / n) * (p - y[i]))',
  arrayPlus: '+ on arrays joins them into a string in TypeScript, it does not add them: add entry by entry, e.g. a.map((v, i) => v + b[i])',
  scalarNaN: 'NaN: arithmetic on a whole array (a - b, 2 * a, a ** 2) gives NaN in TypeScript — compute entry by entry (a.map((v, i) => v - b[i])); otherwise NaN comes from 0/0, Infinity − Infinity, 0 · Infinity or the log of a negative number',
  len: 'TypeScript has no len(): use the array\'s .length (e.g. y.length)',
  range: 'TypeScript has no range(): count with a loop, for (let i = 0; i < n; i++) { … }',
  numpy: 'there is no NumPy here: work on the arrays entry by entry (a loop, or a.map((v, i) => …))',
  sum: 'TypeScript has no sum(): add in a loop, or a.reduce((s, v) => s + v, 0)',
  math: 'TypeScript has no {name}(): use Math.{name}(…)',
  print: 'print() is Python: use console.log(…)',
  python: '{name} is Python: TypeScript writes {ts}',
} as const;

const PYTHON_CONSTANTS: Record<string, string> = { True: 'true', False: 'false', None: 'null (or undefined)' };

/** The hint for "X is not defined" when X is a Python or NumPy habit. */
function habitHint(name: string): string | undefined {
  if (name === 'len') return HABIT_HINTS.len;
  if (name === 'range') return HABIT_HINTS.range;
  if (name === 'np' || name === 'numpy' || name === 'torch') return HABIT_HINTS.numpy;
  if (name === 'sum') return HABIT_HINTS.sum;
  if (name === 'print') return HABIT_HINTS.print;
  if (/^(abs|exp|log|sqrt|max|min|pow|floor|ceil|round|tanh)$/.test(name)) return HABIT_HINTS.math.replace(/\{name\}/g, name);
  if (PYTHON_CONSTANTS[name] !== undefined) return HABIT_HINTS.python.replace('{name}', name).replace('{ts}', PYTHON_CONSTANTS[name]);
  return undefined;
}

/** A failed check. `descentFeedback` lets the engine recognise it across module copies. */
export class Feedback extends Error {
  readonly descentFeedback = true;
  constructor(message: string) {
    super(message);
    this.name = 'Feedback';
  }
}

export interface Tolerance {
  /** Relative tolerance (default 1e-9). */
  rel?: number;
  /** Absolute floor, for values near 0 (default 1e-12). */
  abs?: number;
}

export const DEFAULT_TOLERANCE: Required<Tolerance> = { rel: 1e-9, abs: 1e-12 };

/** A known mistake: the value it would produce and what to say, or a function of the received value. */
export type Hint<T> = readonly [T, string] | ((received: T) => string | undefined);

export interface Case<T> {
  /** The call as the student would write it, e.g. "mse([1, 2], [1, 3])". */
  input: string;
  hints?: ReadonlyArray<Hint<T>>;
  tol?: Tolerance;
  /** Overrides how the expected value is shown. */
  expectedText?: string;
}

export interface FeedbackLines {
  input: string;
  expected?: string;
  received?: string;
  problem?: string;
  hint?: string;
}

/** Formats the aligned feedback block. */
export function feedbackText(lines: FeedbackLines): string {
  const out = [`input:    ${lines.input}`];
  if (lines.problem !== undefined) out.push(`problem:  ${lines.problem}`);
  if (lines.expected !== undefined) out.push(`expected: ${lines.expected}`);
  if (lines.received !== undefined) out.push(`received: ${lines.received}`);
  if (lines.hint !== undefined) out.push(`hint:     ${lines.hint}`);
  return out.join('\n');
}

/** Fails the current check with the given feedback. */
export function fail(lines: FeedbackLines): never {
  throw new Feedback(feedbackText(lines));
}

export function isClose(a: number, b: number, tol: Tolerance = DEFAULT_TOLERANCE): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const rel = tol.rel ?? DEFAULT_TOLERANCE.rel;
  const abs = tol.abs ?? DEFAULT_TOLERANCE.abs;
  return Math.abs(a - b) <= Math.max(rel * Math.max(Math.abs(a), Math.abs(b)), abs);
}

/** Element-wise closeness of numbers, arrays and nested arrays of the same shape. */
export function deepClose(received: unknown, expected: unknown, tol: Tolerance = DEFAULT_TOLERANCE): boolean {
  if (typeof expected === 'number') return typeof received === 'number' && isClose(received, expected, tol);
  if (Array.isArray(expected)) {
    if (!Array.isArray(received) || received.length !== expected.length) return false;
    return expected.every((e, i) => deepClose(received[i], e, tol));
  }
  return false;
}

/** Where two same-shaped values first differ, e.g. "entry 2" or "row 1, entry 0". */
export function firstDifference(received: unknown, expected: unknown, tol: Tolerance = DEFAULT_TOLERANCE): string | undefined {
  if (!Array.isArray(expected) || !Array.isArray(received)) return undefined;
  for (let i = 0; i < expected.length; i++) {
    if (!deepClose(received[i], expected[i], tol)) {
      const inner = firstDifference(received[i], expected[i], tol);
      const here = Array.isArray(expected[i]) ? `row ${i}` : `entry ${i}`;
      return inner === undefined
        ? `${here}: expected ${formatValue(expected[i])}, received ${formatValue(received[i])}`
        : `${here}, ${inner}`;
    }
  }
  return undefined;
}

function containsNonFinite(value: unknown): 'NaN' | 'Infinity' | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? undefined : 'Infinity';
  if (Array.isArray(value)) {
    let found: 'NaN' | 'Infinity' | undefined;
    for (const v of value) {
      const inner = containsNonFinite(v);
      if (inner === 'NaN') return 'NaN';
      if (inner !== undefined) found = inner;
    }
    return found;
  }
  return undefined;
}

function scale(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return value * factor;
  if (Array.isArray(value)) return value.map((v) => scale(v, factor));
  return value;
}

function isZero(value: unknown): boolean {
  if (typeof value === 'number') return value === 0;
  if (Array.isArray(value)) return value.every(isZero);
  return false;
}

/** The first hint that matches: the grader's own, then generic ones (sign, factor 2, NaN). */
export function pickHint<T>(received: T, expected: T | undefined, hints: ReadonlyArray<Hint<T>> = [], tol?: Tolerance): string | undefined {
  for (const hint of hints) {
    if (typeof hint === 'function') {
      const text = hint(received);
      if (text !== undefined) return text;
    } else if (deepClose(received, hint[0], tol)) {
      return hint[1];
    }
  }
  const nonFinite = containsNonFinite(received);
  if (nonFinite === 'NaN' && typeof received === 'number') return HABIT_HINTS.scalarNaN;
  if (nonFinite === 'NaN') {
    return 'NaN comes from 0/0, Infinity − Infinity, 0 · Infinity or the log of a negative number: look for one of those';
  }
  if (nonFinite === 'Infinity' && containsNonFinite(expected) === undefined) {
    return 'something overflowed to Infinity (e.g. exp of a large number, or log(0)): the expected value is finite';
  }
  if (expected !== undefined && !isZero(expected)) {
    if (deepClose(received, scale(expected, -1), tol)) return 'the sign is flipped';
    if (deepClose(received, scale(expected, 2), tol)) return 'twice the expected value: an extra factor 2?';
    if (deepClose(received, scale(expected, 0.5), tol)) return 'half the expected value: a missing factor 2?';
  }
  return undefined;
}

/** The hint for a call that did not return normally. */
export function problemHint(problem: string): string | undefined {
  if (/TODO/.test(problem)) return "not implemented yet: replace the throw new Error('TODO: …') with your code";
  const undefinedName = /ReferenceError: ([A-Za-z_$][\w$]*) is not defined/.exec(problem)?.[1];
  const habit = undefinedName === undefined ? undefined : habitHint(undefinedName);
  if (habit !== undefined) return habit;
  if (/timed out/.test(problem)) return 'an endless loop? check the loop conditions and that every loop makes progress';
  if (/out of memory/.test(problem)) return 'something grows without bound: an array that is never emptied, or a loop that never ends';
  if (/cannot be copied/.test(problem)) return 'return plain numbers and arrays (no functions, no Promises)';
  if (/which grading does not allow/.test(problem)) return 'exercise functions only compute: no files, processes, network or messages to the grader';
  if (/exited the process/.test(problem)) return 'return the value instead of ending the program';
  if (/Cannot (assign to read only property|add property|redefine property|delete property|define property)/.test(problem)) {
    return 'built-ins (Math, Object, JSON, Array.prototype, …) are frozen while grading: leave them as they are';
  }
  if (/Maximum call stack size exceeded/.test(problem)) return 'a recursion that never stops: check its base case';
  if (/can be sent back|too long|nested more than|contains itself/.test(problem)) return 'return the numbers the exercise asks for, nothing more';
  return undefined;
}

/** The hint for a value of the wrong kind: a NaN number or a string where an array was expected is array arithmetic. */
function shapeHint(value: unknown, schema: Schema<unknown>): string | undefined {
  if (!/^an? (array|\d+ ×|n ×)/.test(schema.what) && !/array/.test(schema.what)) return undefined;
  if (typeof value === 'number' && Number.isNaN(value)) return HABIT_HINTS.arrayArithmetic;
  if (typeof value === 'string' && /\d,/.test(value)) return HABIT_HINTS.arrayPlus;
  return undefined;
}

/** Unwraps an outcome and checks its type; throws Feedback on a problem or a wrong type. */
export function receive<T>(outcome: Outcome, schema: Schema<T>, c: { input: string; expected?: string }): T {
  if (!outcome.ok) fail({ input: c.input, problem: outcome.problem, hint: problemHint(outcome.problem) });
  const checked = validate(outcome.value, schema);
  if (!checked.ok) {
    fail({ input: c.input, expected: c.expected ?? schema.what, received: `${checked.reason}`, hint: shapeHint(outcome.value, schema) });
  }
  return checked.value;
}

function schemaFor(expected: unknown): Schema<unknown> {
  if (typeof expected === 'number') return num;
  if (Array.isArray(expected) && expected.every((e) => typeof e === 'number')) return numbers(expected.length);
  if (Array.isArray(expected) && expected.every(Array.isArray)) {
    const cols = new Set(expected.map((row) => (row as unknown[]).length));
    return matrix(expected.length, cols.size === 1 ? (expected[0] as unknown[]).length : undefined);
  }
  throw new TypeError(`expectClose: expected must be a number, number[] or number[][], received ${formatValue(expected)}`);
}

/**
 * The outcome must be a number / array / matrix of the same shape as `expected`, each entry within
 * the tolerance. Returns the received value.
 */
export function expectClose<T extends number | number[] | number[][]>(outcome: Outcome, expected: T, c: Case<T>): T {
  const got = receive(outcome, schemaFor(expected), { input: c.input }) as T;
  checkClose(got, expected, c);
  return got;
}

/** Compares already-received plain data with `expected`; throws Feedback when they differ. */
export function checkClose<T>(got: T, expected: T, c: Case<T>): void {
  const tol = c.tol ?? DEFAULT_TOLERANCE;
  if (deepClose(got, expected, tol)) return;
  const where = firstDifference(got, expected, tol);
  fail({
    input: c.input,
    expected: c.expectedText ?? formatValue(expected),
    received: where === undefined ? formatValue(got) : `${formatValue(got)}\n          first difference at ${where}`,
    hint: pickHint(got, expected, c.hints, tol),
  });
}

/** Requires a condition on received data, with feedback when it does not hold. */
export function expectThat(condition: boolean, lines: FeedbackLines): void {
  if (!condition) fail(lines);
}
