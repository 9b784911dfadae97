/**
 * Loss surfaces seen from above, with optimizer paths on top (chapters 03-gradient-descent,
 * 06-minima-saddles, 07-optimizers). Contour lines are drawn in the theme's greys (dark = low) so
 * the coloured paths stand out; `fill: true` colours the levels with Viridis instead.
 */
import { checkBoolean, checkFinite, checkInteger, expected } from '../util/validate';
import { baseLayout, checkFigureOptions } from './figure';
import type { Figure, FigureOptions, ThemeColours, Trace } from './figure';
import { axisPoints, evaluateGrid, gridFromValues, gridRows } from './grid';
import type { Grid, GridAxis } from './grid';
import { pathCoordinates } from './points';
import { seriesStyle } from './style';
import type { SeriesStyle } from './style';

/** A path drawn over a surface, e.g. the iterates of an optimizer. */
export interface Path {
  name: string;
  /** Points `[x, y]`; non-finite coordinates (a diverging run) leave gaps. */
  points: readonly (readonly number[])[];
}

/** A labelled point such as a minimum or a saddle. */
export interface Marker {
  name: string;
  point: readonly number[];
}

export interface SurfaceGridOptions {
  /** The function to draw, f(x, y). Give this or `grid`. */
  f?: (x: number, y: number) => number;
  /** Precomputed values: rows `z[j][i]` for (x[i], y[j]), or a flat row-major array. */
  grid?: readonly (readonly number[])[] | Float64Array;
  /** The x axis `[min, max]` or `[min, max, n]` (n defaults to `DEFAULT_GRID_POINTS`). */
  x: GridAxis;
  y: GridAxis;
  /** Draw log₁₀(f − min f + ε), ε = `LOG_SCALE_EPSILON`·(max f − min f): for steep valleys like Rosenbrock. */
  logScale?: boolean;
  paths?: readonly Path[];
}

export interface ContourOptions extends SurfaceGridOptions, FigureOptions {
  /** A number of levels, or explicit `{ start, end, size }` (in the plotted, possibly log, units). */
  levels?: number | { start: number; end: number; size: number };
  /** Colour the levels (Viridis) instead of drawing grey lines (default false). */
  fill?: boolean;
  /** Points to mark, e.g. `[{ name: 'minimum', point: [1, 1] }]`. */
  markers?: readonly Marker[];
  /** Title of the colour bar (default `'f'`, or the log expression with `logScale`). */
  zLabel?: string;
  /**
   * One unit on x as long as one unit on y (default false), so that gradients look perpendicular
   * to the contour lines and an ill-conditioned bowl looks as narrow as it is.
   */
  equalAspect?: boolean;
}

/** Relative offset ε of the log scale (see `logScale`). */
export const LOG_SCALE_EPSILON = 1e-6;
/** Number of contour levels when none is given. */
export const DEFAULT_CONTOUR_LEVELS = 25;

const CONTOUR_OPTIONS = ['f', 'grid', 'x', 'y', 'logScale', 'paths', 'levels', 'fill', 'markers', 'equalAspect', 'zLabel'];

/** The grid of a contour or surface figure, and the transform of its values. */
export function surfaceGrid(
  where: string,
  options: SurfaceGridOptions,
): { grid: Grid; transform: (v: number) => number; zTitle: string } {
  const xs = axisPoints(where, 'x', options.x);
  const ys = axisPoints(where, 'y', options.y);
  if ((options.f === undefined) === (options.grid === undefined)) {
    throw new TypeError(
      `${where}: give exactly one of f (a function (x, y) => number) and grid (precomputed values), ` +
        `received ${options.f === undefined ? 'neither' : 'both'}`,
    );
  }
  const grid =
    options.f !== undefined ? evaluateGrid(where, options.f, xs, ys) : gridFromValues(where, options.grid, xs, ys);
  const log = checkBoolean(where, 'logScale', options.logScale ?? false);
  if (!log) return { grid, transform: (v) => v, zTitle: 'f' };
  const eps = Math.max((grid.max - grid.min) * LOG_SCALE_EPSILON, 1e-300);
  const lo = grid.min;
  return { grid, transform: (v) => Math.log10(v - lo + eps), zTitle: 'log₁₀(f − min f + ε)' };
}

