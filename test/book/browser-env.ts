/**
 * What the book's browser tests share: the student book built from the notebooks executed once
 * (shared.ts), served from localhost, and Debian's Chromium (playwright-core) with every request
 * outside the page's origin blocked. A missing Chromium skips locally with a message and fails
 * under CI.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildBook, type BookResult } from '../../kit/book/build';
import { EXECUTED_DIR, EXERCISES_DIR } from '../../kit/book/files';
import { serveBook, type BookServer } from '../../kit/book/serve';
import { available, CHROMIUM, missingChromium } from '../notebooks/env';
import { afterAll, beforeAll } from 'vitest';
import { executedWithStubs, EXECUTION_TIMEOUT_MS } from './shared';

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** True when the browser tests can run here (throws under CI when they cannot). */
export function browserTestsRun(what: string): boolean {
  const missing = missingChromium();
  // Skips locally with a message when Chromium is missing; never under CI (whatever CI is set to).
  if (missing !== null && process.env.CI) {
    throw new Error(`${what} cannot run under CI (CI=${process.env.CI}): ${missing}. .ci/run must install it.`);
  }
  return available(what, missing);
}

export const isLocal = (url: string): boolean => {
  const u = new URL(url);
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1' || u.hostname === 'localhost';
};

export interface BrowserEnv {
  book: BookResult;
  server: BookServer;
  browser: Browser;
  /** Requests that tried to leave the page's origin (blocked). */
  blocked: string[];
  /** A context (viewport, colour scheme) with the offline rule. */
  context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Builds the student book (`out` under a temporary folder, or `bookDir`), serves it, starts Chromium.
 * `english: true` builds the English pages only (tests of the live editor and the exercise pages).
 */
export async function startBrowserEnv(options: { build?: () => Promise<BookResult>; english?: boolean } = {}): Promise<BrowserEnv> {
  const work = mkdtempSync(join(tmpdir(), 'descent-book-browser-'));
  let book: BookResult;
  if (options.build) {
    book = await options.build();
  } else {
    await executedWithStubs(options.english === true ? 'english' : 'both');
    // The book students get: built from notebooks executed with the stubs.
    book = await buildBook({
      out: join(work, 'book'), executedDir: EXECUTED_DIR, exercisesDir: EXERCISES_DIR, student: true,
      languages: options.english === true ? ['en'] : undefined,
    });
  }
  const server = await serveBook(book.out, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const blocked: string[] = [];
  return {
    book,
    server,
    browser,
    blocked,
    async context(opts = {}) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
      await ctx.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      return ctx;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page, collecting console errors, uncaught exceptions, failed requests and HTTP errors.
 * `figures: 'all'` draws every figure at once; `'first'` waits for the first one only (scrolled to
 * it and back), as a reader's page does, which keeps axe's work to the page a reader sees first.
 */
export async function openPage(ctx: BrowserContext, url: string, options: { figures?: 'all' | 'first' } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url, { waitUntil: 'load' });
  // Every figure drawn now (the book draws those off screen later, when the page is idle), each
  // placeholder an SVG inside .js-plotly-plot.
  if (options.figures === 'first') {
    if (await page.locator('.plot').count() > 0) {
      await page.locator('.plot').first().scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('.plot svg.main-svg') !== null, undefined, { timeout: 60_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    return { page, errors };
  }
  await page.evaluate(() => (window as unknown as { descentBook?: { drawAll(): Promise<void> } }).descentBook?.drawAll());
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.plot'))
    .every((el) => el.classList.contains('js-plotly-plot') && el.querySelector('svg.main-svg') !== null), undefined, { timeout: 60_000 });
  return { page, errors };
}

/**
 * The environment of a test file: registers the hooks that start it (when Chromium is there) and
 * close it; `env()` and `context()` are valid inside the tests.
 */
export function useBrowserEnv(what: string, options: { build?: () => Promise<BookResult>; english?: boolean; timeoutMs?: number } = {}): {
  runs: boolean;
  env(): BrowserEnv;
  context(): BrowserContext;
} {
  const runs = browserTestsRun(what);
  let env: BrowserEnv | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    if (!runs) return;
    env = await startBrowserEnv(options);
    context = await env.context();
  }, options.timeoutMs ?? EXECUTION_TIMEOUT_MS);
  afterAll(async () => { await env?.close(); });
  return {
    runs,
    env: () => env as BrowserEnv,
    context: () => context as BrowserContext,
  };
}
