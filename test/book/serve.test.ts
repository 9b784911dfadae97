/** The book's static server: files with their types, index.html for folders, 404s, no escape from the folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, serveBook, type BookServer } from '../../kit/book/serve';

const root = mkdtempSync(join(tmpdir(), 'descent-serve-'));
const site = join(root, 'site');
let server: BookServer;

beforeAll(async () => {
  mkdirSync(join(site, 'exercises'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>index</h1>');
  writeFileSync(join(site, 'exercises', 'index.html'), 'exercise index');
  writeFileSync(join(site, 'a b.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  server = await serveBook(site, { port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serveBook', () => {
  it('listens on localhost and prints a URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves files with their content type, and index.html for a folder', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe('<h1>index</h1>');
    expect(await (await fetch(`${server.url}exercises/`)).text()).toBe('exercise index');
    const css = await fetch(`${server.url}a%20b.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{}');
    const head = await fetch(server.url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('14');
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    const missing = await fetch(`${server.url}nope.html`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found: /nope.html\n');
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('never serves a file outside its folder', async () => {
    expect(fileFor(site, '/../secret.txt')).toBeNull();
    expect(fileFor(site, '/exercises/../index.html')).toBe(join(site, 'index.html'));
    expect(fileFor(site, '/%2e%2e/secret.txt')).toBeNull();
    expect(fileFor(site, '/%2e%2e%2fsecret.txt')).toBeNull();
    expect(fileFor(site, '/a%00b')).toBeNull();
    expect(fileFor(site, '/%E0%A4%A')).toBeNull();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await fetch(`${server.url.slice(0, -1)}${path}`);
      expect(r.status, path).toBe(404);
    }
  });

  it('takes a free port when the preferred one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', () => ok()));
    const taken = (blocker.address() as { port: number }).port;
    const other = await serveBook(site, { port: taken });
    try {
      expect(other.port).not.toBe(taken);
      expect((await fetch(other.url)).status).toBe(200);
    } finally {
      await other.close();
      blocker.close();
    }
  });
});
