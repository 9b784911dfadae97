/**
 * The book's static files, all local (nothing is loaded from a CDN): KaTeX's CSS and fonts,
 * plotly.js (`plotly.js-dist-min`, one copy for the whole book), highlight.js's GitHub themes
 * (light, and dark under prefers-color-scheme), and the book's own CSS, script and icon.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { copyFile, listDir, readText, ROOT } from './files';

/** The folder of the book's own assets (book.css, book.js, favicon.svg). */
export const OWN_ASSETS_DIR = join(__dirname, 'assets');

function packageFile(spec: string): string {
  return require.resolve(spec, { paths: [ROOT] });
}

/** Where plotly.js is copied, relative to the book. */
export const PLOTLY_ASSET = 'assets/plotly.min.js';

/** Copies every asset into `<out>/assets`; returns the files written, relative to `out`. */
export function copyAssets(out: string): string[] {
  const assets = join(out, 'assets');
  const written: string[] = [];
  const put = (from: string, rel: string): void => {
    copyFile(from, join(assets, rel));
    written.push(`assets/${rel}`);
  };

  const katexDist = dirname(packageFile('katex/dist/katex.min.css'));
  put(join(katexDist, 'katex.min.css'), 'katex/katex.min.css');
  for (const font of listDir(join(katexDist, 'fonts'))) put(join(katexDist, 'fonts', font), `katex/fonts/${font}`);

  put(packageFile('plotly.js-dist-min/plotly.min.js'), 'plotly.min.js');

  const light = readText(packageFile('highlight.js/styles/github.min.css'));
  const dark = readText(packageFile('highlight.js/styles/github-dark.min.css'));
  mkdirSync(assets, { recursive: true });
  writeFileSync(join(assets, 'highlight.css'), `${light}\n@media (prefers-color-scheme: dark) {\n${dark}\n}\n`);
  written.push('assets/highlight.css');

  for (const f of listDir(OWN_ASSETS_DIR)) put(join(OWN_ASSETS_DIR, f), f);
  return written;
}
