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
import { displayWidth, messages, padDisplay, render, type Catalogue, type Text } from '../i18n/catalogue';

/**
/**
 * The hints for habits from Python and NumPy live in the catalogues (`habits`): in TypeScript,
 * `a - b`, `2 * a` and `a ** 2` on arrays give NaN (or, with `+`, a string), not an array: a NaN
 * number where an array was expected is almost always that.
 */
/** The English habit hints (each language's are its catalogue's `habits`). */
export const HABIT_HINTS = messages('en').habits;

const PYTHON_CONSTANTS: Record<string, string> = { True: 'true', False: 'false', None: 'null (or undefined)' };

/** The hint for "X is not defined" when X is a Python or NumPy habit. */
function habitHint(name: string): Text | undefined {
  if (name === 'len') return (m) => m.habits.len;
  if (name === 'range') return (m) => m.habits.range;
  if (name === 'np' || name === 'numpy' || name === 'torch') return (m) => m.habits.numpy;
  if (name === 'sum') return (m) => m.habits.sum;
  if (name === 'print') return (m) => m.habits.print;
  if (/^(abs|exp|log|sqrt|max|min|pow|floor|ceil|round|tanh)$/.test(name)) return (m) => m.habits.math(name);
  const ts = PYTHON_CONSTANTS[name];
  if (ts !== undefined) return (m) => m.habits.python(name, ts);
  return undefined;
}

/**
 * A failed check. `descentFeedback` lets the engine recognise it across module copies;
 * `descentText` is the feedback to render in the student's language (the message is its English).
 */
