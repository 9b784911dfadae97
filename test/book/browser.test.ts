/**
 * The built book in a real browser (Debian's headless Chromium driven by playwright-core), served
 * from localhost with every non-local request blocked. For every page: rendered plotly plots,
 * typeset formulas with their MathML and no TeX left in the text, every figure described from its
 * data with its data tables, no console errors, and no WCAG 2.0/2.1 A or AA violation found by
 * axe-core in the light and the dark colour scheme; working previous/next links. Screenshots of
 * one chapter (light, dark, phone) are saved as test artifacts. The Korean pages (build/book/ko/):
 * Hangul drawn with the bundled Noto Sans KR served from the book's assets, plots, MathML, the
 * language links followed both ways (and reached by keyboard), axe on the index and a chapter.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserEnv } from './browser-env';
import { axeViolations } from './axe';
import { figureProblems, mathProblems, twinLinks } from './page-checks';
import { ARTIFACTS } from './shared';

/** Chapter pages (`NN-name`) must show a plot; other pages (the glossary) are text. */
const CHAPTER = /^\d\d-/;
const book = useBrowserEnv('the book browser test');
const { runs } = book;

/** Opens a page of the book. */
function open(path: string, ctx = book.context()): Promise<{ page: Page; errors: string[] }> {
  return openPage(ctx, `${book.env().server.url}${path}`);
}

/** The page's text outside code, scripts and typeset math. */
function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    if (!main) return '';
    main.querySelectorAll('pre, code, script, style, .katex, .katex-error, .cm-editor').forEach((el) => el.remove());
    return main.textContent ?? '';
  });
}

describe.skipIf(!runs)('the course book in Chromium, offline', () => {
  it('renders every page: plots, typeset math with MathML, figures described from their data, no TeX left, no console error; axe finds no WCAG A/AA violation in light and dark', async () => {
    expect(book.env().book.chapters.length).toBeGreaterThan(0);
    const problems: string[] = []; // every page is checked, then all problems are reported at once
    for (const name of book.env().book.editions[0].pages) { // the English pages (the Korean ones: below)
      // As a reader opens it: the first figure drawn, the others when they come near the screen.
      const { page, errors } = await openPage(book.context(), `${book.env().server.url}${name}`, { figures: 'first' });
      const slug = name.replace(/\.html$/, '');
      if (CHAPTER.test(slug)) {
        if (await page.locator('.js-plotly-plot svg.main-svg').count() === 0) problems.push(`${name}: no rendered plotly plot`);
        if (await page.locator('.js-plotly-plot .modebar').count() === 0) problems.push(`${name}: no interactive plot (mode bar)`);
        if (await page.locator('.katex').count() === 0) problems.push(`${name}: no typeset formula (.katex)`);
      }
      for (const e of await page.locator('.katex-error').allTextContents()) problems.push(`${name}: KaTeX rejected a formula: ${e}`);
      const text = await proseText(page);
      for (const raw of ['$$', '\\frac']) {
        const at = text.indexOf(raw);
        if (at >= 0) problems.push(`${name}: raw TeX left in the text: …${text.slice(Math.max(0, at - 40), at + 40)}…`);
      }
      problems.push(...await figureProblems(page, name), ...await mathProblems(page, name));
      // axe-core in both colour schemes (the figures redraw for the dark one), live editors included.
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        problems.push(...(await axeViolations(page)).map((v) => `${name} (${scheme}): ${v}`));
      }
      problems.push(...errors.map((e) => `${name}: ${e}`));
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(book.env().blocked).toEqual([]);
  }, 900_000); // 8 min measured with the machine at load average 14 (axe on 17 pages × 2 schemes dominates)

  it('links every chapter to the previous and the next one, and the links work', async () => {
    const slugs = book.env().book.chapters.map((c) => c.slug);
    const { page } = await open('index.html');
    await page.locator('a.chapter-link').first().click();
    for (let k = 0; k < slugs.length; k++) {
      await page.waitForURL(`${book.env().server.url}${slugs[k]}.html`, { waitUntil: 'domcontentloaded' });
      expect(await page.locator('.toc li.current > a').getAttribute('href')).toBe(`${slugs[k]}.html`);
      const prev = page.locator('.pager a[rel="prev"]');
      expect(await prev.getAttribute('href')).toBe(k === 0 ? 'index.html' : `${slugs[k - 1]}.html`);
      if (k > 0) {
        await prev.click();
        await page.waitForURL(`${book.env().server.url}${slugs[k - 1]}.html`, { waitUntil: 'domcontentloaded' });
        await page.goBack();
        await page.waitForURL(`${book.env().server.url}${slugs[k]}.html`, { waitUntil: 'domcontentloaded' });
      }
      const next = page.locator('.pager a[rel="next"]');
      if (k + 1 < slugs.length) await next.click();
      else expect(await next.count()).toBe(0);
    }
    await page.close();
  }, 300_000);

  it('reads on a laptop and a phone, in light and dark: screenshots of one chapter', async () => {
    const chapter = book.env().book.chapters.find((c) => CHAPTER.test(c.slug) && c.figures > 0 && c.slug !== '00-setup')
      ?? book.env().book.chapters.find((c) => c.figures > 0) ?? book.env().book.chapters[0];
    mkdirSync(ARTIFACTS, { recursive: true });
    const shots: Array<{ file: string; scheme: 'light' | 'dark'; width: number; height: number }> = [
      { file: 'book-chapter.png', scheme: 'light', width: 1280, height: 900 },
      { file: 'book-chapter-dark.png', scheme: 'dark', width: 1280, height: 900 },
      { file: 'book-chapter-phone.png', scheme: 'light', width: 390, height: 844 },
    ];
    for (const shot of shots) {
      const ctx = await book.env().context({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme, deviceScaleFactor: 1 });
      const { page, errors } = await open(`${chapter.slug}.html`, ctx);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(shot.scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      // Nothing wider than the screen: tables, code and formulas scroll inside their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), shot.file).toBeLessThanOrEqual(shot.width);
      if (shot.width < 600) {
        expect(await page.locator('#sidebar').isVisible() && await page.locator('#sidebar').boundingBox().then((b) => (b?.x ?? -1) >= 0)).toBe(false);
        await page.locator('.menu-toggle').click();
        await page.waitForFunction(() => document.getElementById('sidebar')?.getBoundingClientRect().x === 0);
        await page.screenshot({ path: join(ARTIFACTS, 'book-phone-menu.png') });
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => (document.getElementById('sidebar')?.getBoundingClientRect().right ?? 1) <= 0);
        await page.locator('main').click({ position: { x: 5, y: 5 } }); // focus off the menu button
      }
      await page.locator('.js-plotly-plot').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -200));
      await page.screenshot({ path: join(ARTIFACTS, shot.file) });
      expect(errors, shot.file).toEqual([]);
      await ctx.close();
    }
  }, 120_000);
});

