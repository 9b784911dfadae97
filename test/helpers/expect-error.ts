import { expect } from 'vitest';

/** `fn` throws an error of class `type` whose message matches `message`. */
export function expectError(fn: () => unknown, type: typeof RangeError | typeof TypeError, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'should have thrown').toBeInstanceOf(type);
  expect((error as Error).message).toMatch(message);
}
