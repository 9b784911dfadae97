/**
 * `descent/notebook` in the book's browser worker: the same `show`, `showTable`, `showHtml` and
 * `displayBundle` as in a notebook (the worker sets the display sink that posts each bundle to
 * the page). `plotSetup()` has nothing to load there (the book's page has plotly.js already), and
 * `check()` explains where the graders run, since they need Node.
 */
import { showHtml } from './html';
import { escapeHtml } from './escape';

export { show, figureBundle, normalizeFigure, PLOTLY_MIME, DEFAULT_PLOT_HEIGHT } from './plot';
export type { Figure, Trace, ShowOptions } from './plot';
export { showHtml, showTable, tableBundle } from './html';
export type { Row, TableOptions } from './html';
export { displayBundle, setDisplaySink } from './display';
export type { MimeBundle } from './display';
export { describeFigure } from './describe';

/** In the book, plotly.js is part of the page: nothing to load. */
export function plotSetup(): void {
  // The notebook inlines plotly.js here; the book's page loaded its own copy already.
}

/** The graders need Node: says how to check the exercise from a notebook or a terminal. */
export async function check(exercise?: string): Promise<void> {
  if (exercise !== undefined && typeof exercise !== 'string') {
    throw new TypeError(`check: exercise must be a name like 'mse', received ${typeof exercise}`);
  }
  const file = exercise === undefined ? 'exercises/*.ts' : `exercises/${exercise}.ts`;
  const cmd = exercise === undefined ? 'npm run grade' : `npm run grade -- --only ${exercise}`;
  const text = `check() grades ${file} with the course's graders, which run in Node, not in this page: `
    + `run this cell in JupyterLab (npm run lab), or ${cmd} in a terminal.`;
  showHtml(`<p class="descent-check-note">check() grades <code>${escapeHtml(file)}</code> with the course's graders, which run in Node, not in this page: `
    + `run this cell in JupyterLab (<code>npm run lab</code>), or <code>${escapeHtml(cmd)}</code> in a terminal.</p>`, text);
}
