/**
 * Reading an answer that crossed the grading boundary. An answer arrives as structured-clone bytes
 * (V8's ValueSerializer format, format versions 13–15, as Node's `v8.serialize` writes it), and
 * `v8.deserialize` must never see them: a few kilobytes can claim arrays of millions of slots or
 * share one part a million times, and its decoding alone exhausts the heap. This reader decodes
 * them itself, under limits that hold before anything is allocated:
 *
 *   - arrays are dense: every entry present (a sparse array claiming length 10⁹ is refused before
 *     a slot is made: each entry must be in the bytes);
 *   - at most `maxValues` values in all, a shared part counted every time it appears (so a DAG
 *     that doubles at each level cannot expand behind the graders' back), strings and buffers
 *     counted by their size;
 *   - nesting at most `maxDepth` deep, no cycles, object keys at most `maxKeyLength` characters;
 *   - only plain data: primitives, arrays, objects, Map, Set, Date, RegExp, errors, boxed
 *     primitives, ArrayBuffers and typed arrays. Anything else is refused.
 *
 * It never throws: every outcome is `{ ok: true, value }` or `{ ok: false, problem }`. The memory it
 * uses is proportional to the bytes it is given. Its only import is the byte level of the format
 * (clone-format.ts): the sandbox child runs the same code on each answer before it sends it
 * (child.ts bundles both files), and the trusted process runs it again on what it receives.
 */
import { bigintOf, CloneBytes, stringOf, Unreadable } from './clone-format';

export interface AnswerLimits {
  /** Deepest nesting of arrays and objects (default 64). */
  maxDepth: number;
  /**
   * Values in all, shared parts counted each time they appear (default 1 000 000; the largest honest
   * answer has 60 000): a primitive counts 1 (a string or buffer 1 more per 16 characters or bytes),
   * an array or object 2, a Date, boxed primitive, regular expression, error or buffer 4, a Map or Set 8.
   */
  maxValues: number;
  /** Longest object key, in characters (default 1 000). */
  maxKeyLength: number;
}

export const ANSWER_LIMITS: AnswerLimits = Object.freeze({ maxDepth: 64, maxValues: 1_000_000, maxKeyLength: 1_000 });

export type DecodedAnswer = { ok: true; value: unknown } | { ok: false; problem: string };

/** What a refused answer says, e.g. "returned a value that contains itself (a cycle)". */
class Refusal {
  constructor(readonly problem: string) {}
}

/** Node's host objects (typed arrays and Buffers), by the index Node's serializer writes. */
const VIEW_TYPES: Array<(new (buffer: ArrayBuffer, offset: number, length: number) => ArrayBufferView & { BYTES_PER_ELEMENT?: number }) | undefined> = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array,
  DataView as never, Uint8Array, BigInt64Array, BigUint64Array, (globalThis as { Float16Array?: never }).Float16Array,
];
const ERROR_TYPES: Record<string, ErrorConstructor> = { E: EvalError, R: RangeError, F: ReferenceError, S: SyntaxError, T: TypeError, U: URIError };
const REGEXP_FLAGS = ['g', 'i', 'm', 'y', 'u', 's', '', 'd', 'v'];
const OPEN = -1;
/** What a value costs against maxValues, by what it takes in memory once decoded: a number 1, an array or object 2, … */
const WEIGHT = { object: 2, collection: 8, boxed: 4 };

/** An array index: a canonical integer from 0 to 2³² − 2. */
function isIndex(key: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 0xffffffff;
}

