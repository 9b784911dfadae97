/**
 * Input checks shared by the whole library. Every check throws early with a message that names
 * the argument, what was expected and what was received, e.g.
 * `SGD: lr must be a finite number >= 0, received -0.1`.
 */

/** A short, readable rendering of any received value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const head = value.slice(0, 6).map(describe).join(', ');
    return `[${head}${value.length > 6 ? ', …' : ''}] (array of length ${value.length})`;
  }
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as Float64Array).length}`;
  if (typeof value === 'object') {
    const ctor = (value as object).constructor;
    const name = ctor && ctor !== Object ? ctor.name : 'object';
    const text = String(value);
    return text.startsWith('[object') ? name : `${name} ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
  }
  return `${typeof value} ${String(value)}`;
}

/** `lr must be a finite number >= 0, received -0.1` — the message shape used everywhere. */
export function expected(where: string, name: string, what: string, received: unknown): string {
  return `${where}: ${name} must be ${what}, received ${describe(received)}`;
}

export function checkFinite(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(expected(where, name, 'a number', value));
  if (!Number.isFinite(value)) throw new RangeError(expected(where, name, 'a finite number', value));
  return value;
}

export function checkNonNegative(where: string, name: string, value: unknown): number {
  const x = checkFinite(where, name, value);
  if (x < 0) throw new RangeError(expected(where, name, 'a finite number >= 0', value));
  return x;
}

/** A number in the closed or half-open interval [lo, hi] / [lo, hi). */
export function checkInRange(
  where: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
  hiOpen = false,
): number {
  const x = checkFinite(where, name, value);
  if (x < lo || x > hi || (hiOpen && x === hi)) {
    throw new RangeError(expected(where, name, `a number in [${lo}, ${hi}${hiOpen ? ')' : ']'}`, value));
  }
  return x;
}

export function checkInteger(where: string, name: string, value: unknown, min = 0): number {
  if (typeof value !== 'number') throw new TypeError(expected(where, name, `an integer >= ${min}`, value));
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(expected(where, name, `an integer >= ${min}`, value));
  }
  return value;
}

export function checkBoolean(where: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(expected(where, name, 'true or false', value));
  return value;
}

/**
 * Rejects option names that are not known, so a misspelt `weight_decay` fails instead of being
 * ignored: `Adam: unknown option "weight_decay"; expected one of lr, betas, eps, weightDecay, amsgrad`.
 */
export function checkOptions(where: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(expected(where, 'options', 'an object', options));
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const hint = known.find((k) => k.toLowerCase() === key.replace(/_/g, '').toLowerCase());
      throw new TypeError(
        `${where}: unknown option ${JSON.stringify(key)}${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
          `expected one of ${known.join(', ')}`,
      );
    }
  }
}
