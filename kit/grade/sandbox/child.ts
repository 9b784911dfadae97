/**
 * How a sandbox child is started: its command-line flags, its first program (BOOT) and the code it
 * is sent — the harness (harness.ts with the answer reader safe/answer.ts and clone-format.ts, run
 * in the child's own realm) and the bundle of the student's realm (realm.ts with freeze.ts and standins.ts, run in a
 * vm context), transpiled here once.
 */
import fs from 'fs';
import path from 'path';
import { transpile } from '../transpile';

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

/** The answer reader and the byte level it imports, bundled with the harness (module id → file). */
const ANSWER_FILES: Record<string, string> = {
  './clone-format': path.join(__dirname, '..', 'safe', 'clone-format.ts'),
  './answer': path.join(__dirname, '..', 'safe', 'answer.ts'),
};

function compiled(file: string): string {
  const out = transpile(fs.readFileSync(file, 'utf8'), file);
  if (out.error !== undefined) throw new SyntaxError(`grade: ${out.error}`);
  return out.code;
}

/** An expression whose value is the exports of safe/answer.ts, with no import left (for the child, or a worker). */
export function answerReaderBundle(): string {
  const sources = Object.entries(ANSWER_FILES).map(([id, file]) => `${JSON.stringify(id)}: function (exports, require) {\n${compiled(file)}\n}`);
  return [
    '(function () {',
    `var sources = {${sources.join(',\n')}};`,
    'var cache = {};',
    'function require(id) { var e = cache[id]; if (e === undefined) { e = cache[id] = {}; sources[id](e, require); } return e; }',
    "return require('./answer');",
    '})()',
  ].join('\n');
}

/** The files of the student's realm, in load order; each may import the ones before it. */
const REALM_FILES = ['freeze', 'standins', 'realm'];

let cached: { harness: string; realm: string } | undefined;

/** The harness (a function of require, process and the bytes after it) and the realm bundle (an expression: setupRealm). */
export function childCode(): { harness: string; realm: string } {
  if (cached === undefined) {
    const load = (name: string): string => compiled(path.join(__dirname, `${name}.ts`));
    const modules = REALM_FILES.map(
      (name) => `modules['./${name}'] = (function () { var exports = {};\n${load(name)}\nreturn exports; })();`,
    );
    cached = {
      harness:
        `(function (nodeRequire, process, rest) { var exports = {}; var bundled = { '../safe/answer': ${answerReaderBundle()} };\n` +
        `var require = function (id) { return Object.prototype.hasOwnProperty.call(bundled, id) ? bundled[id] : nodeRequire(id); };\n${load('harness')}\n})`,
      realm: `(function () { var modules = {}; function require(id) { return modules[id]; }\n${modules.join('\n')}\nreturn modules['./realm'].setupRealm; })()`,
    };
  }
  return cached;
}
