/**
 * A small static file server for the built book (node:http, no dependency): localhost only,
 * never outside its folder, `index.html` for folders, a free port when the preferred one is taken.
 */
import { statSync } from 'fs';
import { createServer, type Server } from 'http';
import { extname, join, resolve, sep } from 'path';
import { assertNotSolution, readStream } from './files';

/** The port `npm start` tries first (any free port when it is taken). */
export const DEFAULT_PORT = 4173;
/** Only this machine can open the book. */
export const DEFAULT_HOST = '127.0.0.1';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface BookServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file a URL path names inside `root`, or null when it escapes it. */
export function fileFor(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${path.startsWith('/') ? path : `/${path}`}`);
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return statSync(file).isDirectory() ? join(file, 'index.html') : file;
  } catch {
    return file;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const onError = (e: Error): void => { server.off('listening', onListening); fail(e); };
    const onListening = (): void => { server.off('error', onError); ok((server.address() as { port: number }).port); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Serves `dir` on `host` (default 127.0.0.1); `port` 0 = any free port; a taken port falls back to a free one. */
export async function serveBook(dir: string, options: { port?: number; host?: string } = {}): Promise<BookServer> {
  const root = resolve(dir);
  assertNotSolution(root);
  const host = options.host ?? DEFAULT_HOST;
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(root, req.url ?? '/');
    let size = -1;
    try {
      if (file !== null && statSync(file).isFile()) size = statSync(file).size;
    } catch { /* not found */ }
    if (file === null || size < 0) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${req.url ?? ''}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    readStream(file).on('error', () => res.destroy()).pipe(res);
  });
  const wanted = options.port ?? DEFAULT_PORT;
  let port: number;
  try {
    port = await listen(server, wanted, host);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || wanted === 0) throw e;
    port = await listen(server, 0, host);
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () => new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections?.();
    }),
  };
}
