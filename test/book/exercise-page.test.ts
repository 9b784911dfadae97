/**
 * The exercise page's Check in Chromium, offline, on the student book (the stubs): on `mse`, the
 * stub scores 0 and the reference solution pasted in scores full marks (`score: Y / Y points`,
 * Y the course's points for mse, course.config.json), the code survives a reload, Download gives `mse.ts`, Reset — through a
 * keyboard-operable confirmation — brings the stub back; an endless loop in one function costs
 * only the checks that call it ("timed out after 2 s"), Stop ends a check stuck loading and the
 * next Check works; axe-core finds nothing with the results and with the dialog, light and dark.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXERCISES_DIR, SOLUTIONS_DIR } from '../../kit/book/files';
import { readProjectConfig } from '../../kit/grade/config';
import { listExercises, loadGrader } from '../../kit/grade/course';
import { resolveRun } from '../../kit/grade/report/model';
import { formatPoints } from '../../kit/grade/report/points';
import { PROJECT_ROOT } from '../../kit/shared/root';
import { axeViolations } from './axe';
import { openPage, useBrowserEnv } from './browser-env';

const book = useBrowserEnv('the exercise page test', { english: true });
const SOLUTION = readFileSync(join(SOLUTIONS_DIR, 'mse.ts'), 'utf8');
const STUB = readFileSync(join(EXERCISES_DIR, 'mse.ts'), 'utf8');
const MSE = listExercises(PROJECT_ROOT).find((e) => e.name === 'mse')!;
const CHECKS = loadGrader(MSE.grader).checks;
/** Each check's points, the course's (course.config.json) as kit/grade's results model resolves them. */
const WORTH = resolveRun(
  CHECKS.map((c) => ({ exercise: 'mse', file: 'mse.ts', chapter: MSE.chapter, name: c.name, hidden: false, passed: true, graderPoints: c.points, feedback: '', ms: 0 })),
  readProjectConfig(PROJECT_ROOT),
  { title: '', dir: '', gradedAt: '', ms: 0, hidden: false, seed: 0 },
).results.map((r) => r.maxPoints);
const sum = (xs: number[]): number => Math.round(xs.reduce((s, x) => s + x * 100, 0)) / 100;
const TOTAL = formatPoints(sum(WORTH));
const score = (got: number): string => `score: ${formatPoints(got)} / ${TOTAL} points`;
/** The checks that call only mseGradient (they pass when mse loops). */
const GRADIENT = CHECKS.map((c) => /^mseGradient\b/.test(c.name));
const LOOPING_SCORE = score(sum(WORTH.filter((_, k) => GRADIENT[k])));

/** mse loops forever; mseGradient is right. */
const LOOPING = `${SOLUTION.replace(/export function mse\(/, 'export function mseOld(')}\nexport function mse(yHat: number[], y: number[]): number { for (;;) { /* forever */ } }\n`;

async function msePage(ctx: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(ctx, `${book.env().server.url}exercises/mse.html`);
  await opened.page.waitForSelector('.exercise-editor .cm-content');
  return opened;
}

/** The editor's text (CodeMirror's own document). */
const editorText = (page: Page): Promise<string> => page.evaluate(() =>
  (window as unknown as { descentExercise: { code(): string } }).descentExercise.code());

