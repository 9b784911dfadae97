/**
 * Structured-clone payloads for the answer reader's tests: honest answers (as `v8.serialize` writes
 * them), decode bombs written byte by byte (what a tampered child could send, whatever
 * `v8.serialize` would refuse to write), and seeded random ones.
 */
import v8 from 'v8';
import { rng } from '../../src/data/rng';

/** An unsigned varint, as V8's ValueSerializer writes lengths and ids. */
export function varint(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

const HEADER = [0xff, 0x0f];
const tag = (c: string): number => c.charCodeAt(0);
const int = (n: number): number[] => [tag('I'), ...varint(n >= 0 ? 2 * n : -2 * n - 1)];
const str = (s: string): number[] => [tag('"'), ...varint(s.length), ...Buffer.from(s, 'latin1')];
const bytes = (...parts: number[][]): Buffer => Buffer.from([...HEADER, ...parts.flat()]);

/** Honest answers of every kind an answer may have. */
export function honestValues(): unknown[] {
  const holeyButFull = new Array(3);
  holeyButFull[0] = 1;
  holeyButFull[1] = 2;
  holeyButFull[2] = 3;
  const shared = [1, 2];
  return [
    0, -0, 1.5, -7, 2 ** 40, NaN, Infinity, -Infinity, 'text', 'ünïcødé ✓', '', true, false, null, undefined,
    [1, 2, 3], holeyButFull, [[1, 2], [3, 4]], { a: 1, b: [1, { c: 'x' }] }, { 1: 2, a: 3 }, [shared, shared],
    Object.assign([1, 2], { extra: true }), new Map<unknown, unknown>([[1, 'a'], ['k', { v: [1] }]]), new Set([1, 'x']),
    new Date(1_700_000_000_000), /a+b/gi, new Float64Array([1, 2.5]), new Int32Array([-1, 7]), new Uint8Array([1, 2, 3]).subarray(1),
    new ArrayBuffer(3), new Number(3), new String('s'), new Boolean(false), Object(5n), -123n, 2n ** 70n, new TypeError('bad input'),
    JSON.parse('{"__proto__": {"polluted": 1}}'), new Array(10_000).fill(0.25), { data: 'x'.repeat(100_000) },
  ];
}

/** Decode bombs and malformed payloads, with the start of what the reader must say about each. */
export function adversarialPayloads(): Array<{ name: string; bytes: Buffer; problem: RegExp }> {
  const sparse = (length: number, ...entries: number[][]): number[] => [tag('a'), ...varint(length), ...entries.flat(), tag('@'), ...varint(entries.length / 2), ...varint(length)];
  const out: Array<{ name: string; bytes: Buffer; problem: RegExp }> = [];
  const add = (name: string, problem: RegExp, b: Buffer): void => void out.push({ name, bytes: b, problem });
  add('sparse array claiming 2³² − 2 entries', /array of length 4294967294 with entries missing/, bytes(sparse(2 ** 32 - 2, int(0), int(1))));
  add('dense array claiming 2³² − 1 entries', /array of length 4294967295 with entries missing/, bytes([tag('A'), ...varint(2 ** 32 - 1), ...int(1)]));
  const many: number[] = [tag('A'), ...varint(2000)];
  for (let i = 0; i < 2000; i++) many.push(...sparse(9_000_000, int(8_999_999), int(1)));
  many.push(tag('$'), 0, ...varint(2000));
  add('2000 sparse arrays of 9 000 000 entries (kills v8.deserialize)', /array of length 9000000 with entries missing/, bytes(many));
  // A DAG: each level is an array holding the previous one twice (by reference): 2⁶⁰ values once expanded.
  const dag: number[] = [];
  for (let level = 0; level < 60; level++) dag.push(tag('A'), 2);
  dag.push(...int(1), ...int(1), tag('$'), 0, 2);
  for (let id = 58; id >= 0; id--) dag.push(tag('^'), ...varint(id + 1), tag('$'), 0, 2);
  add('a DAG that doubles 60 times', /more than \d+ values in all/, bytes(dag));
  add('a typed array claiming 4 GB', /cannot be read \(it ends too early\)/, bytes([tag('\\'), 8, ...varint(2 ** 32 - 8)]));
  add('an ArrayBuffer claiming 4 GB', /cannot be read \(it ends too early\)/, bytes([tag('B'), ...varint(2 ** 32 - 1)]));
  add('a string claiming 4 GB', /cannot be read \(it ends too early\)/, bytes([tag('"'), ...varint(2 ** 32 - 1), 65]));
  add('a key of 100 000 characters', /a key of 100000 characters/, bytes([tag('o'), ...str('k'.repeat(100_000)), ...int(1), tag('{'), 1]));
  const deep = 100_000;
  add(`${deep} nested arrays (a stack overflow for a recursive reader)`, /nested more than 64 levels deep/, bytes([...Array.from({ length: deep }, () => [tag('A'), 1]).flat()]));
  add('an object that contains itself', /contains itself \(a cycle\)/, bytes([tag('o'), ...str('self'), tag('^'), 0, tag('{'), 1]));
  add('a reference to nothing', /a reference to nothing/, bytes([tag('^'), 5]));
  add('a hole in a dense array', /a hole at entry 1 \(of 3\)/, bytes([tag('A'), 3, ...int(1), tag('-'), ...int(3), tag('$'), 0, 3]));
  add('a sparse array with an entry past its length', /entries beyond its length/, bytes(sparse(1, int(5), int(1), int(0), int(2))));
  add('a BigInt of 1 MB', /BigInt of 524288 bytes|ends too early/, bytes([tag('Z'), ...varint(2 ** 20)]));
  add('a shared object (tag p)', /a value of a kind grading does not read/, bytes([tag('p'), 0]));
  add('a wasm module transfer', /a value of a kind grading does not read/, bytes([tag('w'), 0]));
  add('an error whose cause is itself', /contains itself/, bytes([tag('r'), tag('m'), ...str('x'), tag('c'), tag('^'), 0, tag('.')]));
  add('version 255', /format version 255/, Buffer.from([0xff, ...varint(255), ...int(1)]));
  add('no header', /no header/, Buffer.from(int(1)));
  add('bytes after the value', /bytes after the value/, bytes(int(1), int(2)));
  add('an object whose property count lies', /property count does not match/, bytes([tag('o'), ...str('a'), ...int(1), tag('{'), 7]));
  add('an array with a length property', /entries beyond its length/, bytes(sparse(1, int(0), int(1), str('length'), int(1_000_000_000))));
  return out;
}

/** `count` payloads: honest ones mutated (bytes flipped, cut, duplicated, tags swapped, lengths inflated) and random bytes. */
export function randomPayloads(count: number, seed: number): Buffer[] {
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const honest = honestValues().map((v) => v8.serialize(v));
  const TAGS = '_0TFIUNZ"cS^oAa-D yxnzsR;\'B~\\rV?p';
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    if (kind < 0.2) {
      const n = 2 + Math.floor(random() * 64);
      const b = Buffer.alloc(n);
      for (let j = 0; j < n; j++) b[j] = random() < 0.5 ? TAGS.charCodeAt(Math.floor(random() * TAGS.length)) : Math.floor(random() * 256);
      b[0] = 0xff;
      b[1] = 0x0f;
      out.push(b);
      continue;
    }
    const b = Buffer.from(pick(honest));
    const edits = 1 + Math.floor(random() * 4);
    let m = b;
    for (let e = 0; e < edits; e++) {
      const at = 2 + Math.floor(random() * Math.max(1, m.length - 2));
      const op = random();
      if (op < 0.3) m[at] = Math.floor(random() * 256);
      else if (op < 0.5) m[at] = TAGS.charCodeAt(Math.floor(random() * TAGS.length));
      else if (op < 0.65) m = m.subarray(0, at);
      else if (op < 0.8) m = Buffer.concat([m.subarray(0, at), Buffer.from(varint(Math.floor(random() * 2 ** 32))), m.subarray(at)]);
      else m = Buffer.concat([m.subarray(0, at), m.subarray(Math.max(2, at - 8), at), m.subarray(at)]);
    }
    out.push(Buffer.from(m));
  }
  return out;
}
