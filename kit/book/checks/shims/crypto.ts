/**
 * `crypto` in the book's check worker: kit/grade/safe/text.ts imports it for CI's stop-commands
 * token, which a page never prints; using it here is a bug, said loudly.
 */
function unavailable(): never {
  throw new Error('crypto is not available in the book\'s check worker');
}
export const randomBytes = unavailable;
export default { randomBytes };