/** Replaces the editor's code as a student pasting does: select all, insert. */
async function paste(page: Page, code: string): Promise<void> {
  await page.locator('.exercise-editor .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
  expect(await editorText(page)).toBe(code);
}

/** Clicks Check and waits for the score line (or another end of the check). */
async function check(page: Page, run: () => Promise<void> = () => page.click('button.exercise-check')): Promise<string> {
  await run();
  await page.waitForFunction(() => !(document.querySelector('button.exercise-check') as HTMLButtonElement).disabled
    && /Checked|Stopped|could not/.test(document.querySelector('.practice .live-status')?.textContent ?? ''), undefined, { timeout: 90_000 });
  return (await page.locator('.check-results .score-line').textContent({ timeout: 1000 }).catch(() => '')) ?? '';
}

const rows = (page: Page): Promise<Array<{ test: string; result: string; points: string; feedback: string }>> => page.$$eval('.check-table tbody tr', (trs) =>
  (trs as HTMLTableRowElement[]).map((tr) => ({ test: tr.cells[0].textContent ?? '', result: tr.cells[1].textContent ?? '', points: tr.cells[2].textContent ?? '', feedback: tr.cells[3].textContent ?? '' })));

describe.skipIf(!book.runs)('the mse exercise page in Chromium, offline', () => {
  it('scores the stub 0 and a pasted solution full marks; the code survives a reload; Download gives mse.ts', async () => {
    const ctx = await book.env().context();
    const { page, errors } = await msePage(ctx);
    expect(await page.locator('.practice-note').textContent()).toMatch(/practice, not your grade.*CI.*batch/);
    expect(await editorText(page)).toBe(STUB);
    expect(await check(page)).toBe(score(0));
    const stubRows = await rows(page);
    expect(stubRows.map((r) => r.result)).toEqual(CHECKS.map(() => '✗ failed'));
    expect(stubRows[0].feedback).toContain('threw Error: TODO: implement mse');
    expect(await page.locator('.check-results').getAttribute('aria-live')).toBe('polite');

    await paste(page, SOLUTION);
    expect(await check(page)).toBe(score(sum(WORTH)));
    expect((await rows(page)).map((r) => `${r.result} ${r.points}`)).toEqual(WORTH.map((w) => `✓ passed ${formatPoints(w)} / ${formatPoints(w)}`));
    expect(await page.locator('.practice .live-status').textContent()).toBe(`Checked: ${TOTAL} of ${TOTAL} points, ${CHECKS.length} of ${CHECKS.length} checks passed.`);

    await page.reload();
    await page.waitForSelector('.exercise-editor .cm-content');
    expect(await editorText(page)).toBe(SOLUTION);
    expect(await page.locator('.practice .live-status').textContent()).toMatch(/restored/);
    // Ctrl+Enter in the editor checks too.
    await page.locator('.exercise-editor .cm-content').click();
    expect(await check(page, () => page.keyboard.press('Control+Enter'))).toBe(score(sum(WORTH)));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.exercise-download')]);
    expect(download.suggestedFilename()).toBe('mse.ts');
    expect(readFileSync(await download.path(), 'utf8')).toBe(SOLUTION);
    expect(errors).toEqual([]);
    expect(book.env().blocked).toEqual([]);
    await ctx.close();
  });

  it('Reset asks first (keyboard: Escape keeps the code, Enter on "Replace" restores the stub)', async () => {
    const ctx = await book.env().context();
    const { page, errors } = await msePage(ctx);
    await paste(page, SOLUTION);
    await page.locator('button.exercise-reset').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('dialog.confirm')?.hasAttribute('open'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('exercise-reset-cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('dialog.confirm')?.hasAttribute('open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('exercise-reset');
    expect(await editorText(page)).toBe(SOLUTION);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('exercise-reset-confirm');
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe(STUB);
    await page.reload();
    await page.waitForSelector('.exercise-editor .cm-content');
    expect(await editorText(page)).toBe(STUB);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('stops an endless loop: its checks time out after 2 s, the others pass; Stop ends a check stuck loading', async () => {
    const ctx = await book.env().context();
    const { page, errors } = await msePage(ctx);
    await paste(page, LOOPING);
    expect(await check(page)).toBe(LOOPING_SCORE);
    const looped = await rows(page);
    expect(looped.map((r) => r.result)).toEqual(GRADIENT.map((g) => (g ? '✓ passed' : '✗ failed')));
    expect(GRADIENT.filter(Boolean).length).toBeGreaterThan(0);
    for (const r of looped.filter((_, k) => !GRADIENT[k])) expect(r.feedback).toMatch(/problem: +timed out after 2 s\n.*hint: +an endless loop\?/s);

    await paste(page, `for (;;) { /* at import time */ }\n${SOLUTION}`);
    await page.click('button.exercise-check');
    await page.waitForFunction(() => /Checking/.test(document.querySelector('.practice .live-status')?.textContent ?? ''));
    expect(await check(page, () => page.click('button.exercise-stop'))).toBe('');
    expect(await page.locator('.practice .live-status').textContent()).toMatch(/^Stopped/);
    await paste(page, SOLUTION);
    expect(await check(page)).toBe(score(sum(WORTH)));
    expect(errors).toEqual([]);
    await ctx.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violation with the results and with the Reset dialog (${colorScheme})`, async () => {
      const ctx = await book.env().context({ colorScheme });
      const { page } = await msePage(ctx);
      await paste(page, LOOPING.replace('for (;;) { /* forever */ }', 'return 0;'));
      expect(await check(page)).toBe(LOOPING_SCORE);
      expect(await axeViolations(page)).toEqual([]);
      await page.click('button.exercise-reset');
      expect(await axeViolations(page)).toEqual([]);
      await ctx.close();
    });
  }
});