/** Contour plot of f over x × y with optional optimizer paths and marked points. */
export function contourFigure(options: ContourOptions): Figure {
  const where = 'contourFigure';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(expected(where, 'options', 'an object { f or grid, x, y, … }', options));
  }
  const c = checkFigureOptions(where, options, CONTOUR_OPTIONS);
  const { grid, transform, zTitle: defaultZ } = surfaceGrid(where, options);
  if (options.zLabel !== undefined && typeof options.zLabel !== 'string') throw new TypeError(expected(where, 'zLabel', 'a string', options.zLabel));
  const zTitle = options.zLabel ?? defaultZ;
  const fill = checkBoolean(where, 'fill', options.fill ?? false);
  const contour: Trace = {
    type: 'contour',
    name: 'f',
    x: grid.x,
    y: grid.y,
    z: gridRows(grid, transform),
    colorscale: fill ? 'Viridis' : greys(c),
    contours: { coloring: fill ? 'heatmap' : 'lines', showlabels: !fill, labelfont: { color: c.text, size: 10 } },
    line: { width: fill ? 0.5 : 1.2, smoothing: 0.85 },
    colorbar: { title: { text: zTitle }, outlinewidth: 0, tickfont: { color: c.text } },
    hovertemplate: `x = %{x:.4g}<br>y = %{y:.4g}<br>${zTitle} = %{z:.4g}<extra></extra>`,
    showlegend: false,
  };
  applyLevels(where, contour, options.levels);
  const layout = baseLayout(options, { title: 'Loss surface', xLabel: 'x', yLabel: 'y' }, c);
  (layout.xaxis as Record<string, unknown>).range = [grid.x[0], grid.x[grid.x.length - 1]];
  (layout.yaxis as Record<string, unknown>).range = [grid.y[0], grid.y[grid.y.length - 1]];
  for (const key of ['xaxis', 'yaxis']) Object.assign(layout[key] as object, { showgrid: false, zeroline: false });
  if (checkBoolean(where, 'equalAspect', options.equalAspect ?? false)) {
    Object.assign(layout.yaxis as object, { scaleanchor: 'x', scaleratio: 1, constrain: 'domain' });
    Object.assign(layout.xaxis as object, { constrain: 'domain' });
  }
  layout.legend = { bgcolor: 'rgba(0,0,0,0)', orientation: 'h', y: -0.18 };
  return { data: [contour, ...pathTraces(where, options.paths), ...markerTraces(where, options.markers, c)], layout };
}

/** A colour scale from the theme's neutral (low values) to its grid colour (high values). */
function greys(c: ThemeColours): [number, string][] {
  return [
    [0, c.neutral],
    [1, c.axis],
  ];
}

function applyLevels(where: string, trace: Trace, levels: unknown): void {
  if (levels === undefined) {
    trace.ncontours = DEFAULT_CONTOUR_LEVELS;
    return;
  }
  if (typeof levels === 'number') {
    trace.ncontours = checkInteger(where, 'levels', levels, 2);
    return;
  }
  if (levels === null || typeof levels !== 'object' || Array.isArray(levels)) {
    throw new TypeError(expected(where, 'levels', 'a count >= 2 or { start, end, size }', levels));
  }
  const l = levels as { start?: unknown; end?: unknown; size?: unknown };
  const start = checkFinite(where, 'levels.start', l.start);
  const end = checkFinite(where, 'levels.end', l.end);
  const size = checkFinite(where, 'levels.size', l.size);
  if (!(end > start) || !(size > 0)) {
    throw new RangeError(expected(where, 'levels', '{ start, end, size } with end > start and size > 0', levels));
  }
  trace.autocontour = false;
  trace.contours = { ...(trace.contours as object), start, end, size };
}

