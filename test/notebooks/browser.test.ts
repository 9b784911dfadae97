/**
 * An executed notebook's figure renders as an interactive plotly plot in the classic Notebook UI
 * (Debian's jupyter-notebook) in headless Chromium, offline: every non-local request is blocked.
 * Untrusted, the same output shows the runner's static PNG (`--png`) instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../kit/notebooks/resolve';
import { readNotebook, writeNotebook } from '../../kit/notebooks/notebook';
import { addPngFallbacks, PNG_WIDTH } from '../../kit/notebooks/png';
import { CHROMIUM, missingChromium, missingPython, requireTool, SYSTEM_PYTHON } from './env';
import { executedCourse, EXECUTION_TIMEOUT_MS } from './executed';

/** Where the screenshot of the rendered notebook goes (a test artifact). */
const ARTIFACTS = join(ROOT, 'build', 'test-artifacts');
const missing = missingChromium() ?? missingPython(['notebook', 'nbformat']);
const work = mkdtempSync(join(tmpdir(), 'descent-browser-'));
let server: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the Notebook server did not answer ${url} within ${ms} ms`);
}

const isLocal = (url: string): boolean => {
  const u = new URL(url);
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1' || u.hostname === 'localhost';
};

/** The chapter whose executed plots are rendered (issue 4: one executed chapter, as a student sees it). */
const CHAPTER = '01-mse.ipynb';

describe('an executed chapter in the classic Notebook UI', () => {
  it('shows interactive plotly plots with no network access', async (ctx) => {
    requireTool(ctx, 'the browser rendering test', missing);
    const nbDir = join(work, 'notebooks');
    mkdirSync(nbDir, { recursive: true });
    // The shared execution of the course, with the runner's static PNGs added (what --png does).
    const executed = readNotebook(join(await executedCourse('en'), CHAPTER));
    expect(await addPngFallbacks(executed)).toBeGreaterThanOrEqual(4);
    writeNotebook(join(nbDir, CHAPTER), executed);
    // An untrusted copy (different content, never signed): HTML is sanitised, scripts do not run.
    writeNotebook(join(nbDir, 'untrusted.ipynb'), { ...executed, metadata: { ...executed.metadata, untrusted: true } });
    const dataDir = join(work, 'jupyter-data');
    const env = { ...process.env, JUPYTER_DATA_DIR: dataDir, JUPYTER_CONFIG_DIR: join(work, 'jupyter-config'), JUPYTER_RUNTIME_DIR: join(work, 'runtime') };
    // Outputs a user produced in their own session are trusted; a file from disk must be signed.
    const trust = spawnSync(SYSTEM_PYTHON, ['-m', 'nbformat.sign', join(nbDir, CHAPTER)], { env, encoding: 'utf8' });
    expect(trust.status, trust.stderr).toBe(0);

    const port = await freePort();
    const token = randomBytes(12).toString('hex');
    server = spawn(SYSTEM_PYTHON, ['-m', 'notebook', '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`,
      `--NotebookApp.token=${token}`, `--notebook-dir=${nbDir}`, '--NotebookApp.open_browser=False'], { env, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/api?token=${token}`, 30_000);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1200, height: 1400 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/notebooks/${CHAPTER}?token=${token}`);
    const plot = page.locator('.js-plotly-plot').first();
    await plot.locator('svg.main-svg').first().waitFor({ timeout: 60_000 });

    expect(await plot.locator('.scatterlayer .trace').count()).toBe(3); // e, |e| and e²
    expect(await plot.locator('.modebar').count()).toBe(1); // plotly's interactive toolbar
    // Every figure of the chapter is drawn (the chapter has several).
    await page.waitForFunction(() => document.querySelectorAll('.js-plotly-plot svg.main-svg').length >= 4, undefined, { timeout: 60_000 });
    expect(await page.locator('.descent-plot-wait').count()).toBe(0);
    expect(errors.filter((e) => /plotly|descent/i.test(e))).toEqual([]);
    expect(blocked).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await plot.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'notebook-classic-plot.png') });

    // The static fallback: an untrusted notebook shows the PNG drawn by the runner instead.
    await page.goto(`${base}/notebooks/untrusted.ipynb?token=${token}`);
    const img = page.locator('.descent-plot img').first();
    await img.waitFor({ timeout: 60_000 });
    expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(PNG_WIDTH);
    expect(await page.locator('.js-plotly-plot').count()).toBe(0);
    expect(blocked).toEqual([]);
  }, 180_000 + EXECUTION_TIMEOUT_MS);
});
