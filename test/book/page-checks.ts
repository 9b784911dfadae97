/**
 * What every page of the book must hold for a reader using assistive technology, checked in the
 * browser: each figure's text alternative is the one the describer derives from the figure's own
 * data, with the data as tables (header cells); every typeset formula keeps its MathML.
 */
import type { Page } from 'playwright-core';
import { describeFigure } from '../../kit/notebooks/helpers/describe';
import { CATALOGUES } from '../../kit/book/lang';

interface FigureOnPage { json: string; description: string; labelledBy: string | null; labelTarget: boolean; tables: number; headers: number }

/** Problems with the figures' text alternatives and data tables on the page. */
export async function figureProblems(page: Page, name: string): Promise<string[]> {
  const figures = await page.evaluate(() => Array.from(document.querySelectorAll('figure.plot-figure')).map((f) => {
    const labelledBy = f.getAttribute('aria-labelledby');
    return {
      json: f.querySelector('script[data-figure]')?.textContent ?? '{}',
      description: f.querySelector('.figure-description')?.textContent ?? '',
      labelledBy,
      labelTarget: labelledBy !== null && document.getElementById(labelledBy)?.textContent === f.querySelector('.figure-description')?.textContent,
      tables: f.querySelectorAll('details.figure-data table').length,
      headers: f.querySelectorAll('details.figure-data table thead th[scope="col"]').length,
    } satisfies FigureOnPage;
  }));
  return figures.flatMap((f, k) => {
    const where = `${name}: figure ${k + 1}`;
    const expected = describeFigure(JSON.parse(f.json) as { data: unknown; layout: unknown });
    const problems: string[] = [];
    if (f.description !== expected.text) problems.push(`${where}: its description is not the one derived from its data: ${JSON.stringify(f.description)}`);
    if (!/\d/.test(f.description)) problems.push(`${where}: its description names no number: ${JSON.stringify(f.description)}`);
    if (!f.labelTarget) problems.push(`${where}: the figure is not labelled by its description`);
    if (f.tables !== expected.tables.length || f.tables === 0) problems.push(`${where}: ${f.tables} data tables, expected ${expected.tables.length} (at least 1)`);
    if (f.headers < f.tables) problems.push(`${where}: data tables without header cells`);
    return problems;
  });
}

/** Formulas whose MathML (the screen reader's copy) is missing. */
export async function mathProblems(page: Page, name: string): Promise<string[]> {
  const { katex, mathml } = await page.evaluate(() => ({
    katex: document.querySelectorAll('.katex').length,
    mathml: document.querySelectorAll('.katex > .katex-mathml math').length,
  }));
  return mathml >= katex ? [] : [`${name}: ${katex - mathml} of ${katex} formulas have no MathML`];
}

/**
 * A page without what its notebook or exercise file says (code, scripts, Markdown cells) and
 * without the links to the other languages (in those languages): the book's own words.
 */
function pageChrome(html: string): string {
  return html.replace(/<a class="lang-link"[^>]*>[^<]*<\/a>/g, '').replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<pre\b[\s\S]*?<\/pre>/g, '')
    .replace(/<section class="cell markdown-cell">[\s\S]*?<\/section>/g, '');
}

/**
 * The English page words (the catalogue's text between its holes) found in a page's own words:
 * [] on a Korean page. A phrase counts anywhere; a single word ("Previous") as a whole element's
 * text or attribute value.
 */
export function englishChrome(html: string): string[] {
  const own = pageChrome(html);
  return Object.values(CATALOGUES.en.page).flatMap((t) => t.split(/\{\w+\}/)).map((s) => s.trim())
    .filter((s) => /[a-z]{3}/i.test(s))
    .filter((s) => (s.includes(' ') ? own.includes(s) : own.includes(`>${s}<`) || own.includes(`"${s}"`)));
}

/** The language links of a page: hreflang → href. */
export function twinLinks(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<a class="lang-link" href="([^"]+)" hreflang="(\w+)" lang="\2"/g)].map((m) => [m[2], m[1]]));
}