export class Feedback extends Error {
  readonly descentFeedback = true;
  readonly descentText: Text;
  constructor(text: Text) {
    super(render(text, messages('en')));
    this.descentText = text;
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
export type Hint<T> = readonly [T, Text] | ((received: T) => Text | undefined);

export interface Case<T> {
  /** The call as the student would write it, e.g. "mse([1, 2], [1, 3])". */
  input: string;
  hints?: ReadonlyArray<Hint<T>>;
  tol?: Tolerance;
  /** Overrides how the expected value is shown. */
  expectedText?: Text;
}

export interface FeedbackLines {
  input: Text;
  expected?: Text;
  received?: Text;
  problem?: Text;
  hint?: Text;
  /** Where the received value first differs from the expected one, shown under it. */
  difference?: Text;
}

/** Formats the aligned feedback block in the catalogue's language (English by default). */
export function feedbackText(lines: FeedbackLines, m: Catalogue = messages('en')): string {
  const rows: Array<[string, Text | undefined]> = [
    [m.feedback.input, lines.input],
    [m.feedback.problem, lines.problem],
    [m.feedback.expected, lines.expected],
    [m.feedback.received, lines.received],
    [m.feedback.hint, lines.hint],
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  const out: string[] = [];
  for (const [label, text] of rows) {
    if (text === undefined) continue;
    out.push(`${padDisplay(`${label}:`, width)}${render(text, m)}`);
    if (label === m.feedback.received && lines.difference !== undefined) {
      out.push(`${' '.repeat(width)}${m.feedback.firstDifference(render(lines.difference, m))}`);
    }
  }
  return out.join('\n');
}

/** Fails the current check with the given feedback. */
export function fail(lines: FeedbackLines): never {
  throw new Feedback((m) => feedbackText(lines, m));
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
export function firstDifference(received: unknown, expected: unknown, tol: Tolerance = DEFAULT_TOLERANCE): Text | undefined {
  if (!Array.isArray(expected) || !Array.isArray(received)) return undefined;
  for (let i = 0; i < expected.length; i++) {
    if (!deepClose(received[i], expected[i], tol)) {
      const inner = firstDifference(received[i], expected[i], tol);
      const row = Array.isArray(expected[i]);
      const here = (m: Catalogue): string => (row ? m.feedback.row(i) : m.feedback.entry(i));
      const [e, r] = [formatValue(expected[i]), formatValue(received[i])];
      return inner === undefined ? (m) => m.feedback.differs(here(m), e, r) : (m) => `${here(m)}, ${render(inner, m)}`;
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
export function pickHint<T>(received: T, expected: T | undefined, hints: ReadonlyArray<Hint<T>> = [], tol?: Tolerance): Text | undefined {
  for (const hint of hints) {
    if (typeof hint === 'function') {
      const text = hint(received);
      if (text !== undefined) return text;
    } else if (deepClose(received, hint[0], tol)) {
      return hint[1];
    }
  }
  const nonFinite = containsNonFinite(received);
  if (nonFinite === 'NaN' && typeof received === 'number') return (m) => m.habits.scalarNaN;
  if (nonFinite === 'NaN') {
    return (m) => m.hints.nan;
  }
  if (nonFinite === 'Infinity' && containsNonFinite(expected) === undefined) {
    return (m) => m.hints.overflow;
  }
  if (expected !== undefined && !isZero(expected)) {
    if (deepClose(received, scale(expected, -1), tol)) return (m) => m.hints.sign;
    if (deepClose(received, scale(expected, 2), tol)) return (m) => m.hints.twice;
    if (deepClose(received, scale(expected, 0.5), tol)) return (m) => m.hints.half;
  }
  return undefined;
}

/** The hint for a call that did not return normally. */
export function problemHint(problem: string): Text | undefined {
  if (/TODO/.test(problem)) return (m) => m.hints.todo;
  const undefinedName = /ReferenceError: ([A-Za-z_$][\w$]*) is not defined/.exec(problem)?.[1];
  const habit = undefinedName === undefined ? undefined : habitHint(undefinedName);
  if (habit !== undefined) return habit;
  const key = ((): keyof Catalogue['hints'] | undefined => {
    if (/timed out/.test(problem)) return 'timeout';
    if (/out of memory/.test(problem)) return 'memory';
    if (/cannot be copied/.test(problem)) return 'copy';
    if (/which grading does not allow/.test(problem)) return 'forbidden';
    if (/exited the process/.test(problem)) return 'exit';
    if (/Cannot (assign to read only property|add property|redefine property|delete property|define property)/.test(problem)) return 'frozen';
    if (/Maximum call stack size exceeded/.test(problem)) return 'recursion';
    if (/can be sent back|too long|nested more than|contains itself/.test(problem)) return 'tooBig';
    return undefined;
  })();
  return key === undefined ? undefined : (m) => m.hints[key];
}

/** The hint for a value of the wrong kind: a NaN number or a string where an array was expected is array arithmetic. */
function shapeHint(value: unknown, schema: Schema<unknown>): Text | undefined {
  const what = render(schema.what, messages('en'));
  if (!/^an? (array|\d+ ×|n ×)/.test(what) && !/array/.test(what)) return undefined;
  if (typeof value === 'number' && Number.isNaN(value)) return (m) => m.habits.arrayArithmetic;
  if (typeof value === 'string' && /\d,/.test(value)) return (m) => m.habits.arrayPlus;
  return undefined;
}

/** Unwraps an outcome and checks its type; throws Feedback on a problem or a wrong type. */
export function receive<T>(outcome: Outcome, schema: Schema<T>, c: { input: Text; expected?: Text }): T {
  if (!outcome.ok) fail({ input: c.input, problem: outcome.problem, hint: problemHint(outcome.problem) });
  const checked = validate(outcome.value, schema);
  if (!checked.ok) {
    fail({ input: c.input, expected: c.expected ?? schema.what, received: checked.reason, hint: shapeHint(outcome.value, schema) });
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
    received: formatValue(got),
    difference: where,
    hint: pickHint(got, expected, c.hints, tol),
  });
}

/** Requires a condition on received data, with feedback when it does not hold. */
export function expectThat(condition: boolean, lines: FeedbackLines): void {
  if (!condition) fail(lines);
}
