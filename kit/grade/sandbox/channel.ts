/**
 * The wire between the trusted side and a sandbox child, without Node's IPC channel (whose
 * "advanced" serialization would decode whatever a child sends with `v8.deserialize`, before any
 * check). To the child: frames on its stdin, a 4-byte length and `v8.serialize` of the message.
 * From the child: frames on its fd 3, a 4-byte length, a kind byte and the payload — 'J' a JSON
 * control message of at most MAX_CONTROL_BYTES, 'R' a request id and an answer's structured-clone
 * bytes, read later by safe/answer.ts. A frame longer than the reader allows is never buffered:
 * the reader reports it and stops.
 */
import v8 from 'v8';

/** Largest control message from a child, in bytes. */
export const MAX_CONTROL_BYTES = 64_000;

/** A frame to the child: a 4-byte length, then the serialized message (or the raw bytes given). */
export function toChild(message: unknown, raw?: Buffer): Buffer {
  const payload = raw ?? v8.serialize(message);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(payload.length, 0);
  return Buffer.concat([head, payload]);
}

export type FromChild = { kind: 'control'; message: Record<string, unknown> } | { kind: 'answer'; id: number; bytes: Buffer };

/** Reads frames from a child's fd 3; `onFrame` gets each, `onBad` why the stream cannot be trusted (once, then nothing more). */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private expected = -1;
  private stopped = false;

  constructor(
    private readonly maxAnswerBytes: number,
    private readonly onFrame: (frame: FromChild) => void,
    private readonly onBad: (why: string) => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.stopped) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.stopped) {
      if (this.expected < 0) {
        if (this.buffered < 4) return;
        this.expected = this.take(4).readUInt32LE(0);
        if (this.expected < 1 || this.expected > this.maxAnswerBytes + 5) {
          this.stop(`sent back ${this.expected} bytes at once, more than the ${this.maxAnswerBytes} an answer may have`);
          return;
        }
      }
      if (this.buffered < this.expected) return;
      const frame = this.take(this.expected);
      this.expected = -1;
      this.parse(frame);
    }
  }

  private parse(frame: Buffer): void {
    const kind = String.fromCharCode(frame[0]);
    if (kind === 'R' && frame.length >= 5) {
      this.onFrame({ kind: 'answer', id: frame.readUInt32LE(1), bytes: frame.subarray(5) });
      return;
    }
    if (kind === 'J' && frame.length <= MAX_CONTROL_BYTES + 1) {
      try {
        const message = JSON.parse(frame.toString('utf8', 1)) as unknown;
        if (message !== null && typeof message === 'object' && !Array.isArray(message)) {
          this.onFrame({ kind: 'control', message: message as Record<string, unknown> });
          return;
        }
      } catch {
        // reported below
      }
    }
    this.stop('sent a message the grader cannot read');
  }

  /** The next `n` buffered bytes (n ≤ buffered), as one Buffer. */
  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }

  private stop(why: string): void {
    this.stopped = true;
    this.chunks = [];
    this.buffered = 0;
    this.onBad(why);
  }
}
