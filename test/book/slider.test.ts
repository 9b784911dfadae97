/**
 * Plotly sliders from the keyboard: the book binds a native range input to each slider of a
 * figure (arrows, Home, End; its value spoken as the step's label), which runs the step's plotly
 * method; with prefers-reduced-motion the slider's transition is off. On the fixture course (no
 * kernel), in Chromium, offline.
 */
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../kit/book/build';
import { openPage, useBrowserEnv } from './browser-env';
import { SLIDER_FIGURE, writeCourse } from './fixtures';

const book = useBrowserEnv('the slider browser test', {
  timeoutMs: 120_000,
  build: () => {
    const course = writeCourse();
    return buildBook({ out: join(course.root, 'book'), notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: course.exercises, execute: 'never' });
  },
});
const { runs } = book;

describe.skipIf(!runs)('a figure with a plotly slider', () => {
  it('moves with the arrow keys, Home and End through a labelled range input, without motion when asked', async () => {
    const ctx = await book.env().context({ reducedMotion: 'reduce' });
    const { page, errors } = await openPage(ctx, `${book.env().server.url}02-beta.html`);
    const input = page.locator('.plot-slider input[type="range"]');
    expect(await input.count()).toBe(1);
    expect(await page.locator('.plot-slider label').textContent()).toBe('learning rate η');
    const y = (): Promise<unknown> => page.evaluate(() => (document.querySelector('.js-plotly-plot') as unknown as { data: Array<{ y: unknown }> }).data[0].y);
    expect(await y()).toEqual([0, 1, 2]);
    await input.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => JSON.stringify((document.querySelector('.js-plotly-plot') as unknown as { data: Array<{ y: unknown }> }).data[0].y) === '[0,0.5,1]');
    expect(await input.getAttribute('aria-valuetext')).toBe('0.5');
    await page.keyboard.press('End');
    await page.waitForFunction(() => JSON.stringify((document.querySelector('.js-plotly-plot') as unknown as { data: Array<{ y: unknown }> }).data[0].y) === '[0,1,2]');
    expect(await page.locator('.plot-slider output').textContent()).toBe(String(SLIDER_FIGURE.layout.sliders[0].steps.at(-1)?.label));
    // plotly's own slider follows, and it does not animate for a reader who asked for less motion.
    const layout = await page.evaluate(() => (document.querySelector('.js-plotly-plot') as unknown as { layout: { sliders: Array<{ active: number; transition: { duration: number } }> } }).layout.sliders[0]);
    expect(layout.active).toBe(2);
    expect(layout.transition.duration).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});
