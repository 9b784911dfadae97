/**
 * The script of every page of the book (assets/book.js): the phone menu, the plotly figures
 * (figures.ts), and keyboard access to whatever scrolls sideways (a wide table or formula gets
 * `tabindex="0"`, so arrow keys can scroll it). Chapter pages also load live.js, which uses
 * `window.descentBook` to draw the figures of the cells it runs.
 */
import { fixInlineContrast } from './contrast';
import { drawAll, drawFigures, followPreferences } from './figures';
import { pageLanguage } from './strings';

const lang = pageLanguage(document);
document.documentElement.classList.remove('no-js');

function menu(): void {
  const toggle = document.querySelector<HTMLButtonElement>('.menu-toggle');
  const sidebar = document.getElementById('sidebar');
  if (!toggle || !sidebar) return;
  const setOpen = (open: boolean): void => {
    sidebar.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!sidebar.classList.contains('open')));
  sidebar.addEventListener('click', (e) => { if ((e.target as Element | null)?.closest('a')) setOpen(false); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && sidebar.classList.contains('open')) {
      setOpen(false);
      toggle.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (sidebar.classList.contains('open') && !sidebar.contains(e.target as Node) && !toggle.contains(e.target as Node)) setOpen(false);
  });
}

const SCROLLERS = '.katex-display, .katex-block, .output-html, .output-latex, .output-markdown, main table, .cell-outputs pre';

/** Makes every element that scrolls sideways (and holds nothing focusable) reachable by Tab. */
export function focusableScrollers(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(SCROLLERS))) {
    if (el.hasAttribute('tabindex') || el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.querySelector('a[href], button, input, select, textarea, [tabindex]')) continue;
    el.tabIndex = 0;
  }
}

menu();
const ready = drawFigures(document, lang, true);
followPreferences();
window.addEventListener('beforeprint', () => { void drawAll(); });
focusableScrollers();
fixInlineContrast();
window.addEventListener('resize', () => focusableScrollers());
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => fixInlineContrast());

/** What live.js uses. */
(window as unknown as { descentBook: unknown }).descentBook = {
  lang,
  ready,
  drawFigures: (root: ParentNode) => drawFigures(root, lang),
  drawAll,
  focusableScrollers,
  fixInlineContrast,
};
