/**
 * Small multiples: several 2-D figures as panels of one figure, each with its own axes and a
 * panel title (chapter 03-gradient-descent: four learning rates on one parabola; chapter
 * 08-training: a learning-rate sweep as a gallery of loss curves). Series with the same name in
 * several panels share one legend entry, which toggles them all; axis titles are written once per
 * row (y) and per column (x).
 */
import { checkInteger, checkOptions, expected } from '../util/validate';
import { checkFigureOptions } from './figure';
import type { Figure, FigureOptions, Layout, Trace } from './figure';

/** One panel: a figure (from `lineFigure`, `lossCurves`, …) and the title written above it. */
export interface Panel {
  title: string;
  figure: Figure;
}

export interface PanelsOptions extends Pick<FigureOptions, 'title' | 'width' | 'height'> {
  /** Panels per row (default 2). */
  columns?: number;
}

/** Height of one row of panels when no height is given. */
export const PANEL_ROW_HEIGHT = 280;

/** `panelsFigure([{ title: 'η = 0.1', figure: lossCurves(…) }, …], { title, columns: 3 })`. */
export function panelsFigure(panels: readonly Panel[], options: PanelsOptions = {}): Figure {
  const where = 'panelsFigure';
  checkOptions(where, options, ['title', 'width', 'height', 'columns']);
  checkFigureOptions(where, { title: options.title, width: options.width, height: options.height });
  if (!Array.isArray(panels) || panels.length === 0) {
    throw new TypeError(expected(where, 'panels', 'a non-empty array of { title, figure }', panels));
  }
  const columns = checkInteger(where, 'columns', options.columns ?? 2, 1);
  const rows = Math.ceil(panels.length / columns);
  const first = checkPanel(where, panels[0], 0);
  const layout: Layout = {
    ...JSON.parse(JSON.stringify(first.layout)),
    title: { text: options.title ?? '' },
    grid: { rows, columns: Math.min(columns, panels.length), pattern: 'independent', xgap: 0.12, ygap: 0.32 },
    height: options.height ?? PANEL_ROW_HEIGHT * rows + 90,
    margin: { l: 64, r: 24, t: 90, b: 56 },
    shapes: [],
    annotations: [],
  };
  if (options.width !== undefined) layout.width = options.width;
  const seen = new Set<string>();
  const data: Trace[] = [];
  panels.forEach((panel, k) => {
    const fig = checkPanel(where, panel, k);
    const s = k === 0 ? '' : String(k + 1);
    // Axis titles once per row (y, first column) and per column (x, bottom row), as in a printed grid.
    const [row, column] = [Math.floor(k / columns), k % columns];
    const bottom = row === rows - 1 || k + columns >= panels.length;
    layout[`xaxis${s}`] = { ...(fig.layout.xaxis as object), ...(bottom ? {} : { title: { text: '' } }) };
    layout[`yaxis${s}`] = { ...(fig.layout.yaxis as object), ...(column === 0 ? {} : { title: { text: '' } }) };
    for (const t of fig.data) {
      const name = typeof t.name === 'string' ? t.name : '';
      const trace: Trace = { ...t, xaxis: `x${s}`, yaxis: `y${s}`, legendgroup: name };
      if (t.showlegend !== false) trace.showlegend = !seen.has(name);
      seen.add(name);
      data.push(trace);
    }
    const remap = (item: Record<string, unknown>): Record<string, unknown> => ({
      ...item,
      xref: item.xref === 'paper' ? `x${s} domain` : `x${s}`,
      yref: item.yref === 'paper' ? `y${s} domain` : `y${s}`,
    });
    (layout.shapes as unknown[]).push(...((fig.layout.shapes as Record<string, unknown>[] | undefined) ?? []).map(remap));
    (layout.annotations as unknown[]).push(
      ...((fig.layout.annotations as Record<string, unknown>[] | undefined) ?? []).map(remap),
      {
        text: `<b>${panel.title}</b>`,
        showarrow: false,
        xref: `x${s} domain`,
        yref: `y${s} domain`,
        x: 0.5,
        y: 1.02,
        yanchor: 'bottom',
        font: { size: 13 },
      },
    );
  });
  return { data, layout };
}

function checkPanel(where: string, panel: unknown, k: number): Figure {
  const p = panel as Panel;
  if (p === null || typeof p !== 'object' || typeof p.title !== 'string') {
    throw new TypeError(expected(where, `panels[${k}]`, 'a panel { title: string, figure }', panel));
  }
  const fig = p.figure;
  if (fig === null || typeof fig !== 'object' || !Array.isArray(fig.data) || fig.layout?.xaxis === undefined) {
    throw new TypeError(expected(where, `panels[${k}].figure`, 'a 2-D figure { data, layout } with x and y axes', fig));
  }
  return fig;
}
