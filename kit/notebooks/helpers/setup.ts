/**
 * `plotSetup()`: loads plotly.js into the notebook page, offline — one output holding the local
 * `plotly.js-dist-min` (about 5 MB), so every later `show(figure)` draws in JupyterLab and classic
 * Notebook without network access. (The book loads plotly.js itself: there it does nothing.)
 */
import { readFileSync } from 'fs';
import { displayBundle, escapeHtml } from './display';

/** The plotly.js the notebooks use (the project's `plotly.js-dist-min`). */
export function plotlyScriptPath(): string {
  return require.resolve('plotly.js-dist-min/plotly.min.js');
}

/** Inlines plotly.js into the notebook as one output (flagged `descent/plot-setup`, which the book drops). */
export function plotSetup(): void {
  const source = readFileSync(plotlyScriptPath(), 'utf8').replace(/<\/script/gi, '<\\/script');
  const version = /plotly\.js v([\d.]+)/.exec(source)?.[1] ?? 'unknown';
  displayBundle({
    'text/html': `<script type="text/javascript">${source}\n</script>`
      + `<p style="color:#888;font:12px sans-serif">plotly.js ${escapeHtml(version)} loaded (offline)</p>`,
    'text/plain': `plotly.js ${version} loaded (offline)`,
  }, { 'descent/plot-setup': true });
}
