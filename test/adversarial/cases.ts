/**
 * The cheating submissions of test/adversarial/cheats/ and what grading must make of each: every
 * cheat replaces one exercise file (mse.ts unless said otherwise) in a copy of solutions/, must
 * lose that file's points with a clear line of feedback, and must leave everything else as it was.
 */

import type { SandboxLimits } from '../../kit/grade/sandbox/sandbox';

/**
 * The limits the cheating file is graded with (the other files get the defaults): tighter than the
 * defaults so that the suite stays fast; the expected lines below follow from them.
 */
export const LIMITS: Partial<SandboxLimits> = { callTimeoutMs: 5000, loadTimeoutMs: 2000, memoryMb: 128, residentMb: 384 };
/** For the cheats that never return: each of their checks costs a whole call time limit. */
const SPIN: Partial<SandboxLimits> = { callTimeoutMs: 600 };

export interface Case {
  /** File name in cheats/ (without .ts): the source of the cheating exercise file. */
  name: string;
  /** The exercise file the cheat replaces. */
  target: string;
  /** At least one failed check of the target says this (the defence that stopped the trick). */
  feedback: RegExp;
  /**
   * 'all': every check of the target fails (the default); 'hidden': the visible checks may pass
   * but every hidden one fails; 'some': the file loses points.
   */
  fails: 'all' | 'hidden' | 'some';
  /** Seconds the grading of this submission may take at most (the limits in the test, plus slack). */
  boundS: number;
  /** Only on Linux (the resident-memory watch reads /proc). */
  linuxOnly?: boolean;
  /** mse.ts is a symbolic link to this project file instead of a cheat. */
  linkTo?: string;
  /** mse.ts is generated (too big to keep in cheats/) instead of a cheat. */
  generate?: () => string;
  /** Limits for this case, over LIMITS. */
  limits?: Partial<SandboxLimits>;
}

const NONE = /received: it is a string "succeeded: none"/;
/**
 * Bounds, in seconds, for a case's grading: generous, since the suite grades four cases at once on
 * a machine that may be busy (a busy machine slows the children; their CPU-time limits still hold).
 */
const QUICK = 60;
const SLOW = 120;

function c(name: string, feedback: RegExp, more: Partial<Case> = {}): Case {
  return { name, target: 'mse.ts', feedback, fails: 'all', boundS: QUICK, ...more };
}

export const CASES: Case[] = [
  c('exit-at-import', /mse\.ts failed to load: exited the process \(process\.exit\(0\)\) while loading/),
  c('exit-in-call', /problem: {2}exited the process \(process\.exit\(0\)\) instead of returning/),
  c('asymmetric-match', /returned an object that contains functions or other values that cannot be copied, which cannot be copied back/),
  c('patched-object-is', /mse\.ts failed to load: TypeError: Cannot assign to read only property 'is'/),
  c('patched-math', /mse\.ts failed to load: TypeError: Cannot assign to read only property 'abs'/),
  c('patch-everything', NONE),
  c('infinite-loop', /problem: {2}timed out after 0\.6 s/, { boundS: SLOW, limits: SPIN }),
  c('atomics-wait', /problem: {2}timed out after 0\.6 s/, { boundS: SLOW, limits: SPIN }),
  c('loop-at-import', /mse\.ts: timed out after 2 s while loading mse\.ts|timed out after 2 s while loading mse\.ts/, { boundS: SLOW }),
  // Loading returns (the spin runs in promise callbacks afterwards), so every call times out instead.
  c('import-never-finishes', /problem: {2}timed out after 0\.6 s/, { boundS: SLOW, limits: SPIN }),
  // A generous call limit: on a busy machine, filling 128 MB can take longer than a call usually may.
  c('memory-heap', /problem: {2}ran out of memory \(the limit is 128 MB\)/, { boundS: SLOW, limits: { callTimeoutMs: 15_000 } }),
  c('memory-arraybuffer', /problem: {2}ran out of memory \(used more than 384 MB\)/, { boundS: SLOW, linuxOnly: true, limits: { callTimeoutMs: 15_000 } }),
  c('output-flood', /problem: {2}printed more than 1000000 bytes of output/, { boundS: SLOW }),
  c('overwrite-files', /problem: {2}tried to write a file, which grading does not allow/),
  c('read-solutions', /problem: {2}tried to read a file, which grading does not allow/),
  c('import-solutions', /mse\.ts imports ".*solutions\/mse", but exercise files may only import each other/),
  c('spawn-shell', /problem: {2}tried to start another process, which grading does not allow/),
  c('fake-summary-timer', /expected: 1\.3333333333333333\nreceived: 0/),
  c('proxy-result', /problem: {2}returned a Proxy, which cannot be copied back/),
  c('getter-result', /received: it is a Number object \(new Number\(…\)\), not a plain number/),
  c('thenable', /returned a Promise-like object with a then method, which cannot be copied back/),
  c('fake-outcome', /received: it is an object with keys t, ok, value, passed, points, score/),
  c('forge-messages', NONE),
  c('kill-parent', NONE),
  c('escape-realm', NONE),
  c('network', NONE),
  c('throw-non-error', /problem: {2}threw a non-error value: ok/),
  c('huge-result', /problem: {2}returned \d+\.\d MB of data, more than the 8\.0 MB that can be sent back/),
  c('deep-recursion', /problem: {2}threw RangeError: Maximum call stack size exceeded/),
  c('hardcode-visible', /\[hidden\]|expected:/, { fails: 'hidden' }),
  c('hide-mutation', /problem: {2}the step modified the params array it was given/, { target: 'optimizers.ts', fails: 'some' }),
  // Generated: a file whose parse overflows the TypeScript parser's stack, and a file of 3 MB.
  c('parser-bomb', /mse\.ts failed to load: SyntaxError: mse\.ts cannot be compiled \(Maximum call stack size exceeded\)/, {
    generate: () => `export function mse(a: number[], b: number[]): number {\n  return ${'('.repeat(100_000)}0${')'.repeat(100_000)};\n}\n`,
  }),
  c('huge-source', /could not run: mse\.ts is 3\.0 MB, more than the 1 MB an exercise file may have/, {
    generate: () => `// ${'padding '.repeat(375_000)}\nexport const mse = (): number => 0;\nexport const mseGradient = (a: number[]): number[] => a;\n`,
  }),
  c('link-to-solution', /could not run: mse\.ts is a symbolic link; submit real files/, { linkTo: 'solutions/mse.ts' }),
  c('decode-bomb', /problem: {2}returned an array of length 9000000 with entries missing \(a sparse array\)/),
  c('huge-key', /problem: {2}returned an object with a key of 5000 characters \(at most 1000\)/),
  c('control-characters', /problem: {2}threw Error: red clipboard\n: :set-output name=result::forged 100\/100 # #\[error\]x \| 100\/100 \|$/m),
  // Generated: TypeScript's parser takes exponential time on nested `async (` calls (2²⁰ steps for 20 levels).
  c('transpile-bomb', /timed out after 2 s while compiling mse\.ts \(TypeScript did not finish/, {
    generate: () => `export const mse = ${'async ('.repeat(40)}0${')'.repeat(40)};\nexport const mseGradient = (a: number[]): number[] => a;\n`,
  }),
];
