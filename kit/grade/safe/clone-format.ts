/**
 * The byte level of V8's structured-clone format (its ValueSerializer, format versions 13–15, as
 * Node's `v8.serialize` writes it): tags, varints, doubles, raw bytes and the characters of
 * strings, read from a buffer and never past its end. What the values mean, and the limits on them,
 * are answer.ts's. Self-contained (no imports), like answer.ts, which the sandbox child runs too.
 */

/** The bytes do not follow the format: why, e.g. "it ends too early". */
export class Unreadable {
  constructor(readonly why: string) {}
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class CloneBytes {
  pos = 0;
  readonly end: number;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.end = bytes.byteLength;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes not read yet. */
  get left(): number {
    return this.end - this.pos;
  }

  byte(): number {
    if (this.pos >= this.end) throw new Unreadable('it ends too early');
    return this.bytes[this.pos++];
  }

  /** An unsigned 32-bit varint (7 bits a byte, least significant first). */
  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        if (value > 0xffffffff) throw new Unreadable('a number is too large');
        return value;
      }
    }
    throw new Unreadable('a number is too long');
  }

  /** A ZigZag-encoded signed 32-bit varint. */
  zigzag(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  /** The next `n` bytes, as a view (no copy). */
  raw(n: number): Uint8Array {
    if (n > this.left) throw new Unreadable('it ends too early');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A fresh ArrayBuffer holding the next `n` bytes. */
  copy(n: number): ArrayBuffer {
    const out = new Uint8Array(n);
    out.set(this.raw(n));
    return out.buffer;
  }

  /** A double, in the host's byte order (the writer's: both sides of the boundary are one machine). */
  double(): number {
    if (this.left < 8) throw new Unreadable('it ends too early');
    const x = this.view.getFloat64(this.pos, LITTLE_ENDIAN);
    this.pos += 8;
    return x;
  }

  /** The next tag, skipping padding and object-count hints. */
  tag(): string {
    for (;;) {
      const t = this.byte();
      if (t === 0) continue;
      if (t === 0x3f) {
        this.varint();
        continue;
      }
      return String.fromCharCode(t);
    }
  }

  /** The next tag, without consuming it. */
  peek(): string {
    const at = this.pos;
    const t = this.tag();
    this.pos = at;
    return t;
  }
}

/** The characters of a string whose tag is `t` ('"' Latin-1, 'c' UTF-16, 'S' UTF-8) and whose bytes are `data`. */
export function stringOf(t: string, data: Uint8Array): string {
  if (t === 'S') return new TextDecoder().decode(data);
  const n = t === 'c' ? data.length / 2 : data.length;
  let out = '';
  for (let i = 0; i < n; i += 8192) {
    const chunk: number[] = [];
    for (let j = i; j < Math.min(n, i + 8192); j++) chunk.push(t === 'c' ? data[2 * j] | (data[2 * j + 1] << 8) : data[j]);
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/** A BigInt from its little-endian digit bytes and sign. */
export function bigintOf(data: Uint8Array, negative: boolean): bigint {
  let hex = '0';
  for (let i = data.length - 1; i >= 0; i--) hex += data[i].toString(16).padStart(2, '0');
  const value = BigInt(`0x${hex}`);
  return negative ? -value : value;
}
