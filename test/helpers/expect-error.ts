import { expect } from 'vitest';

/**
 * `fn` throws an error of class `type` whose message matches `message` (a RegExp) or equals it
 * exactly (a string).
 */
export function expectError(fn: () => unknown, type: ErrorConstructor, message: RegExp | string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'should have thrown').toBeInstanceOf(type);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}
