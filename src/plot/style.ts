/**
 * How the figures tell series apart without relying on colour (WCAG 2.1, 1.4.1 "Use of Color"):
 * series k gets the k-th Okabe–Ito colour AND the k-th dash pattern AND the k-th marker symbol, so
 * a reader who cannot tell vermillion from green, or who prints the page in grey, still sees which
 * curve is which. Bars get fill patterns. Every builder in `src/plot` takes its styles from here.
 */
import { CLASS_SYMBOLS, colour } from './figure';

/** Line dash patterns, in the order series use them (plotly's names). */
export const DASHES: readonly string[] = Object.freeze(['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot']);

/** Marker symbols, in the order series use them (plotly's names): the class symbols, and one more. */
export const SYMBOLS: readonly string[] = Object.freeze([...CLASS_SYMBOLS, 'triangle-down']);

/** Bar fill patterns, in the order bar series use them ('' is a solid fill). */
export const BAR_PATTERNS: readonly string[] = Object.freeze(['', '/', '.', 'x', '\\', '+', '-', '|']);

/** The style of series k: colour, dash and marker symbol all change with k. */
export interface SeriesStyle {
  color: string;
  dash: string;
  symbol: string;
  pattern: string;
}

const cycle = (list: readonly string[], k: number): string => list[((k % list.length) + list.length) % list.length];

/** The style of series number `k` (0-based). */
export function seriesStyle(k: number): SeriesStyle {
  return { color: colour(k), dash: cycle(DASHES, k), symbol: cycle(SYMBOLS, k), pattern: cycle(BAR_PATTERNS, k) };
}
