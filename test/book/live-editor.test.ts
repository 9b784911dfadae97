/**
 * The live book in Chromium, offline, on chapter 3: edit a learning rate and Run its cell (the
 * figure changes, no page error); Run all reproduces every figure of the static page; an endless
 * loop is stopped by Stop and the next Run works; axe-core finds nothing on the page with live
 * outputs; keyboard only, a skip link and Tab reach every control of the page in order with a
 * visible focus, and Enter and Space operate them. Also measures what the README reports: the chapter's download (gzip), the time from
 * load to the first cell's output, and the chapter's run time in the page (printed, not asserted).
 */
import { gzipSync } from 'zlib';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openPage, useBrowserEnv } from './browser-env';

const CHAPTER = '03-gradient-descent.html';
/** The line of chapter 3 that sets the learning rates of the error figure. */
/** The line of the error-per-step figure that lists its learning rates. */
const LRS_LINE = 'const errorSeries = [0.05, 0.25, 0.7, 0.9, 1.05].flatMap((lr, k) => [';
/** What follows the last rate on that line. */
const AFTER_LAST_RATE = '].flatMap((lr, k) => [';
/** The budget for one chapter's download, plotly included. */
const DOWNLOAD_LIMIT = 5 * 1024 * 1024;

const book = useBrowserEnv('the live book test', { english: true });
const { runs } = book;

interface Fig { data: Array<Record<string, unknown>>; layout: { title?: { text?: string } } }

/** The figures (plotly JSON) under `root`, in page order. */
function figures(page: Page, selector = 'main'): Promise<Fig[]> {
  return page.evaluate((sel) => Array.from(document.querySelector(sel)?.querySelectorAll('script[data-figure]') ?? [])
    .map((s) => JSON.parse(s.textContent ?? '{}')), selector);
}

/** The code cell whose editor holds `text`. */
async function cellWith(page: Page, text: string): Promise<{ index: number; cell: Locator }> {
  const index = await page.evaluate((t) => Array.from(document.querySelectorAll('section.code-cell'))
    .findIndex((s) => s.querySelector('.cm-content')?.textContent?.includes(t)), text);
  expect(index, `a cell with ${text}`).toBeGreaterThanOrEqual(0);
  return { index, cell: page.locator(`section.code-cell[data-cell="${index}"]`) };
}

/** Waits until the cell is not running and has drawn its figures. */
async function settled(page: Page, index: number): Promise<void> {
  await page.waitForFunction((k) => {
    const s = document.querySelector(`section.code-cell[data-cell="${k}"]`);
    return s !== null && !s.classList.contains('running') && /ran in|failed/.test(document.querySelector('.live-status')?.textContent ?? '')
      && Array.from(s.querySelectorAll('.plot')).every((p) => p.querySelector('svg.main-svg') !== null);
  }, index, { timeout: 120_000 });
}

