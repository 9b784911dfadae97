/**
 * Plotly figure builders for the chapters. Each returns a plain JSON figure `{ data, layout }`
 * (no DOM, no notebook): show it with the kit's `show(figure)` helper. Colours: the Okabe–Ito
 * palette; themes: light (default) and dark.
 */
export {
  CLASS_SYMBOLS,
  DEFAULT_HEIGHT,
  DEFAULT_THEME,
  FIGURE_OPTION_NAMES,
  PALETTE,
  THEMES,
  colour,
  withTheme,
} from './figure';
export type { Figure, FigureOptions, Layout, Theme, ThemeColours, Trace } from './figure';
export { DEFAULT_GRID_POINTS, linspace } from './grid';
export type { GridAxis } from './grid';
export type { Labels, Points2D } from './points';
export { lineFigure, lossCurves } from './line';
export type { LineOptions, LineSeries, LossCurve, LossCurvesOptions } from './line';
export { scatterFigure } from './scatter';
export type { LabelledPoints, ScatterOptions } from './scatter';
export { contourFigure, DEFAULT_CONTOUR_LEVELS, LOG_SCALE_EPSILON } from './contour';
export type { ContourOptions, Marker, Path, SurfaceGridOptions } from './contour';
export { surfaceFigure } from './surface';
export type { SurfaceOptions } from './surface';
export {
  BOUNDARY_PADDING,
  DEFAULT_BOUNDARY_RESOLUTION,
  REGION_OPACITY,
  decisionBoundary,
} from './decision-boundary';
export type { DecisionBoundaryOptions } from './decision-boundary';
export { DEFAULT_GRAPH_DIGITS, GRAPH_COLUMN_WIDTH, GRAPH_ROW_HEIGHT, graphFigure } from './graph';
export type { GraphFigureInput, GraphFigureNode, GraphFigureOptions } from './graph';