describe.skipIf(!runs)('the Korean book in Chromium, offline', () => {
  const korean = (): string[] => book.env().book.editions.find((e) => e.lang === 'ko')?.pages ?? [];
  const chapter = (): string => book.env().book.chapters.find((c) => c.figures > 0 && CHAPTER.test(c.slug) && c.slug !== '00-setup')?.slug ?? book.env().book.chapters[0].slug;

  it('draws every Korean page\'s Hangul with the bundled Noto Sans KR, served from the book\'s assets, with its plots and MathML', async () => {
    expect(korean().length).toBe(book.env().book.editions[0].pages.length);
    // The static page only (plots by book.js, fonts, math): live.js, whose worker would load the
    // library on every chapter, is served empty here; the live editor is tested in Korean below.
    const ctx = await book.env().context();
    await ctx.route('**/assets/live.js', (route) => route.fulfill({ body: '', contentType: 'text/javascript' }));
    const fonts: string[] = [];
    ctx.on('request', (r) => { if (/noto-sans-kr.*\.woff2$/.test(r.url())) fonts.push(r.url()); });
    const problems: string[] = [];
    const fontsFrom = `${book.env().server.url}assets/fonts/noto-sans-kr/`;
    let opened: Awaited<ReturnType<typeof openPage>> | undefined;
    for (const name of korean()) {
      fonts.length = 0;
      await opened?.page.close();
      opened = await openPage(ctx, `${book.env().server.url}${name}`, { figures: 'first' });
      const { page, errors } = opened;
      const state = await page.evaluate(async () => {
        await document.fonts.ready;
        return {
          lang: document.documentElement.lang,
          // check() is also true for a family no @font-face declares: a loaded face of the family says it is the bundled one.
          check: document.fonts.check('16px "Noto Sans KR"', '한글'),
          loaded: [...(document.fonts as unknown as Iterable<FontFace>)].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans KR' && f.status === 'loaded').length,
          body: getComputedStyle(document.body).fontFamily,
        };
      });
      if (state.lang !== 'ko') problems.push(`${name}: lang ${state.lang}`);
      if (!state.check || state.loaded === 0) problems.push(`${name}: Noto Sans KR not loaded (check ${state.check}, ${state.loaded} faces loaded)`);
      if (!state.body.startsWith('"Noto Sans KR"')) problems.push(`${name}: body font ${state.body}`);
      if (fonts.length === 0 || fonts.some((u) => !u.startsWith(fontsFrom))) problems.push(`${name}: font requests ${JSON.stringify(fonts)}`);
      if (CHAPTER.test(name.replace(/^ko\//, ''))) {
        if (await page.locator('.js-plotly-plot svg.main-svg').count() === 0) problems.push(`${name}: no rendered plotly plot`);
        if (await page.locator('.katex').count() === 0) problems.push(`${name}: no typeset formula (.katex)`);
      }
      problems.push(...await mathProblems(page, name), ...errors.map((e) => `${name}: ${e}`));
    }
    await ctx.close();
    expect(problems).toEqual([]);
    expect(book.env().blocked).toEqual([]);
  }, 300_000);

  it('follows the language link from a chapter to its Korean twin (live editor in Korean) and back, from the keyboard', async () => {
    const url = book.env().server.url;
    const { page, errors } = await open(`${chapter()}.html`);
    // In the top bar, visible, a few Tab stops from the top (after the skip link and the menu button).
    let reached = false;
    for (let k = 0; k < 6 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('lang-link') === true);
    }
    expect(reached).toBe(true);
    expect(await page.locator('.lang-link').isVisible()).toBe(true);
    expect(await page.locator('.lang-link').textContent()).toBe('한국어');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}ko/${chapter()}.html`, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.locator('.live-toolbar').first().waitFor();
    expect(await page.locator('.live-toolbar').first().textContent()).toMatch(/모두 실행.*중지.*초기화/);
    expect(twinLinks(await page.content()).en).toBe(`../${chapter()}.html`);
    await page.locator('.lang-link').click();
    await page.waitForURL(`${url}${chapter()}.html`, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.live-toolbar').first().textContent()).toMatch(/Run all.*Stop.*Reset/);
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);

  it('passes axe on the Korean index and a Korean chapter', async () => {
    const problems: string[] = [];
    for (const name of ['ko/index.html', `ko/${chapter()}.html`]) {
      const { page } = await openPage(book.context(), `${book.env().server.url}${name}`, { figures: 'first' });
      problems.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