/** Numbers equal to 1e-9 relative (the browser's and Node's V8 agree to the last digits). */
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => close(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    return close(ka, Object.keys(b).sort()) && ka.every((k) => close((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

describe.skipIf(!runs)('the live book in Chromium, offline (chapter 3)', () => {
  it('edits a learning rate, runs the cell: its figure changes, no page error', async () => {
    const { page, errors } = await openPage(book.context(), `${book.env().server.url}${CHAPTER}`);
    const { index, cell } = await cellWith(page, LRS_LINE);
    const before = await figures(page, `section.code-cell[data-cell="${index}"]`);
    expect(before[0].data.map((t) => t.name)).toContain('η = 1.05: measured');
    // Edit as a reader does: click the line, go to its end, back over the code after the last rate,
    // delete "1.05", type the new rate.
    await cell.locator('.cm-line', { hasText: 'const errorSeries' }).click();
    await page.keyboard.press('End');
    for (let k = 0; k < AFTER_LAST_RATE.length; k++) await page.keyboard.press('ArrowLeft');
    for (let k = 0; k < '1.05'.length; k++) await page.keyboard.press('Backspace');
    await page.keyboard.type('0.5');
    await cell.locator('button.cell-run').click();
    await settled(page, index); // runs the cells above it first (a fresh page), then this one
    const after = await figures(page, `section.code-cell[data-cell="${index}"]`);
    expect(after).toHaveLength(1);
    const names = after[0].data.map((t) => String(t.name));
    expect(names).toContain('η = 0.5: measured');
    expect(names.some((n) => String(n).startsWith('η = 1.05'))).toBe(false);
    // Its description and data tables are made from the new data.
    expect((await cell.locator('.figure-data caption').allTextContents()).join('\n')).toContain('η = 0.5: measured');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('Run all reproduces every figure of the static page; axe finds no violation in the live page', async () => {
    const { page, errors } = await openPage(book.context(), `${book.env().server.url}${CHAPTER}`);
    const statics = await figures(page);
    expect(statics.length).toBeGreaterThan(0);
    await page.locator('button.live-run-all').click();
    await page.waitForFunction(() => /All \d+ cells ran|failed/.test(document.querySelector('.live-status')?.textContent ?? ''), undefined, { timeout: 180_000 });
    const status = await page.locator('.live-status').textContent();
    expect(status).toMatch(/All \d+ cells ran in/);
    const live = await figures(page);
    expect(live).toHaveLength(statics.length);
    live.forEach((fig, k) => {
      expect(fig.layout.title, `figure ${k + 1}`).toEqual(statics[k].layout.title);
      expect(close(fig.data, statics[k].data), `figure ${k + 1}: data`).toBe(true);
    });
    console.log(`[book] chapter 3 in the browser: ${status}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('stops an endless loop with Stop, and the next Run works', async () => {
    const { page, errors } = await openPage(book.context(), `${book.env().server.url}${CHAPTER}`);
    const last = page.locator('section.code-cell.live').last();
    await last.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('let spins = 0;\nwhile (true) spins++;');
    await last.locator('button.cell-run').click();
    const stop = page.locator('button.live-stop');
    // The loop's cell is running (the cells above it ran first), and Stop is enabled.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('section.code-cell.live')).pop()?.classList.contains('running') === true
      && !(document.querySelector('button.live-stop') as HTMLButtonElement).disabled, undefined, { timeout: 120_000 });
    await page.waitForTimeout(500);
    await stop.click();
    await page.waitForFunction(() => /Stopped/.test(document.querySelector('.live-status')?.textContent ?? ''));
    expect(await stop.isDisabled()).toBe(true);
    const { index, cell } = await cellWith(page, LRS_LINE);
    await cell.locator('button.cell-run').click();
    await settled(page, index);
    expect(await cell.locator('.cell-outputs .js-plotly-plot').count()).toBe(1);
    expect(await page.locator('.live-status').textContent()).toMatch(new RegExp(`Cell ${index + 1} ran in`));
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('keyboard only: a skip link, Tab reaches every control in order with a visible focus, Enter and Space operate them', async () => {
    const { page, errors } = await openPage(book.context(), `${book.env().server.url}${CHAPTER}`);
    await page.waitForFunction(() => document.querySelectorAll('section.code-cell.live pre.code').length === 0); // every editor mounted
    // Number every control a keyboard user must reach, in document order.
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
      const shown = (el: Element): boolean => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
        && !el.parentElement?.closest('details:not([open])') || el.matches('details:not([open]) > summary');
      const list = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter(shown);
      list.forEach((el, k) => { el.dataset.kb = String(k); });
      return list.map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 60));
    });
    expect(controls.length).toBeGreaterThan(40);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().left >= 0)).toBe(true); // shown when focused
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const reached: number[] = [];
    const noFocusStyle: string[] = [];
    for (let i = 0; i < 4 * controls.length && reached.length < controls.length; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const ring = (e: Element | null): boolean => e !== null && getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) > 0;
        return { k: el.dataset.kb === undefined ? -1 : Number(el.dataset.kb), visible: ring(el) || ring(el.closest('.cm-editor')), what: `${el.tagName.toLowerCase()}.${el.className}` };
      });
      if (at === null || at.k < 0) continue;
      if (!at.visible) noFocusStyle.push(at.what);
      if (!reached.includes(at.k)) reached.push(at.k);
    }
    // Every control reached, those of the content in document order (Tab from the skip target runs
    // through the content first, then wraps round to the top bar and the contents).
    expect(controls.filter((_, k) => !reached.includes(k))).toEqual([]);
    const firstPass = reached.slice(0, reached.indexOf(Math.min(...reached)));
    expect(firstPass).toEqual([...firstPass].sort((a, b) => a - b));
    expect(noFocusStyle).toEqual([]);

    // Enter on a cell's Run runs it (and the cells above); Space opens a figure's data; Shift+Enter
    // in an editor runs its cell; Space on Run all starts the chapter, Enter on Stop stops it;
    // Enter on Reset restores it.
    const { index, cell } = await cellWith(page, LRS_LINE);
    await cell.locator('button.cell-run').focus();
    await page.keyboard.press('Enter');
    await settled(page, index);
    expect(await cell.locator('.cell-outputs .js-plotly-plot').count()).toBe(1);
    await cell.locator('details.figure-data > summary').focus();
    await page.keyboard.press('Space');
    expect(await cell.locator('details.figure-data').getAttribute('open')).not.toBeNull();
    await cell.locator('.cm-content').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nconsole.log("typed at the keyboard");');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction((k) => document.querySelector(`section.code-cell[data-cell="${k}"] .cell-outputs`)?.textContent?.includes('typed at the keyboard'), index, { timeout: 60_000 });
    await page.locator('button.live-run-all').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /Running cell \d+/.test(document.querySelector('.live-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await page.locator('button.live-stop').focus(); // enabled while cells run
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Stopped/.test(document.querySelector('.live-status')?.textContent ?? ''));
    await page.locator('button.live-reset').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.live-status').textContent()).toMatch(/restored/);
    expect(await cell.locator('.cm-content').textContent()).toContain(LRS_LINE);
    // On a phone: the menu opens with Enter and closes with Escape, focus back on its button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.menu-toggle').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.menu-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-toggle');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('measures the download and the time to the first output (a fresh browser profile)', async () => {
    const ctx = await book.env().context();
    const files: string[] = [];
    const page = await ctx.newPage();
    page.on('response', (r) => { if (r.ok()) files.push(new URL(r.url()).pathname); });
    await page.goto(`${book.env().server.url}${CHAPTER}`, { waitUntil: 'domcontentloaded' });
    // The first cell that shows something: its Run (the cells above it run first).
    const first = await page.evaluate(() => Array.from(document.querySelectorAll('section.code-cell'))
      .findIndex((s) => (s.querySelector('.cell-outputs')?.childElementCount ?? 0) > 0));
    await page.waitForSelector(`section.code-cell[data-cell="${first}"] button.cell-run`);
    await page.evaluate((k) => {
      const outputs = document.querySelector(`section.code-cell[data-cell="${k}"] .cell-outputs`) as HTMLElement;
      new MutationObserver((_m, obs) => {
        if (outputs.childElementCount > 0) { (window as unknown as { firstOutput: number }).firstOutput = performance.now(); obs.disconnect(); }
      }).observe(outputs, { childList: true });
      (document.querySelector(`section.code-cell[data-cell="${k}"] button.cell-run`) as HTMLButtonElement).click();
    }, first);
    await page.waitForFunction(() => typeof (window as unknown as { firstOutput?: number }).firstOutput === 'number', undefined, { timeout: 60_000 });
    const ms = await page.evaluate(() => (window as unknown as { firstOutput: number }).firstOutput);
    // Then everything a reader of the chapter ends up loading: plotly.js and every figure.
    await page.evaluate(() => (window as unknown as { descentBook: { drawAll(): Promise<void> } }).descentBook.drawAll());
    await page.waitForLoadState('networkidle');
    expect(files.some((f) => f.endsWith('/plotly.min.js'))).toBe(true);
    const unique = [...new Set(files)];
    let raw = 0;
    let gzip = 0;
    for (const path of unique) {
      const body = readFileSync(join(book.env().book.out, decodeURIComponent(path === '/' ? '/index.html' : path)));
      raw += body.length;
      gzip += gzipSync(body).length;
    }
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
    console.log(`[book] chapter 3, everything (plotly included): ${unique.length} files, ${mb(raw)} (${mb(gzip)} gzip); load to the first cell's output (cell ${first + 1}): ${Math.round(ms)} ms`);
    expect(gzip).toBeLessThan(DOWNLOAD_LIMIT);
    expect(unique.every((p) => p.startsWith('/'))).toBe(true);
    expect(book.env().blocked).toEqual([]);
    await ctx.close();
  }, 120_000);
});
