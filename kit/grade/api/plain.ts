/**
 * Plain data on the trusted side of the grading boundary: describing what a submission returned
 * and checking its type before any comparison. Only structured-clone data ever reaches this code
 * (numbers, strings, booleans, null/undefined, arrays, plain objects), never a student object.
 */
import { render, type Text } from '../i18n/catalogue';

/** "a number 3", "NaN", "an array of length 2 ([1, 2])", "undefined", "a string "x"", … (in the student's language when rendered). */
export function describeReceived(value: unknown): Text {
  if (value === null) return (m) => m.shape.nullValue;
  if (value === undefined) return (m) => m.shape.undefinedValue;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : (m) => m.shape.number(formatNumber(value));
  if (typeof value === 'string') return (m) => m.shape.string(JSON.stringify(truncate(value, 60)));
  if (typeof value === 'boolean') return (m) => m.shape.boolean(value);
  if (Array.isArray(value)) return (m) => m.shape.array(value.length, formatValue(value));
  if (ArrayBuffer.isView(value)) return (m) => m.shape.typed(Object.prototype.toString.call(value).slice(8, -1));
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    const kind = value instanceof Number ? 'Number' : value instanceof String ? 'String' : 'Boolean';
    return (m) => m.shape.boxed(kind);
  }
  if (value instanceof Map) return (m) => m.shape.map;
  if (value instanceof Set) return (m) => m.shape.set;
  if (value instanceof Date) return (m) => m.shape.date;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    return keys.length === 0 ? (m) => m.shape.emptyObject : (m) => m.shape.object(keys.slice(0, 6).join(', '));
  }
  const type = typeof value;
  return (m) => m.shape.other(type);
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Shortest round-trip form of a number (what JavaScript prints). */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

/** Readable rendering of plain data: numbers, arrays (first 8 entries) and nested arrays. */
export function formatValue(value: unknown, depth = 0, digits?: number): string {
  if (typeof value === 'number') return digits === undefined ? formatNumber(value) : compactNumber(value, digits);
  if (Array.isArray(value)) {
    if (depth > 3) return '[…]';
    const max = depth === 0 ? 8 : 6;
    const head = value.slice(0, max).map((v) => formatValue(v, depth + 1, digits));
    return `[${head.join(', ')}${value.length > max ? `, … (${value.length} entries)` : ''}]`;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.keys(value)
      .slice(0, 8)
      .map((k) => `${k}: ${formatValue((value as Record<string, unknown>)[k], depth + 1, digits)}`);
    return `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'string') return JSON.stringify(truncate(value, 60));
  return String(value);
}

/** A number with at most `digits` significant digits (for showing inputs): 0.381684, 1e-10. */
export function compactNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return formatNumber(x);
  return String(Number(x.toPrecision(digits)));
}

/** Inputs as a student would type them, numbers shortened to 6 significant digits. */
export function formatInput(value: unknown): string {
  return formatValue(value, 0, 6);
}

/** A type check for plain data: `check` returns undefined when the value fits, else a reason. */
export interface Schema<T> {
  /** What is expected, e.g. "a number", "an array of 3 numbers". */
  readonly what: Text;
  /** undefined when it fits; otherwise what is wrong, e.g. "entry 2 is a string". */
  check(value: unknown): Text | undefined;
  /** Phantom field so that a schema carries its type. */
  readonly __type?: T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const itIs = (v: unknown): Text => (m) => m.shape.itIs(render(describeReceived(v), m));

/** Any number, NaN and ±Infinity included (comparisons report those). */
export const num: Schema<number> = {
  what: (m) => m.shape.aNumber,
  check: (v) => (typeof v === 'number' ? undefined : itIs(v)),
};

/** Any value at all (its entries are checked later, by the caller). */
export const anything: Schema<unknown> = { what: (m) => m.shape.aValue, check: () => undefined };

export const bool: Schema<boolean> = {
  what: (m) => m.shape.aBoolean,
  check: (v) => (typeof v === 'boolean' ? undefined : itIs(v)),
};

export const str: Schema<string> = {
  what: (m) => m.shape.aString,
  check: (v) => (typeof v === 'string' ? undefined : itIs(v)),
};

/** An array of items; with `length`, exactly that many. */
export function arrayOf<T>(item: Schema<T>, length?: number): Schema<T[]> {
  return {
    what: (m) => m.shape.arrayOf(render(item.what, m), length),
    check(v) {
      if (!Array.isArray(v)) return itIs(v);
      if (length !== undefined && v.length !== length) {
        const n = v.length;
        return (m) => m.shape.wrongLength(n, length, formatValue(v));
      }
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return (m) => m.shape.hole(i);
        const problem = item.check(v[i]);
        if (problem !== undefined) return (m) => m.shape.atEntry(i, render(problem, m));
      }
      return undefined;
    },
  };
}

/** Number arrays, optionally of a given length. */
export function numbers(length?: number): Schema<number[]> {
  return arrayOf(num, length);
}

/** A rows × cols matrix (array of number arrays); either size may be left open. */
export function matrix(rows?: number, cols?: number): Schema<number[][]> {
  const inner = arrayOf(num, cols);
  return {
    what: (m) => m.shape.matrix(String(rows ?? 'n'), String(cols ?? 'm')),
    check(v) {
      if (!Array.isArray(v)) return itIs(v);
      if (rows !== undefined && v.length !== rows) {
        const n = v.length;
        return (m) => m.shape.wrongLength(n, rows, formatValue(v));
      }
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return (m) => m.shape.hole(i);
        const problem = inner.check(v[i]);
        if (problem !== undefined) return (m) => m.shape.atRow(i, render(problem, m));
      }
      return undefined;
    },
  };
}

/** A plain object with (at least) the given fields. */
export function record<T>(fields: { [K in keyof T]: Schema<T[K]> }): Schema<T> {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  return {
    what: (m) => m.shape.record(keys.join(', ')),
    check(v) {
      if (!isPlainObject(v)) return itIs(v);
      for (const key of keys) {
        if (!(key in v)) {
          if (fields[key].check(undefined) === undefined) continue;
          return (m) => m.shape.noField(key);
        }
        const problem = fields[key].check(v[key]);
        if (problem !== undefined) return (m) => m.shape.atField(key, render(problem, m));
      }
      return undefined;
    },
  };
}

/** Either a value of the schema or undefined/null (optional observations of a driver). */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return {
    what: (m) => m.shape.optional(render(inner.what, m)),
    check: (v) => (v === undefined || v === null ? undefined : inner.check(v)),
  };
}

/** Validates `value` against `schema`; the reason when it does not fit (render it in the student's language). */
export function validate<T>(value: unknown, schema: Schema<T>): { ok: true; value: T } | { ok: false; reason: Text } {
  const reason = schema.check(value);
  return reason === undefined ? { ok: true, value: value as T } : { ok: false, reason };
}

/** A call as the student would write it: mse([1, 2], [1, 3]). */
export function formatCall(fn: string, args: unknown[]): string {
  return `${fn}(${args.map((a) => formatInput(a)).join(', ')})`;
}
