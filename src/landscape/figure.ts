/**
 * A landscape drawn with its critical points and optimizer paths, in its own window: a contour
 * plot for 2-D landscapes, the curve f(x) with the iterates on it for 1-D ones (chapters
 * 03-gradient-descent, 06-minima-saddles, 07-optimizers).
 */
import { checkBoolean, expected } from '../util/validate';
import { contourFigure, lineFigure } from '../plot';
import { seriesStyle } from '../plot/style';
import type { Figure, FigureOptions, GridAxis, Marker } from '../plot';
import { pathLine } from '../plot/contour';
import type { Landscape } from './landscape';

/** Default height of a 2-D landscape figure (taller than other figures, as its axes are equal). */
export const LANDSCAPE_HEIGHT = 520;

export interface LandscapeFigureOptions extends FigureOptions {
  /** Paths to draw: `{ name, points }` (e.g. from `trajectory` or `compareOptimizers`); 1-D points may be numbers. */
  paths?: readonly { name: string; points: readonly (readonly number[])[] | readonly number[] }[];
  /** The window (default: the landscape's `domain`), `[min, max]` or `[min, max, n]`. */
  x?: GridAxis;
  y?: GridAxis;
  /** Contour on a log scale (default: the landscape's `logScale`). */
  logScale?: boolean;
  /** Mark the known minima, maxima and saddles (default true). */
  criticalPoints?: boolean;
  /** Filled contours (see `contourFigure`). */
  fill?: boolean;
  /** Equal units on x and y (default true for 2-D landscapes; see `contourFigure`). */
  equalAspect?: boolean;
}

const OPTIONS = ['paths', 'x', 'y', 'logScale', 'criticalPoints', 'fill', 'equalAspect', 'title', 'xLabel', 'yLabel', 'theme', 'width', 'height'];

/** `landscapeFigure(rosenbrock(), { paths: compareOptimizers({ … }) })`. */
export function landscapeFigure(landscape: Landscape, options: LandscapeFigureOptions = {}): Figure {
  const where = 'landscapeFigure';
  if (landscape === null || typeof landscape !== 'object' || typeof (landscape as Landscape).f !== 'function') {
    throw new TypeError(expected(where, 'landscape', 'a landscape such as rosenbrock() or quadratic([1, 10])', landscape));
  }
  for (const key of Object.keys(options ?? {})) {
    if (!OPTIONS.includes(key)) throw new TypeError(`${where}: unknown option ${JSON.stringify(key)}; expected one of ${OPTIONS.join(', ')}`);
  }
  const showCritical = checkBoolean(where, 'criticalPoints', options.criticalPoints ?? true);
  const { paths, criticalPoints: _c, x, y, logScale, fill, equalAspect, ...common } = options;
  const domain = landscape.domain;
  const title = options.title ?? landscape.name;
  if (landscape.dim === 1) return oneDimensional(where, landscape, options, showCritical, title);
  if (landscape.dim !== 2) {
    throw new RangeError(`${where}: landscape must have 1 or 2 parameters to be drawn, received ${landscape.name} with ${landscape.dim}`);
  }
  const markers: Marker[] = [];
  if (showCritical) {
    // "global min" only when one minimum is strictly the lowest (Himmelblau's four are equal).
    const values = landscape.minima.map((p) => landscape.f(p));
    const lowest = Math.min(...values);
    const unique = values.filter((v) => v <= lowest + 1e-9 * (1 + Math.abs(lowest))).length === 1;
    landscape.minima.forEach((p, k) =>
      markers.push({ name: unique && values.length > 1 && values[k] === lowest ? 'global min' : 'min', point: p }),
    );
    landscape.maxima.forEach((p) => markers.push({ name: 'max', point: p }));
    landscape.saddles.forEach((p) => markers.push({ name: 'saddle', point: p }));
  }
  const f2 = (a: number, b: number) => landscape.f([a, b]);
  return contourFigure({
    ...common,
    height: common.height ?? LANDSCAPE_HEIGHT,
    title,
    f: f2,
    x: x ?? [domain[0][0], domain[0][1]],
    y: y ?? [domain[1][0], domain[1][1]],
    logScale: logScale ?? landscape.logScale,
    fill,
    equalAspect: equalAspect ?? true,
    paths: paths?.map((p, k) => ({ name: p.name, points: asPoints(where, `paths[${k}]`, p.points) })),
    markers: markers.length > 0 ? markers : undefined,
  });
}

function oneDimensional(
  where: string,
  landscape: Landscape,
  options: LandscapeFigureOptions,
  showCritical: boolean,
  title: string,
): Figure {
  const { paths, criticalPoints: _c, x, y: _y, logScale: _l, fill: _f, equalAspect: _e, ...common } = options;
  const range = x ?? [landscape.domain[0][0], landscape.domain[0][1], 301];
  const fig = lineFigure([{ name: 'f(x)', f: (v: number) => landscape.f([v]) }], {
    ...common,
    title,
    xLabel: options.xLabel ?? 'x',
    yLabel: options.yLabel ?? 'f(x)',
    x: range,
  });
  fig.data[0].line = { color: '#7b8794', width: 2.5 };
  (paths ?? []).forEach((p, k) => {
    const pts = asPoints(where, `paths[${k}]`, p.points);
    const xs = pts.map((q) => q[0]);
    const ys = xs.map((v) => (Number.isFinite(v) ? landscape.f([v]) : NaN)).map((v) => (Number.isFinite(v) ? v : null));
    fig.data.push(...pathLine(p.name, xs.map((v) => (Number.isFinite(v) ? v : null)), ys, seriesStyle(k)));
  });
  if (showCritical) {
    const pts = [
      ...landscape.minima.map((p) => ({ p, name: 'min' })),
      ...landscape.maxima.map((p) => ({ p, name: 'max' })),
    ];
    fig.data.push({
      type: 'scatter',
      mode: 'markers+text',
      name: 'critical points',
      x: pts.map((q) => q.p[0]),
      y: pts.map((q) => landscape.f([q.p[0]])),
      text: pts.map((q) => q.name),
      textposition: 'bottom center',
      marker: { symbol: 'star', size: 13, color: '#7b8794' },
      showlegend: false,
    });
  }
  return fig;
}

function asPoints(where: string, name: string, points: unknown): number[][] {
  if (!Array.isArray(points)) throw new TypeError(expected(where, `${name}.points`, 'an array of points', points));
  return points.map((p: unknown) => (typeof p === 'number' ? [p] : (p as number[])));
}
