/**
 * How a sandbox child is started: its command-line flags, its first program (BOOT) and the code it
 * is sent — the harness (harness.ts, with the answer reader it imports, run in the child's own
 * realm) and the student realm's program (realm.ts with freeze.ts and standins.ts, run in a vm
 * context). Both are bundled once per process by the kit's TypeScript loader (esbuild).
 */
import path from 'path';
import { bundle } from '../../shared/typescript';

/**
 * The child's first program: it reads the first frame on stdin (a 4-byte length, then the harness:
 * a function expression), runs it, and hands it the bytes that came after.
 */
export const BOOT = [
  'var c=[],n=0;function f(d){c.push(d);n+=d.length;if(n<4)return;var b=Buffer.concat(c);c=[b];var l=b.readUInt32LE(0);if(n<4+l)return;',
  "process.stdin.removeListener('data',f);require('vm').runInThisContext(b.toString('utf8',4,4+l),{filename:'harness.js'})(require,process,b.subarray(4+l))}",
  "process.stdin.on('data',f)",
].join('');

const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

/**
 * Flags of the child: the permission model with no --allow-* flag (no files, processes, workers or
 * addons), no eval / new Function in the child's own realm (the usual second step of a vm escape),
 * no wasm, a heap limit. Not --frozen-intrinsics: student code never runs in that realm (its own
 * realm is frozen by freeze.ts), and it costs ~17 ms per child.
 */
export function childFlags(limits: { memoryMb: number }): string[] {
  return [PERMISSION_FLAG, '--disallow-code-generation-from-strings', '--no-expose-wasm', `--max-old-space-size=${limits.memoryMb}`];
}

/** An expression whose value is the exports of `entry` bundled with its imports (no loader needed where it runs). */
function expression(entry: string): string {
  return `(function () {\n${bundle(entry, { format: 'iife', globalName: '__bundled' })}\nreturn __bundled;\n})()`;
}

/** An expression whose value is the exports of safe/answer.ts (the answer reader), for a worker or a test. */
export function answerReaderBundle(): string {
  return expression(path.join(__dirname, '..', 'safe', 'answer.ts'));
}

let cached: { harness: string; realm: string } | undefined;

/** The harness (a function of require, process and the bytes after it) and the realm program (an expression: setupRealm). */
export function childCode(): { harness: string; realm: string } {
  cached ??= {
    harness: `(function (require, process, rest) {\n${bundle(path.join(__dirname, 'harness.ts'), { format: 'cjs' })}\n})`,
    realm: `${expression(path.join(__dirname, 'realm.ts'))}.setupRealm`,
  };
  return cached;
}