/** Paths longer than this are drawn as lines only (markers would cover the line). */
export const PATH_MARKER_LIMIT = 80;

/**
 * Two traces per path: the line (with small markers at every iterate when the path is short) and
 * its two ends, a big dot at the start and a cross at the end.
 */
export function pathTraces(where: string, paths: unknown): Trace[] {
  if (paths === undefined) return [];
  if (!Array.isArray(paths)) throw new TypeError(expected(where, 'paths', 'an array of { name, points }', paths));
  const traces: Trace[] = [];
  paths.forEach((path: unknown, k: number) => {
    if (path === null || typeof path !== 'object') {
      throw new TypeError(expected(where, `paths[${k}]`, 'an object { name, points }', path));
    }
    const { name, points } = path as { name?: unknown; points?: unknown };
    if (typeof name !== 'string') throw new TypeError(expected(where, `paths[${k}].name`, 'a string', name));
    const { xs, ys } = pathCoordinates(where, `paths[${k}].points`, points);
    traces.push(...pathLine(name, xs, ys, seriesStyle(k)));
  });
  return traces;
}

/**
 * The line of one path and its end markers (shared with the 1-D landscape figure): path k has the
 * k-th colour, dash and marker symbol of `seriesStyle`.
 */
export function pathLine(name: string, xs: (number | null)[], ys: (number | null)[], style: SeriesStyle): Trace[] {
  const last = lastFinite(xs, ys);
  const { color, dash, symbol } = style;
  const group = `path-${name}`;
  return [
    {
      type: 'scatter',
      mode: xs.length <= PATH_MARKER_LIMIT ? 'lines+markers' : 'lines',
      name,
      legendgroup: group,
      x: xs,
      y: ys,
      line: { color, width: 2.5, dash },
      marker: { color, size: 6, symbol },
      hovertemplate: `${escape(name)}<br>step %{pointNumber}<br>(%{x:.4g}, %{y:.4g})<extra></extra>`,
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: `${name} (start, end)`,
      legendgroup: group,
      showlegend: false,
      x: [xs[0], xs[last]],
      y: [ys[0], ys[last]],
      marker: { color, size: [11, 12], symbol: ['circle', 'x'], line: { color, width: 1 } },
      hovertemplate: `${escape(name)}<br>%{text}<br>(%{x:.4g}, %{y:.4g})<extra></extra>`,
      text: ['start', `end (step ${last})`],
    },
  ];
}

function lastFinite(xs: (number | null)[], ys: (number | null)[]): number {
  for (let i = xs.length - 1; i > 0; i--) if (xs[i] !== null && ys[i] !== null) return i;
  return 0;
}

function markerTraces(where: string, markers: unknown, c: ThemeColours): Trace[] {
  if (markers === undefined) return [];
  if (!Array.isArray(markers)) throw new TypeError(expected(where, 'markers', 'an array of { name, point }', markers));
  const xs: number[] = [];
  const ys: number[] = [];
  const names: string[] = [];
  markers.forEach((m: unknown, k: number) => {
    const { name, point } = (m ?? {}) as { name?: unknown; point?: unknown };
    if (typeof name !== 'string') throw new TypeError(expected(where, `markers[${k}].name`, 'a string', name));
    const p = pathCoordinates(where, `markers[${k}].point`, [point]);
    xs.push(p.xs[0] as number);
    ys.push(p.ys[0] as number);
    names.push(name);
  });
  return [
    {
      type: 'scatter',
      mode: 'markers+text',
      name: 'marked points',
      x: xs,
      y: ys,
      text: names,
      textposition: 'top center',
      textfont: { color: c.text },
      marker: { symbol: 'star', size: 14, color: c.neutral, line: { color: c.background, width: 1 } },
      hovertemplate: '%{text}<br>(%{x:.4g}, %{y:.4g})<extra></extra>',
      showlegend: false,
    },
  ];
}

/** Escapes the characters plotly's hover templates treat as markup. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/%\{/g, '% {');
}

