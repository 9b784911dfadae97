/**
 * The answer reader (kit/grade/safe/answer.ts), the only code that decodes what a sandbox child
 * sends back. Honest answers decode as v8.deserialize decodes them; decode bombs are refused with
 * one line, before they allocate; and a fuzz run — seeded random and mutated payloads, and the
 * bombs — shows in a worker with a small heap that the reader never exceeds its memory bound and
 * never throws, while v8.deserialize dies on the same bytes.
 */
import { isDeepStrictEqual } from 'util';
import v8 from 'v8';
import { Worker } from 'worker_threads';
import { describe, expect, test } from 'vitest';
import { ANSWER_LIMITS, decodeAnswer } from '../../kit/grade/safe/answer';
import { answerReaderBundle } from '../../kit/grade/sandbox/child';
import { adversarialPayloads, honestValues, randomPayloads, varint } from './payloads';

/** Runs `body` (JavaScript; `decodeAnswer` and `parentPort` in scope) in a worker whose heap is limited to `heapMb`. */
function inWorker(body: string, data: unknown, heapMb: number): Promise<{ result?: Record<string, unknown>; error?: string }> {
  // The same bundle the sandbox child runs.
  const code = `const { parentPort, workerData } = require('worker_threads');\nconst decodeAnswer = ${answerReaderBundle()}.decodeAnswer;\n${body}`;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 } });
    worker.once('message', (result: Record<string, unknown>) => {
      resolve({ result });
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => resolve({ error: error.code ?? error.message }));
  });
}

