/**
 * `vitest` in the book's check worker: nothing. A grader passes vitest's namespace to
 * `defineGrader`, which registers tests only when it finds `describe`, `test` and `beforeAll`;
 * here it finds none and just returns the grader's checks, as the engine's own loader does. A
 * grader that used anything else of vitest (`expect`, `vi`, …) fails the book's build:
 * bundle.ts turns esbuild's "no matching export" warnings into errors.
 */
export {};