/** Decodes `bytes` (from `v8.serialize`) within `limits`. Never throws. */
export function decodeAnswer(bytes: Uint8Array, limits: AnswerLimits = ANSWER_LIMITS): DecodedAnswer {
  const r = new CloneBytes(bytes);
  let used = 0;
  /** Every object by id, and its size in values once complete (OPEN while it is being read). */
  const objects: unknown[] = [];
  const sizes: number[] = [];

  const unreadable = (why: string): Unreadable => new Unreadable(why);
  function spend(n: number): void {
    used += n;
    if (used > limits.maxValues) {
      throw new Refusal(`returned more than ${limits.maxValues} values in all (parts that appear several times count each time)`);
    }
  }
  /** A string after its tag; `maxLength` refuses a longer one before decoding it. */
  function stringBody(t: string, maxLength = Infinity): string {
    const n = r.varint();
    const length = t === 'c' ? n / 2 : n;
    if (maxLength < Infinity && (t === 'S' ? n > 4 * maxLength : length > maxLength)) {
      throw new Refusal(`returned an object with a key of ${Math.floor(length)} characters (at most ${maxLength})`);
    }
    if (t === 'c' && n % 2 !== 0) throw unreadable('a string has an odd length');
    const data = r.raw(n);
    spend(1 + Math.floor(length / 16));
    return stringOf(t, data);
  }
  function string(): string {
    const t = r.tag();
    if (t !== '"' && t !== 'c' && t !== 'S') throw unreadable('a string was expected');
    return stringBody(t);
  }
  function bigint(): bigint {
    const bitfield = r.varint();
    const n = Math.floor(bitfield / 2);
    if (n > 1024) throw new Refusal(`returned a BigInt of ${n} bytes (at most 1024)`);
    const data = r.raw(n);
    spend(1 + Math.floor(n / 16));
    return bigintOf(data, bitfield % 2 === 1);
  }

  /** Registers a new object (open until `close`) and returns its id. */
  function open(object: unknown): number {
    objects.push(object);
    sizes.push(OPEN);
    return objects.length - 1;
  }
  function close(id: number, usedBefore: number): void {
    sizes[id] = used - usedBefore;
  }
  function leaf<T>(make: () => T): T {
    const before = used;
    const id = open(undefined);
    spend(WEIGHT.boxed);
    const value = make();
    objects[id] = value;
    close(id, before);
    return value;
  }
  function define(target: object, key: string, value: unknown): void {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  }
  /** Key/value pairs up to `endTag`; array indices below `length` become elements. Returns [pairs, elements]. */
  function properties(target: Record<string, unknown>, endTag: string, depth: number, length = -1): [number, number] {
    let pairs = 0;
    let elements = 0;
    while (r.peek() !== endTag) {
      const k = propertyKey();
      const value = read(depth + 1);
      const name = String(k);
      if (length >= 0 && (name === 'length' || isIndex(name))) {
        const index = Number(name);
        if (name === 'length' || index >= length) throw unreadable('an array with entries beyond its length');
        if (!(index in target)) elements += 1;
        target[index] = value;
      } else {
        define(target, name, value);
      }
      pairs += 1;
    }
    r.tag();
    if (r.varint() !== pairs) throw unreadable('the property count does not match');
    return [pairs, elements];
  }
  function propertyKey(): string | number {
    const t = r.tag();
    if (t === 'I') return r.zigzag();
    if (t === 'U') return r.varint();
    if (t === 'N') return r.double();
    if (t === '"' || t === 'c' || t === 'S') {
      const key = stringBody(t, limits.maxKeyLength);
      if (key.length > limits.maxKeyLength) throw new Refusal(`returned an object with a key of ${key.length} characters (at most ${limits.maxKeyLength})`);
      return key;
    }
    throw unreadable('an object key is neither a string nor a number');
  }

  function container(depth: number): void {
    if (depth >= limits.maxDepth) throw new Refusal(`returned a value nested more than ${limits.maxDepth} levels deep`);
  }

  function read(depth: number): unknown {
    const t = r.tag();
    switch (t) {
      case '_': spend(1); return undefined;
      case '0': spend(1); return null;
      case 'T': spend(1); return true;
      case 'F': spend(1); return false;
      case 'I': spend(1); return r.zigzag();
      case 'U': spend(1); return r.varint();
      case 'N': spend(1); return r.double();
      case 'Z': return bigint();
      case '"': case 'c': case 'S': return stringBody(t);
      case '^': {
        const id = r.varint();
        if (id >= objects.length) throw unreadable('a reference to nothing');
        if (sizes[id] === OPEN) throw new Refusal('returned a value that contains itself (a cycle)');
        spend(sizes[id]);
        return objects[id];
      }
      case 'o': {
        container(depth);
        const before = used;
        spend(WEIGHT.object);
        const object: Record<string, unknown> = {};
        const id = open(object);
        properties(object, '{', depth);
        close(id, before);
        return object;
      }
      case 'A': case 'a': {
        container(depth);
        const length = r.varint();
        // Every entry of a dense array must be in the bytes: at least 1 byte each (2 as key/value pairs).
        if (length > r.left / (t === 'A' ? 1 : 2) || length > limits.maxValues) {
          throw new Refusal(`returned an array of length ${length} with entries missing (a sparse array): every entry of an array must be set`);
        }
        const before = used;
        spend(WEIGHT.object);
        const array: unknown[] = [];
        const id = open(array);
        let elements = 0;
        if (t === 'A') {
          for (let i = 0; i < length; i++) {
            if (r.peek() === '-') throw new Refusal(`returned an array with a hole at entry ${i} (of ${length}): every entry of an array must be set`);
            array.push(read(depth + 1));
          }
          elements = length;
        }
        elements += properties(array as unknown as Record<string, unknown>, t === 'A' ? '$' : '@', depth, length)[1];
        if (r.varint() !== length) throw unreadable('the array length does not match');
        if (elements !== length) {
          let hole = 0;
          while (hole in array) hole += 1;
          throw new Refusal(`returned an array with a hole at entry ${hole} (of ${length}): every entry of an array must be set`);
        }
        close(id, before);
        return array;
      }
      case ';': case "'": {
        container(depth);
        const before = used;
        spend(WEIGHT.collection);
        const isMap = t === ';';
        const collection = isMap ? new Map<unknown, unknown>() : new Set<unknown>();
        const id = open(collection);
        let count = 0;
        while (r.peek() !== (isMap ? ':' : ',')) {
          const first = read(depth + 1);
          if (isMap) (collection as Map<unknown, unknown>).set(first, read(depth + 1));
          else (collection as Set<unknown>).add(first);
          count += isMap ? 2 : 1;
        }
        r.tag();
        if (r.varint() !== count) throw unreadable('the entry count does not match');
        close(id, before);
        return collection;
      }
      case 'D': return leaf(() => new Date(r.double()));
      case 'y': return leaf(() => Object(true));
      case 'x': return leaf(() => Object(false));
      case 'n': return leaf(() => Object(r.double()));
      case 'z': return leaf(() => Object(bigint()));
      case 's': return leaf(() => Object(string()));
      case 'R': return leaf(() => {
        const source = string();
        const bits = r.varint();
        let flags = '';
        for (let i = 0; i < 32; i++) {
          if ((bits >>> i) & 1) {
            if (!REGEXP_FLAGS[i]) throw unreadable('a regular expression with unknown flags');
            flags += REGEXP_FLAGS[i];
          }
        }
        try {
          return new RegExp(source, flags);
        } catch {
          throw unreadable('an invalid regular expression');
        }
      });
      case 'B': case '~': return leaf(() => {
        const n = r.varint();
        if (t === '~' && r.varint() < n) throw unreadable('a resizable buffer smaller than its length');
        const buffer = r.copy(n);
        spend(Math.floor(n / 16));
        return buffer;
      });
      case '\\': return leaf(() => {
        const Type = VIEW_TYPES[r.varint()];
        const n = r.varint();
        if (Type === undefined) throw unreadable('an unknown kind of typed array');
        const size = (Type as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
        if (n % size !== 0) throw unreadable('a typed array of a partial element');
        const buffer = r.copy(n);
        spend(Math.floor(n / 16));
        return new Type(buffer, 0, n / size);
      });
      case 'r': {
        container(depth);
        const before = used;
        spend(WEIGHT.boxed);
        const id = open(undefined);
        let sub = String.fromCharCode(r.byte());
        const Type = ERROR_TYPES[sub] ?? Error;
        if (Type !== Error) sub = String.fromCharCode(r.byte());
        const error = new Type();
        objects[id] = error;
        const seen = new Set<string>();
        while (sub !== '.' && !seen.has(sub)) {
          seen.add(sub);
          if (sub === 'm') Object.defineProperty(error, 'message', { value: string(), writable: true, enumerable: false, configurable: true });
          else if (sub === 's') string(); // the stack: not kept
          else if (sub === 'c') Object.defineProperty(error, 'cause', { value: read(depth + 1), writable: true, enumerable: false, configurable: true });
          else break;
          sub = String.fromCharCode(r.byte());
        }
        if (sub !== '.') throw unreadable('an error with unknown parts');
        close(id, before);
        return error;
      }
      default:
        throw unreadable(`a value of a kind grading does not read (tag ${JSON.stringify(t)})`);
    }
  }

  try {
    if (r.byte() !== 0xff) throw unreadable('no header');
    const version = r.varint();
    if (version < 13 || version > 15) throw unreadable(`format version ${version}`);
    const value = read(0);
    if (r.left !== 0) throw unreadable('it has bytes after the value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    if (error instanceof Unreadable) return { ok: false, problem: `sent back data that cannot be read (${error.why})` };
    return { ok: false, problem: `sent back data that cannot be read (${error instanceof RangeError ? 'too deeply nested for the reader' : 'malformed'})` };
  }
}
