/**
 * A loss surface in 3-D, optionally with optimizer paths lying on it (chapters 03-gradient-descent
 * and 06-minima-saddles: the bowl of a quadratic, the saddle x² − y²). Drag to rotate.
 */
import { expected } from '../util/validate';
import { axis, checkFigureOptions, DEFAULT_HEIGHT } from './figure';
import type { Figure, FigureOptions, Trace } from './figure';
import { gridRows } from './grid';
import { surfaceGrid } from './contour';
import type { SurfaceGridOptions } from './contour';
import { pathCoordinates } from './points';
import { seriesStyle } from './style';

export interface SurfaceOptions extends SurfaceGridOptions, FigureOptions {
  /** Title of the vertical axis (default `'f(x, y)'`, or the log expression with `logScale`). */
  zLabel?: string;
}

const SURFACE_OPTIONS = ['f', 'grid', 'x', 'y', 'logScale', 'paths', 'zLabel'];

/**
 * A 3-D surface z = f(x, y) over x × y, Viridis-coloured, with each path drawn at its height:
 * the third coordinate of its points, or f(x, y) when `f` is given.
 */
export function surfaceFigure(options: SurfaceOptions): Figure {
  const where = 'surfaceFigure';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(expected(where, 'options', 'an object { f or grid, x, y, … }', options));
  }
  const c = checkFigureOptions(where, options, SURFACE_OPTIONS);
  if (options.zLabel !== undefined && typeof options.zLabel !== 'string') {
    throw new TypeError(expected(where, 'zLabel', 'a string', options.zLabel));
  }
  const { grid, transform, zTitle } = surfaceGrid(where, options);
  const surface: Trace = {
    type: 'surface',
    name: 'f',
    x: grid.x,
    y: grid.y,
    z: gridRows(grid, transform),
    colorscale: 'Viridis',
    opacity: 0.92,
    contours: { z: { show: true, usecolormap: true, project: { z: true } } },
    colorbar: { title: { text: zTitle }, outlinewidth: 0, tickfont: { color: c.text } },
    hovertemplate: `x = %{x:.4g}<br>y = %{y:.4g}<br>${zTitle} = %{z:.4g}<extra></extra>`,
  };
  const traces: Trace[] = [surface];
  const paths = options.paths;
  if (paths !== undefined) {
    if (!Array.isArray(paths)) throw new TypeError(expected(where, 'paths', 'an array of { name, points }', paths));
    paths.forEach((path: unknown, k: number) => {
      const { name, points } = (path ?? {}) as { name?: unknown; points?: unknown };
      if (typeof name !== 'string') throw new TypeError(expected(where, `paths[${k}].name`, 'a string', name));
      const { xs, ys, zs } = pathCoordinates(where, `paths[${k}].points`, points);
      let heights = zs;
      if (heights === null) {
        const f = options.f;
        if (f === undefined) {
          throw new TypeError(
            `${where}: paths[${k}].points must be [x, y, z] points when the surface is given as grid (no f to compute z)`,
          );
        }
        heights = xs.map((x, i) => {
          const y = ys[i];
          if (x === null || y === null) return null;
          const z = transform(f(x, y));
          return Number.isFinite(z) ? z : null;
        });
      }
      const style = seriesStyle(k);
      // scatter3d knows fewer marker symbols than 2-D scatter: circle, square, diamond, cross, x.
      const symbol = ['circle', 'square', 'diamond', 'cross', 'x'][k % 5];
      traces.push({
        type: 'scatter3d',
        mode: 'lines+markers',
        name,
        x: xs,
        y: ys,
        z: heights,
        line: { color: style.color, width: 6, dash: style.dash },
        marker: { color: style.color, size: 3, symbol },
      });
    });
  }
  const sceneAxis = (title: string) => ({ ...axis(title, c), backgroundcolor: c.background, showbackground: true });
  const o = options;
  const layout: Record<string, unknown> = {
    title: { text: o.title ?? 'Loss surface' },
    scene: {
      xaxis: sceneAxis(o.xLabel ?? 'x'),
      yaxis: sceneAxis(o.yLabel ?? 'y'),
      zaxis: sceneAxis(o.zLabel ?? zTitle),
      bgcolor: c.background,
    },
    paper_bgcolor: c.background,
    font: { color: c.text, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 13 },
    // top left, away from the colour bar on the right
    legend: { bgcolor: 'rgba(0,0,0,0)', x: 0, xanchor: 'left', y: 1, yanchor: 'top' },
    margin: { l: 0, r: 0, t: 56, b: 0 },
    height: o.height ?? Math.max(DEFAULT_HEIGHT, 520),
  };
  if (o.width !== undefined) layout.width = o.width;
  return { data: traces, layout };
}
