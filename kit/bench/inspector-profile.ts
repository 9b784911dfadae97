/**
 * In-process CPU profiling for `npm run bench -- --profile`: the V8 profiler through the
 * inspector, started just before training (module loading stays out of the profile). tsx runs a
 * whitespace-minified transpilation, so the profile's positions are mapped back to .ts lines
 * with the source maps Node keeps when started with --enable-source-maps.
 */
import * as fs from 'fs';
import * as inspector from 'inspector';
import { findSourceMap } from 'module';
import { fileURLToPath } from 'url';

type Post = (method: string, params?: object) => Promise<unknown>;

function poster(session: inspector.Session): Post {
  return (method, params) =>
    new Promise((resolve, reject) => {
      session.post(method, params ?? {}, (err: Error | null, res?: unknown) => (err ? reject(err) : resolve(res)));
    });
}

interface Frame {
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** Rewrites each frame's line to the original .ts line (0-based), where a source map knows it. */
function mapFrames(profile: { nodes: { callFrame: Frame }[] }): void {
  for (const { callFrame: f } of profile.nodes) {
    if (!f.url.startsWith('file://') || f.lineNumber < 0) continue;
    const map = findSourceMap(f.url) ?? findSourceMap(fileURLToPath(f.url));
    if (map === undefined) continue;
    const entry = map.findEntry(f.lineNumber, f.columnNumber) as { originalLine?: number };
    if (typeof entry.originalLine === 'number') f.lineNumber = entry.originalLine;
  }
}

/** Starts profiling (interval in µs); call the returned function to stop and write `file`. */
export async function startProfile(file: string, intervalUs = 100): Promise<() => Promise<void>> {
  const session = new inspector.Session();
  session.connect();
  const post = poster(session);
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalUs });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: { nodes: { callFrame: Frame }[] } };
    session.disconnect();
    mapFrames(profile);
    fs.writeFileSync(file, JSON.stringify(profile));
  };
}
