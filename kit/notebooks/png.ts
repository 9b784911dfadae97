/**
 * Static PNG fallbacks for executed notebooks' figures (`npm run notebooks -- --png`): each
 * plotly output gets an `image/png` drawn by plotly.js in headless Chromium (offline), and its
 * HTML shows that picture until (or unless) plotly draws the live plot — so sanitising viewers
 * (untrusted notebooks, GitHub) still show the figure.
 */
import { existsSync } from 'fs';
import type { INotebookContent } from '@jupyterlab/nbformat';
import { escapeHtml } from './helpers/escape';
import { PLOTLY_MIME } from './helpers/plot';
import { plotlyScriptPath } from './helpers/setup';

/** Chromium binaries tried in order after $CHROMIUM_PATH (never downloaded). */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
/** Width of the PNG in CSS pixels (the notebook column's usual width). */
export const PNG_WIDTH = 800;

/** The Chromium to use, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const list = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES] : CHROMIUM_CANDIDATES;
  return list.find((p) => existsSync(p)) ?? null;
}

const PLACEHOLDER = /<p class="descent-plot-wait"[^>]*>.*?<\/p>/;

/** Adds PNGs to every plotly output of `nb` (in place); returns how many figures were drawn. */
export async function addPngFallbacks(nb: INotebookContent, chromiumPath = findChromium()): Promise<number> {
  const outputs = nb.cells.flatMap((c) => ((c as { outputs?: Array<{ data?: Record<string, unknown> }> }).outputs ?? []))
    .filter((o) => o.data?.[PLOTLY_MIME] !== undefined);
  if (outputs.length === 0) return 0;
  if (chromiumPath === null) {
    throw new Error(`PNG fallbacks need Chromium: none of ${CHROMIUM_CANDIDATES.join(', ')} exists (set CHROMIUM_PATH, or apt-get install chromium)`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent('<!doctype html><html><body><div id="plot"></div></body></html>');
    await page.addScriptTag({ path: plotlyScriptPath() });
    for (const out of outputs) {
      const fig = out.data?.[PLOTLY_MIME];
      const url = await page.evaluate(async ({ figure, width }) => {
        const f = figure as { data: unknown[]; layout: { height?: number }; config?: unknown };
        const P = (globalThis as unknown as { Plotly: { toImage(fig: unknown, opts: unknown): Promise<string> } }).Plotly;
        return P.toImage({ data: f.data, layout: f.layout, config: f.config }, { format: 'png', width, height: f.layout.height ?? 420 });
      }, { figure: fig, width: PNG_WIDTH });
      const base64 = url.slice(url.indexOf(',') + 1);
      out.data = { ...out.data, 'image/png': base64 };
      const html = out.data['text/html'];
      if (typeof html === 'string') {
        const alt = typeof out.data['text/plain'] === 'string' ? out.data['text/plain'] : 'figure'; // show()'s description
        out.data['text/html'] = html.replace(PLACEHOLDER, `<img class="descent-plot-wait" alt="${escapeHtml(alt)}" style="max-width:100%" src="data:image/png;base64,${base64}">`);
      }
    }
  } finally {
    await browser.close();
  }
  return outputs.length;
}
