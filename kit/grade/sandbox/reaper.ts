/**
 * No sandbox child outlives the process that grades. A child exits by itself when its stdin
 * closes — but only once its event loop is free, and student code may be spinning. So each grading
 * process has a reaper: a tiny Node process, started with the first sandbox, that is told the pid
 * of every child ("+pid" / "-pid" lines on its stdin) and kills the ones still listed as soon as
 * its stdin closes, which happens however the grading process ends (even by SIGKILL). On Linux it
 * first checks that the pid is still a sandbox child (its command line), against pid reuse.
 */
import { ChildProcess, spawn } from 'child_process';

/** A word of every sandbox child's command line (see child.ts), checked before a kill on Linux (never spelled out in the reaper's own). */
export const SANDBOX_MARK = '--disallow-code-generation-from-strings';

const REAPER = `
var fs = require('fs'), pids = new Set(), buf = '';
function ours(pid) {
  try { return fs.readFileSync('/proc/' + pid + '/cmdline', 'latin1').indexOf(${SANDBOX_MARK.split('-').map((p) => JSON.stringify(p)).join(" + '-' + ")}) >= 0; }
  catch (e) { return process.platform !== 'linux'; }
}
function reap() {
  pids.forEach(function (pid) { try { if (ours(pid)) process.kill(pid, 'SIGKILL'); } catch (e) {} });
  process.exit(0);
}
process.stdin.setEncoding('latin1');
process.stdin.on('data', function (d) {
  buf += d;
  for (var i = buf.indexOf('\\n'); i >= 0; i = buf.indexOf('\\n')) {
    var line = buf.slice(0, i), pid = Number(line.slice(1));
    buf = buf.slice(i + 1);
    if (line[0] === '+') pids.add(pid); else pids.delete(pid);
  }
});
process.stdin.on('end', reap);
process.stdin.on('error', reap);
`;

let reaper: ChildProcess | undefined;

function tell(line: string): void {
  if (reaper === undefined || reaper.exitCode !== null || reaper.stdin === null || reaper.stdin.destroyed) {
    const env: NodeJS.ProcessEnv = process.env.SystemRoot === undefined ? {} : { SystemRoot: process.env.SystemRoot };
    reaper = spawn(process.execPath, ['-e', REAPER], { stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true, env });
    reaper.on('error', () => undefined);
    reaper.stdin?.on('error', () => undefined);
    reaper.unref();
    (reaper.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  reaper.stdin?.write(line);
}

/** Has `pid` killed if this process ends first; call the returned function once the child is gone. */
export function reapOnExit(pid: number | undefined): () => void {
  if (pid === undefined) return () => undefined;
  tell(`+${pid}\n`);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (reaper !== undefined && reaper.exitCode === null && reaper.stdin !== null && !reaper.stdin.destroyed) reaper.stdin.write(`-${pid}\n`);
  };
}