describe('honest answers', () => {
  test.each(honestValues().map((v, i) => [i, Object.prototype.toString.call(v), v] as const))('#%i %s decodes as v8.deserialize decodes it', (_i, _kind, value) => {
    const bytes = v8.serialize(value);
    const read = decodeAnswer(bytes);
    expect(read.ok, read.ok ? '' : read.problem).toBe(true);
    const expected = v8.deserialize(bytes) as unknown;
    const got = (read as { value: unknown }).value;
    if (expected instanceof Error) {
      expect([(got as Error).name, (got as Error).message]).toEqual([expected.name, expected.message]);
    } else {
      expect(isDeepStrictEqual(got, expected), `${String(got)}`).toBe(true);
    }
  });

  test('a part shared by reference stays one object; a Buffer comes back as a Uint8Array; __proto__ is a plain key', () => {
    const p = [1, 2];
    const shared = decodeAnswer(v8.serialize([p, p])) as { ok: true; value: unknown[][] };
    expect(shared.value[0]).toBe(shared.value[1]);
    const buffer = decodeAnswer(v8.serialize(Buffer.from('hi'))) as { ok: true; value: unknown };
    expect(Object.prototype.toString.call(buffer.value)).toBe('[object Uint8Array]');
    const proto = decodeAnswer(v8.serialize(JSON.parse('{"__proto__": {"polluted": 1}}'))) as { ok: true; value: Record<string, unknown> };
    expect(Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
    expect(Object.keys(proto.value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('limits hold exactly at their edge: 64 levels of nesting pass, 65 do not', () => {
    let ok: unknown = 1;
    for (let i = 0; i < 64; i++) ok = [ok];
    expect(decodeAnswer(v8.serialize(ok)).ok).toBe(true);
    expect(decodeAnswer(v8.serialize([ok]))).toEqual({ ok: false, problem: 'returned a value nested more than 64 levels deep' });
    const big = new Array(ANSWER_LIMITS.maxValues / 2).fill(0);
    expect(decodeAnswer(v8.serialize(big)).ok).toBe(true);
    expect(decodeAnswer(v8.serialize([...big, ...big]))).toMatchObject({ ok: false, problem: expect.stringMatching(/^returned more than 1000000 values in all/) });
  });
});

describe('decode bombs and malformed payloads', () => {
  test.each(adversarialPayloads().map((p) => [p.name, p] as const))('%s: refused with one line', (_name, p) => {
    const read = decodeAnswer(p.bytes);
    expect(read.ok).toBe(false);
    expect((read as { problem: string }).problem).toMatch(p.problem);
    expect((read as { problem: string }).problem).not.toMatch(/\n/);
  });

  test('a sparse array whose every entry is present is an array (new Array(n) filled in)', () => {
    const parts = [0xff, 0x0f, 0x61, 3];
    for (let i = 0; i < 3; i++) parts.push(0x49, ...varint(2 * i), 0x49, ...varint(2 * (10 + i)));
    parts.push(0x40, 3, 3);
    expect(decodeAnswer(Buffer.from(parts))).toEqual({ ok: true, value: [10, 11, 12] });
  });
});

describe('fuzz: the reader never exceeds its memory bound and never throws', () => {
  /** The fuzz loop in the worker: every payload decoded, counted, and the heap's peak measured. */
  const FUZZ = `
    let ok = 0, refused = 0, peak = 0; const thrown = [];
    for (const bytes of workerData.payloads) {
      try { const r = decodeAnswer(new Uint8Array(bytes)); if (r.ok) ok++; else if (typeof r.problem === 'string' && r.problem.length > 0) refused++; else thrown.push('no problem given'); }
      catch (e) { thrown.push(String(e)); }
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    parentPort.postMessage({ ok, refused, thrown: thrown.slice(0, 5), peakMb: peak / 1e6 });`;

  test('5000 seeded random and mutated payloads and every bomb, in a worker with a 64 MB heap', async () => {
    const payloads = [...randomPayloads(5000, 20240607), ...adversarialPayloads().map((p) => p.bytes)];
    const { result, error } = await inWorker(FUZZ, { payloads }, 64);
    expect(error, 'the worker died').toBeUndefined();
    expect(result!.thrown).toEqual([]);
    expect((result!.ok as number) + (result!.refused as number)).toBe(payloads.length);
    expect(result!.refused as number).toBeGreaterThan(1000);
    console.log(`fuzz: ${String(result!.ok)} decoded, ${String(result!.refused)} refused, heap peak ${(result!.peakMb as number).toFixed(0)} MB`);
  }, 120_000);

  test('the worst answers the default limits allow (8 MB of the costliest values) fit in a 160 MB heap', async () => {
    const t = (c: string): number => c.charCodeAt(0);
    const array = (n: number, item: number[]): Buffer => {
      const parts: number[] = [0xff, 0x0f, t('A'), ...varint(n)];
      for (let i = 0; i < n; i++) parts.push(...item);
      parts.push(t('$'), 0, ...varint(n));
      return Buffer.from(parts);
    };
    const payloads = [
      array(499_000, [t('o'), t('{'), 0]), // empty objects
      array(499_000, [t('A'), 0, t('$'), 0, 0]), // empty arrays
      array(124_000, [t(';'), t(':'), 0]), // empty Maps
      array(249_000, [t('D'), 0, 0, 0, 0, 0, 0, 0, 0]), // Dates
      array(999_000, [t('"'), 1, 65]), // one-character strings
    ];
    const body = FUZZ.replace('peak = Math.max', 'globalThis.keep = r; peak = Math.max').replace('try { const r', 'let r; try { r');
    const { result, error } = await inWorker(body, { payloads }, 160);
    expect(error, 'the worker died').toBeUndefined();
    expect(result!.ok).toBe(payloads.length);
    console.log(`worst answers: heap peak ${(result!.peakMb as number).toFixed(0)} MB`);
  }, 120_000);

  test('v8.deserialize, given the same bytes in the same worker, runs out of memory (the bomb is real)', async () => {
    const bomb = adversarialPayloads().find((p) => p.name.includes('kills v8.deserialize'))!.bytes;
    const { error } = await inWorker("require('v8').deserialize(Buffer.from(workerData.bytes)); parentPort.postMessage({});", { bytes: bomb }, 64);
    expect(error).toBe('ERR_WORKER_OUT_OF_MEMORY');
  }, 120_000);
});
